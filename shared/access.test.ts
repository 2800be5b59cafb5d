import { accessFor, type Directory } from './access';
import type { Desk } from './desks/model';
import { deskId, orgId, userId } from './ids';

const desk = (id: string, members: string[], memberGroupId?: string): Desk =>
  ({ id: deskId(id), members: members.map(userId), memberGroupId }) as unknown as Desk;

const directory: Directory = {
  users: { anne: { orgId: orgId('molde') }, bjorn: { orgId: orgId('aukra') } },
  superusers: { molde: [userId('anne')] },
  reportReaders: [userId('rita')],
  groupRoles: { 'g-reports': 'Reports.Read', 'g-super-rauma': 'Superuser.rauma' },
};
const desks = [desk('ror-ikt', ['kari'], 'g-ror'), desk('uke', ['ola'])];

describe('accessFor', () => {
  it('gives an employee only their own cases', () => {
    const a = accessFor({ id: userId('bjorn') }, desks, directory);
    expect(a).toEqual({ userId: 'bjorn', deskIds: [], orgIds: [], homeOrgId: 'aukra', reportReader: false });
  });
  it('makes desk members from the desk list, the desk group, or an app role', () => {
    expect(accessFor({ id: userId('kari') }, desks, directory).deskIds).toEqual(['ror-ikt']);
    expect(accessFor({ id: userId('x'), groups: ['g-ror'] }, desks, directory).deskIds).toEqual(['ror-ikt']);
    expect(accessFor({ id: userId('x'), appRoles: ['Desk.uke'] }, desks, directory).deskIds).toEqual(['uke']);
  });
  it('does not make a desk member of an app role for an unknown desk', () => {
    expect(accessFor({ id: userId('x'), appRoles: ['Desk.nope'] }, desks, directory).deskIds).toEqual([]);
  });
  it('makes superbrukere from the directory, app roles and groups', () => {
    expect(accessFor({ id: userId('anne') }, desks, directory).orgIds).toEqual(['molde']);
    expect(
      accessFor(
        { id: userId('x'), appRoles: ['Superuser.vestnes'], groups: ['g-super-rauma'] },
        desks,
        directory,
      ).orgIds,
    ).toEqual(['rauma', 'vestnes']);
  });
  it('makes report readers from the directory, the app role or a group', () => {
    expect(accessFor({ id: userId('rita') }, desks, directory).reportReader).toBe(true);
    expect(accessFor({ id: userId('x'), appRoles: ['Reports.Read'] }, desks, directory).reportReader).toBe(
      true,
    );
    expect(accessFor({ id: userId('x'), groups: ['g-reports'] }, desks, directory).reportReader).toBe(true);
    expect(accessFor({ id: userId('x'), groups: ['other'] }, desks, directory).reportReader).toBe(false);
  });
});

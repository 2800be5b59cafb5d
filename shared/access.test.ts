import { accessFor, maySetUpAnything, maySetUpDesk, roleOn, type Directory } from './access';
import type { Case } from './cases/model';
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
    expect(a).toEqual({
      userId: 'bjorn',
      deskIds: [],
      orgIds: [],
      homeOrgId: 'aukra',
      reportReader: false,
      admin: false,
      leadDeskIds: [],
    });
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
  it('makes administrators and desk leads from app roles, groups and the directory', () => {
    const dir: Directory = {
      ...directory,
      admins: [userId('ada')],
      deskLeads: { uke: [userId('lea')] },
      groupRoles: { 'g-admin': 'Fristvakt.Admin' },
    };
    expect(accessFor({ id: userId('ada') }, desks, dir).admin).toBe(true);
    expect(accessFor({ id: userId('x'), groups: ['g-admin'] }, desks, dir).admin).toBe(true);
    expect(accessFor({ id: userId('x'), appRoles: ['Fristvakt.Admin'] }, desks, dir).admin).toBe(true);
    const lead = accessFor({ id: userId('lea') }, desks, dir);
    expect(lead).toMatchObject({ admin: false, leadDeskIds: ['uke'] });
    expect(maySetUpDesk(lead, deskId('uke'))).toBe(true);
    expect(maySetUpDesk(lead, deskId('ror-ikt'))).toBe(false);
    expect(accessFor({ id: userId('x'), appRoles: ['DeskLead.ror-ikt'] }, desks, dir).leadDeskIds).toEqual([
      'ror-ikt',
    ]);
    expect(maySetUpAnything(accessFor({ id: userId('bjorn') }, desks, dir))).toBe(false);
  });
});

describe('roleOn: the one access rule', () => {
  const c = {
    deskId: deskId('ror-ikt'),
    orgId: orgId('molde'),
    reporter: { id: userId('rep'), name: 'R' },
    followers: [{ id: userId('fol'), name: 'F' }],
    testContact: { id: userId('tc'), name: 'T' },
  } as unknown as Case;
  const as = (id: string, extra: Partial<Parameters<typeof accessFor>[0]> = {}) =>
    roleOn(c, accessFor({ id: userId(id), ...extra }, desks, directory));
  it('answers the most privileged capacity, or null', () => {
    expect(as('kari')).toBe('desk');
    expect(as('anne')).toBe('superuser');
    expect(as('rep')).toBe('reporter');
    expect(as('fol')).toBe('follower');
    expect(as('tc')).toBe('follower');
    expect(as('ola')).toBeNull(); // member of another desk
    expect(as('rita')).toBeNull(); // a report reader sees figures, not cases
    expect(as('bjorn')).toBeNull();
    expect(as('x', { appRoles: ['Superuser.aukra'] })).toBeNull();
  });
});

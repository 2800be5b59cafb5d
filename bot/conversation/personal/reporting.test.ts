/**
 * Who may report (seed 004 §5.3: ROR-IKT's schools let employees report, not pupils or guardians):
 * when a virksomhet names the groups that may report, someone outside them gets a polite card saying
 * whom to contact — never the form — and a submitted form from them creates nothing. Through the
 * bot endpoint.
 */
import type { Directory } from '../../../shared/access';
import { orgId } from '../../../shared/ids';
import { messageActivity, type TestUser } from '../../test-support/activities';
import { cardOfCall, cardOfInvoke, cardText } from '../../test-support/cards';
import { GOOD_ANSWERS, submitForm } from '../../test-support/fault-form';
import { startHarness, type Harness } from '../../test-support/harness';

const pupil: TestUser = { aadObjectId: 'aad-elev', name: 'Emil Elev' };
const teacher: TestUser = { aadObjectId: 'aad-laerer', name: 'Lise Lærer' };
const DIRECTORY: Directory = {
  users: {
    [pupil.aadObjectId]: { orgId: orgId('molde'), name: pupil.name, groups: ['g-elever'] },
    [teacher.aadObjectId]: { orgId: orgId('molde'), name: teacher.name, groups: ['g-ansatte'] },
  },
  superusers: {},
  reportReaders: [],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ app: { directory: DIRECTORY } });
  const molde = (await h.app.store.desks.listOrganisations()).find((o) => o.id === 'molde')!;
  await h.app.store.desks.putOrganisation({
    ...molde,
    reporting: { kind: 'groups', groupIds: ['g-ansatte'], contact: 'IKT-kontakten på skolen' },
  });
  h.app.catalogue.invalidate();
});
afterAll(() => h.close());

async function say(user: TestUser, text: string): Promise<string> {
  h.connector.clear();
  await h.post(messageActivity(user, h.serviceUrl, text));
  return cardText(cardOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send')));
}

it('tells someone outside the reporting groups whom to contact, instead of the form', async () => {
  const answer = await say(pupil, 'meld feil');
  expect(answer).toContain('Ta kontakt med IKT-kontakten på skolen');
  expect(answer).not.toContain('Beskriv');
  expect(await say(teacher, 'meld feil')).not.toContain('IKT-kontakten');
});

it('creates nothing from a form submitted by someone who may not report', async () => {
  const before = (await h.app.store.cases.listByReporter(pupil.aadObjectId as never)).items.length;
  const res = await submitForm(h, pupil, 'mx-elev-1', GOOD_ANSWERS);
  expect(cardText(cardOfInvoke(res.body))).toContain('IKT-kontakten på skolen');
  expect((await h.app.store.cases.listByReporter(pupil.aadObjectId as never)).items.length).toBe(before);
});

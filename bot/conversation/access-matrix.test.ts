/**
 * The authorization matrix: every card verb of the verb table and every chat command, as every role,
 * through the real endpoint. Whoever may not see the case (a colleague in the same virksomhet, a
 * superbruker of another one, a member of another desk, a report reader, an unknown user) gets exactly
 * the answer a made-up reference gets — nothing about the case, not even which desk has it — and the
 * case and its outbox do not change. The rows are typed by the verb table (`Record<Verb, …>`) and the
 * command table is checked row by row, so a new verb or command without a row fails here.
 */
import type { Directory } from '../../shared/access';
import { userActor } from '../../shared/app/case-changes';
import { orgId, userId, type CaseRef } from '../../shared/ids';
import { VERBS, type Verb } from '../cards/verbs';
import { CONVERSATION_INPUTS } from '../cards/comment-notice';
import { TRIAGE_INPUTS } from '../cards/channel/forms/form';
import { SOLUTION_INPUTS } from '../cards/solution';
import { invokeActivity, messageActivity, type TestUser } from '../test-support/activities';
import { GOOD_ANSWERS, openForm, submitForm } from '../test-support/fault-form';
import { startHarness, type Harness } from '../test-support/harness';
import { COMMANDS } from './commands';

const user = (aadObjectId: string, name: string): TestUser => ({ aadObjectId, name });
const ROLES = {
  reporter: user('mx-reporter', 'Rita Reporter'),
  follower: user('mx-follower', 'Frode Følger'),
  deskMember: user('demo-desk-ror', 'Dina Desk'),
  sameOrgEmployee: user('mx-colleague', 'Kåre Kollega'),
  superuserOfAnotherOrg: user('mx-super-frogner', 'Siri Superbruker'),
  memberOfAnotherDesk: user('demo-desk-uke', 'Ulf Uke'),
  reportReader: user('mx-reader', 'Randi Rapport'),
  unknownUser: user('mx-nobody', 'Nils Ingen'),
};
type Role = keyof typeof ROLES;
const OUTSIDERS: Role[] = [
  'sameOrgEmployee',
  'superuserOfAnotherOrg',
  'memberOfAnotherDesk',
  'reportReader',
  'unknownUser',
];
const INSIDERS: Role[] = ['reporter', 'follower', 'deskMember'];

const DIRECTORY: Directory = {
  users: {
    'mx-reporter': { orgId: orgId('molde'), name: 'Rita Reporter' },
    'mx-follower': { orgId: orgId('molde'), name: 'Frode Følger' },
    'mx-colleague': { orgId: orgId('molde'), name: 'Kåre Kollega' },
    'mx-reader': { orgId: orgId('molde'), name: 'Randi Rapport' },
  },
  superusers: { 'bydel-frogner': [userId('mx-super-frogner')] },
  reportReaders: [userId('mx-reader')],
};

const TITLE = 'Hemmelig tittel om lønnsslipp';
const MADE_UP = 'FV-2026-999999';

/** How a verb is tried: with the case's reference in its data, or (`none`) a verb that takes no case. */
type Row =
  | { kind: 'case'; data: (ref: string) => Record<string, unknown> }
  | { kind: 'none'; data: Record<string, unknown> };
const onCase = (extra: Record<string, unknown> = {}): Row => ({
  kind: 'case',
  data: (ref) => ({ ref, version: '1', ...extra }),
});

const VERB_ROWS: Record<Verb, Row> = {
  [VERBS.menuRun]: { kind: 'none', data: { command: 'mine saker' } },
  [VERBS.faultChangeDesk]: { kind: 'none', data: { desk: 'uke' } },
  [VERBS.faultSubmit]: { kind: 'none', data: { clientKey: 'mx-key' } },
  [VERBS.faultSubmitNew]: { kind: 'none', data: { clientKey: 'mx-key-2' } },
  [VERBS.faultJoinNotice]: { kind: 'none', data: { clientKey: 'mx-key-3', noticeId: 'n-none' } },
  [VERBS.caseShow]: onCase(),
  [VERBS.casesList]: { kind: 'none', data: {} },
  [VERBS.solutionAccept]: onCase(),
  [VERBS.solutionReject]: onCase({ [SOLUTION_INPUTS.rejectComment]: 'Virker ikke' }),
  [VERBS.caseComment]: onCase({ [CONVERSATION_INPUTS.commentText]: 'Hei' }),
  [VERBS.caseFollow]: onCase(),
  [VERBS.caseUnfollow]: onCase(),
  [VERBS.caseFollowers]: onCase({ [CONVERSATION_INPUTS.followerNames]: 'Frode Følger' }),
  [VERBS.deadlineAnswer]: onCase({ accept: true, proposalId: 'e99' }),
  [VERBS.deadlinePropose]: onCase({
    [CONVERSATION_INPUTS.proposedDate]: '2026-03-20',
    [CONVERSATION_INPUTS.proposedReason]: 'Venter på leverandør',
  }),
  [VERBS.orderOpen]: { kind: 'none', data: { serviceId: 'uke-bestill-pc' } },
  [VERBS.orderSubmit]: { kind: 'none', data: { clientKey: 'mx-order', serviceId: 'uke-bestill-pc' } },
  [VERBS.estimateAnswer]: onCase({ estimateId: 'e99', approve: true }),
  [VERBS.triageEstimate]: onCase({ estimateHours: '2', estimateText: 'Klargjøring' }),
  [VERBS.triageConvert]: onCase({ to: 'order' }),
  [VERBS.triageRefresh]: onCase(),
  [VERBS.triageClaim]: onCase(),
  [VERBS.triageAssign]: onCase({ [TRIAGE_INPUTS.assignee]: 'demo-desk-ror' }),
  [VERBS.triagePriority]: onCase({ [TRIAGE_INPUTS.priority]: 'kritisk' }),
  [VERBS.triageWait]: onCase({ [TRIAGE_INPUTS.waitReason]: 'reporter' }),
  [VERBS.triageResume]: onCase(),
  [VERBS.triageEscalate]: onCase({ [TRIAGE_INPUTS.toLine]: 'second' }),
  [VERBS.triageSolve]: onCase({ [TRIAGE_INPUTS.solution]: 'Fikset' }),
  [VERBS.triageLink]: onCase({ [TRIAGE_INPUTS.parentRef]: 'FV-2026-000001' }),
  [VERBS.triageNotice]: onCase(),
  [VERBS.triageEndUserInfo]: onCase({ inform: true }),
  [VERBS.noticePublish]: { kind: 'none', data: { deskId: 'ror-ikt', noticeId: 'n-mx' } },
  [VERBS.noticeUpdate]: { kind: 'none', data: { id: 'n-none', deskId: 'ror-ikt', version: '1' } },
  [VERBS.noticeResolve]: { kind: 'none', data: { id: 'n-none', deskId: 'ror-ikt', version: '1' } },
  [VERBS.fellesfeilAccept]: {
    kind: 'case',
    data: (ref) => ({ proposalId: 'p#1', deskId: 'ror-ikt', parentRef: ref, childRefs: [] }),
  },
  [VERBS.fellesfeilReject]: {
    kind: 'case',
    data: (ref) => ({ proposalId: 'p#1', deskId: 'ror-ikt', parentRef: ref, childRefs: [] }),
  },
};

/** Chat commands: the text to send with the case's reference, or null for a command that takes no case. */
const COMMAND_ROWS: Record<string, ((ref: string) => string) | null> = {
  'meld feil': null,
  'mine saker': null,
  bestill: null,
  status: (ref) => `status ${ref}`,
  driftsmeldinger: null,
  hjelp: null,
  kommenter: (ref) => `kommenter ${ref} Hei`,
  følg: (ref) => `følg ${ref}`,
  'slutt å følge': (ref) => `slutt å følge ${ref}`,
  'ny frist': (ref) => `ny frist ${ref} 2026-03-20 15:00 Venter`,
  fakturerbar: (ref) => `fakturerbar ${ref} Brukerfeil`,
  problemsak: (ref) => `problemsak ${ref} PRB-1`,
  koble: null,
  'ny driftsmelding': null,
};

let h: Harness;
let ref: CaseRef;

beforeAll(async () => {
  h = await startHarness({ app: { directory: DIRECTORY } });
  const reporter = ROLES.reporter;
  const { clientKey } = await openForm(h, reporter);
  const res = await submitForm(h, reporter, clientKey, { ...GOOD_ANSWERS, title: TITLE });
  ref = /FV-2026-\d{6}/.exec(JSON.stringify(res.body))![0] as CaseRef;
  const desks = (await h.app.catalogue.get()).desks;
  await h.app.deps.changes.apply(
    ref,
    { type: 'change_followers', add: [{ id: userId('mx-follower'), name: 'Frode Følger' }], remove: [] },
    userActor({ id: userId(reporter.aadObjectId), name: reporter.name }, desks, DIRECTORY),
    h.now.value,
  );
});
afterAll(() => h.close());

/** The visible text of an answer: an invoke's body, or the replies the connector recorded. */
async function answerToVerb(who: TestUser, verb: string, data: Record<string, unknown>): Promise<string> {
  h.connector.clear();
  const res = await h.post(invokeActivity(who, h.serviceUrl, verb, data));
  expect(res.status).toBeLessThan(500);
  return JSON.stringify(res.body);
}

async function answerToText(who: TestUser, text: string): Promise<string> {
  h.connector.clear();
  const res = await h.post(messageActivity(who, h.serviceUrl, text));
  expect(res.status).toBeLessThan(500);
  const call = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
  return JSON.stringify(call.body);
}

/** Answers compared without what legitimately differs: the reference, and generated ids. */
const normalise = (s: string, r: string): string =>
  s
    .split(r)
    .join('REF')
    .replace(/"id":"[^"]*"/g, '"id":"X"')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID');

async function snapshot() {
  const c = await h.app.store.cases.getForDesk(ref, 'ror-ikt' as never);
  const due = await h.app.store.outbox.listDue('2100-01-01T00:00:00.000Z' as never, 1000);
  return { events: c!.value.events.length, outbox: due.filter((m) => m.caseRef === ref).length };
}

it('has a row for every verb in the verb table and every chat command', () => {
  expect(Object.keys(VERB_ROWS).sort()).toEqual(Object.values(VERBS).sort());
  for (const c of COMMANDS) expect(Object.keys(COMMAND_ROWS)).toContain(c.name);
});

describe.each(OUTSIDERS)('%s', (role) => {
  const who = ROLES[role];

  it.each(Object.keys(VERB_ROWS))('card verb %s reveals nothing and changes nothing', async (verb) => {
    const row = VERB_ROWS[verb as Verb];
    const before = await snapshot();
    if (row.kind === 'case') {
      const real = await answerToVerb(who, verb, row.data(ref));
      const madeUp = await answerToVerb(who, verb, row.data(MADE_UP));
      expect(normalise(real, ref)).toBe(normalise(madeUp, MADE_UP));
      expect(real).not.toContain(TITLE);
    } else {
      expect(await answerToVerb(who, verb, row.data)).not.toContain(TITLE);
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each(COMMANDS.map((c) => c.name))('command "%s" reveals nothing and changes nothing', async (name) => {
    const text = COMMAND_ROWS[name];
    const before = await snapshot();
    if (text) {
      const real = await answerToText(who, text(ref));
      const madeUp = await answerToText(who, text(MADE_UP));
      expect(normalise(real, ref)).toBe(normalise(madeUp, MADE_UP));
      expect(real).not.toContain(TITLE);
    } else {
      expect(await answerToText(who, name)).not.toContain(TITLE);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe.each(INSIDERS)('%s', (role) => {
  const who = ROLES[role];
  it('sees the case with status, and the triage refresh shows it', async () => {
    expect(await answerToText(who, `status ${ref}`)).toContain(TITLE);
    expect(await answerToVerb(who, VERBS.triageRefresh, { ref })).toContain(TITLE);
  });
});

/**
 * With the background jobs on (as in production): the desk's changes reach the reporter's 1:1 chat
 * on the fake Bot Connector through the outbox sender, exactly once each.
 */
import { userId, type CaseRef } from '../../shared/ids';
import type { TestUser } from '../test-support/activities';
import { cardOfCall, cardOfInvoke, cardText } from '../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../test-support/fault-form';
import { startHarness, type Harness } from '../test-support/harness';
import { userActor } from '../../shared/app/case-changes';
import type { CaseCommand } from '../../shared/cases/lifecycle';

const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };
const DESK_MEMBER = { id: userId('demo-desk-ror'), name: 'Siri Saksbehandler' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ app: { jobs: true } });
});
afterAll(() => h.close());

it('delivers "taken" and the solution card to the reporter’s chat', async () => {
  const { clientKey } = await openForm(h, kari);
  const ref = /FV-2026-\d{6}/.exec(
    cardText(cardOfInvoke((await submitForm(h, kari, clientKey, GOOD_ANSWERS)).body)),
  )![0] as CaseRef;
  const act = async (command: CaseCommand) =>
    h.app.deps.changes.apply(
      ref,
      command,
      userActor(DESK_MEMBER, (await h.app.catalogue.get()).desks, h.app.deps.directory),
      h.now.value,
    );
  h.connector.clear();
  await act({ type: 'claim' });
  await act({ type: 'solve', solution: 'Tilgangen i Visma er rettet.' });
  const inKarisChat = (c: { kind: string; conversationId?: string }) =>
    (c.kind === 'send' || c.kind === 'reply') && c.conversationId === `a:personal-${kari.aadObjectId}`;
  const solution = await h.connector.waitFor(
    (c) =>
      inKarisChat(c) && c.status < 300 && JSON.stringify(c.body).includes('Tilgangen i Visma er rettet.'),
    20_000,
  );
  expect(cardText(cardOfCall(solution))).toContain(`Sak ${ref} er løst`);
  const delivered = h.connector.calls.filter((c) => inKarisChat(c) && c.status < 300);
  expect(delivered.map((c) => cardText(cardOfCall(c)).includes('har tatt sak'))).toEqual([true, false]);
});

it('tells the reporter when the desk solves the case in the tab (the tab API’s change hook)', async () => {
  const { clientKey } = await openForm(h, kari);
  const ref = /FV-2026-\d{6}/.exec(
    cardText(cardOfInvoke((await submitForm(h, kari, clientKey, GOOD_ANSWERS)).body)),
  )![0] as CaseRef;
  const stored = (await h.app.store.cases.getForDesk(ref, 'ror-ikt' as never))!;
  h.connector.clear();
  const res = await fetch(`${h.app.url}/api/cases/${ref}/actions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-fristvakt-dev-user': 'demo-desk-ror' },
    body: JSON.stringify({ action: 'solve', solution: 'Løst fra fanen.', version: stored.version }),
  });
  expect(res.status).toBe(200);
  const call = await h.connector.waitFor(
    (c) =>
      c.conversationId === `a:personal-${kari.aadObjectId}` &&
      JSON.stringify(c.body).includes('Løst fra fanen.'),
    20_000,
  );
  expect(cardText(cardOfCall(call))).toContain(`Sak ${ref} er løst`);
});

/**
 * The tab's live stream through the real server: a desk member listening on `GET /api/cases/events`
 * hears of another member's claim at once; someone who may not see the case hears nothing of it.
 */
import { userActor } from '../shared/app/case-changes';
import { userId, type CaseRef } from '../shared/ids';
import { DEV_USER_HEADER } from '../tab/api/auth';
import { anne, bjorn, DIRECTORY, kari, per, ROR } from './conversation/channel/test-support/channel';
import { GOOD_ANSWERS, openForm, submitForm } from './test-support/fault-form';
import { startHarness, type Harness } from './test-support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    app: {
      directory: DIRECTORY,
      tabAuth: {
        tenantId: 't',
        audiences: ['urn:test'],
        jwksUrl: 'http://127.0.0.1:9/keys',
        devSignIn: true,
      },
    },
  });
  const desk = (await h.app.store.desks.get(ROR))!;
  await h.app.store.desks.put(
    { ...desk.value, members: [userId(anne.aadObjectId), userId(bjorn.aadObjectId)] },
    desk.version,
  );
  h.app.catalogue.invalidate();
});
afterAll(() => h.close());

/** Opens the stream as `who` and collects what arrives. */
async function listen(who: string) {
  const abort = new AbortController();
  const res = await fetch(`${h.app.url}/api/cases/events`, {
    headers: { [DEV_USER_HEADER]: who },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  let text = '';
  const reader = res.body!.getReader();
  const done = (async () => {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) return;
        text += decoder.decode(value);
      }
    } catch {
      // aborted
    }
  })();
  return {
    text: () => text,
    async close() {
      abort.abort();
      await done;
    },
  };
}

it('tells a desk member of another member’s claim at once, and an outsider nothing', async () => {
  const { clientKey } = await openForm(h, kari);
  const res = await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, title: 'Direkte' });
  const ref = /FV-2026-\d{6}/.exec(JSON.stringify(res.body))![0] as CaseRef;
  const member = await listen(anne.aadObjectId);
  const outsider = await listen(per.aadObjectId);
  const desks = (await h.app.catalogue.get()).desks;
  await h.app.deps.changes.apply(
    ref,
    { type: 'claim' },
    userActor({ id: userId(bjorn.aadObjectId), name: bjorn.name }, desks, DIRECTORY),
    h.now.value,
  );
  const deadline = Date.now() + 2000;
  while (!member.text().includes(ref) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await member.close();
  await outsider.close();
  const line = member
    .text()
    .split('\n')
    .find((l) => l.startsWith('data: ') && l.includes(ref));
  expect(JSON.parse(line!.slice(6))).toMatchObject({ ref, status: 'in_progress' });
  expect(outsider.text()).not.toContain(ref);
});

it('refuses the stream without a sign-in', async () => {
  const res = await fetch(`${h.app.url}/api/cases/events`);
  expect(res.status).toBe(401);
});

/**
 * Surface parity: for random case histories, the same command given by the same desk member through
 * the chat, the channel's triage card and the tab's API yields the same events, the same recipients
 * and the same messages — each recipient's in their own language (the reporter here chats in
 * English, the follower in bokmål). Three identical cases are built per history (the reference is the
 * only difference), the command is given once through each surface that offers it, and what was
 * written is compared. Everything goes through the real server: the bot endpoint and the tab API.
 */
import fc from 'fast-check';
import { userActor } from '../shared/app/case-changes';
import type { CaseCommand } from '../shared/cases/lifecycle';
import type { Case } from '../shared/cases/model';
import { isoInstant, serviceId, userId, type CaseRef } from '../shared/ids';
import { supplierId } from '../shared/suppliers/model';
import type { OutboxEntry } from '../shared/ports';
import { DEV_USER_HEADER } from '../tab/api/auth';
import { TRIAGE_INPUTS } from './cards/channel/forms/form';
import { CONVERSATION_INPUTS } from './cards/comment-notice';
import { VERBS } from './cards/verbs';
import {
  anne,
  channelInvoke,
  channelMessage,
  DIRECTORY,
  kari,
  per,
  ROR,
  TRIAGE_CHANNEL,
} from './conversation/channel/test-support/channel';
import { messageActivity, type TestUser } from './test-support/activities';
import { GOOD_ANSWERS, openForm, submitForm } from './test-support/fault-form';
import { startHarness, type Harness } from './test-support/harness';

type Surface = 'chat' | 'channel' | 'tab';

/** A command as each surface offers it (a surface that does not offer it is left out). */
interface SurfaceCommand {
  name: string;
  channel?: (ref: CaseRef, version: string) => { verb: string; data: Record<string, unknown> };
  tab?: { path: 'actions' | 'comments'; body: Record<string, unknown> };
  chat?: (ref: CaseRef) => string;
}

const COMMANDS: SurfaceCommand[] = [
  {
    name: 'claim',
    channel: (ref, version) => ({ verb: VERBS.triageClaim, data: { ref, version } }),
    tab: { path: 'actions', body: { action: 'claim' } },
  },
  {
    name: 'wait on the reporter',
    channel: (ref, version) => ({
      verb: VERBS.triageWait,
      data: { ref, version, [TRIAGE_INPUTS.waitReason]: 'reporter' },
    }),
    tab: { path: 'actions', body: { action: 'wait', reason: 'reporter' } },
  },
  {
    name: 'resume',
    channel: (ref, version) => ({ verb: VERBS.triageResume, data: { ref, version } }),
    tab: { path: 'actions', body: { action: 'resume' } },
  },
  {
    name: 'escalate to the second line',
    channel: (ref, version) => ({
      verb: VERBS.triageEscalate,
      data: { ref, version, [TRIAGE_INPUTS.toLine]: 'second' },
    }),
    tab: { path: 'actions', body: { action: 'escalate', toLine: 'second' } },
  },
  {
    name: 'escalate to a configured supplier',
    channel: (ref, version) => ({
      verb: VERBS.triageEscalate,
      data: { ref, version, [TRIAGE_INPUTS.toLine]: 'supplier', [TRIAGE_INPUTS.supplierId]: 'paritet-drift' },
    }),
    tab: { path: 'actions', body: { action: 'escalate', toLine: 'supplier', supplierId: 'paritet-drift' } },
  },
  {
    name: 'convert to an order',
    channel: (ref, version) => ({ verb: VERBS.triageConvert, data: { ref, version, to: 'order' } }),
    tab: { path: 'actions', body: { action: 'convert', to: 'order' } },
  },
  {
    name: 'priority',
    channel: (ref, version) => ({
      verb: VERBS.triagePriority,
      data: { ref, version, [TRIAGE_INPUTS.priority]: 'hoy' },
    }),
    tab: { path: 'actions', body: { action: 'priority', priority: 'hoy' } },
  },
  {
    name: 'solve',
    channel: (ref, version) => ({
      verb: VERBS.triageSolve,
      data: { ref, version, [TRIAGE_INPUTS.solution]: 'Tilgangen er rettet.' },
    }),
    tab: { path: 'actions', body: { action: 'solve', solution: 'Tilgangen er rettet.' } },
  },
  {
    name: 'public comment',
    channel: (ref, version) => ({
      verb: VERBS.caseComment,
      data: { ref, version, [CONVERSATION_INPUTS.commentText]: 'Vi ser på det nå.' },
    }),
    tab: { path: 'comments', body: { text: 'Vi ser på det nå.' } },
    chat: (ref) => `kommenter ${ref} Vi ser på det nå.`,
  },
];

/** Steps of the history before the command, applied the same way to every copy. */
const HISTORY: CaseCommand[] = [
  { type: 'claim' },
  { type: 'comment', visibility: 'public', text: 'Kan du sende et skjermbilde?' },
  { type: 'comment', visibility: 'internal', text: 'Internt: sjekk lisensen' },
  { type: 'wait', reason: 'reporter' },
  { type: 'resume' },
  { type: 'change_priority', to: 'middels' as never },
];

const kariEn: TestUser = { ...kari, locale: 'en-US' };
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    now: new Date('2026-03-03T09:00:00Z'),
    app: {
      directory: DIRECTORY,
      tabAuth: {
        tenantId: 'tenant-1',
        audiences: ['urn:fristvakt:test'],
        jwksUrl: 'http://127.0.0.1:9/keys',
        devSignIn: true,
      },
    },
  });
  const desk = (await h.app.store.desks.get(ROR))!;
  await h.app.store.desks.put({ ...desk.value, members: [userId(anne.aadObjectId)] }, desk.version);
  // A configured supplier of the service, without an endpoint: the desk gets the e-mail to copy.
  await h.app.store.admin.putSupplier(
    {
      id: supplierId('paritet-drift'),
      name: 'Paritet Drift',
      operates: ['application'],
      serviceIds: [serviceId(GOOD_ANSWERS.service)],
      deskId: ROR,
      phone: '+47 22 00 00 00',
      email: 'drift@paritet.example',
      entraAppIds: [],
      apiKeys: [],
    },
    undefined,
    {
      id: 'audit-paritet',
      at: isoInstant(h.now.value),
      actor: { id: userId('admin') },
      objectType: 'supplier',
      objectId: 'paritet-drift',
      action: 'create',
      after: {},
    },
  );
  h.app.catalogue.invalidate();
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, 'koble ror-ikt'));
  // The reporter chats in English, the follower in bokmål: their chats remember it.
  await h.post(messageActivity(kariEn, h.serviceUrl, 'help'));
  await h.post(messageActivity(per, h.serviceUrl, 'hjelp'));
});
afterAll(() => h.close());

async function newCase(): Promise<CaseRef> {
  const { clientKey } = await openForm(h, kariEn);
  const res = await submitForm(h, kariEn, clientKey, { ...GOOD_ANSWERS, title: 'Paritet' });
  const ref = /FV-2026-\d{6}/.exec(JSON.stringify(res.body))![0] as CaseRef;
  const desks = (await h.app.catalogue.get()).desks;
  await h.app.deps.changes.apply(
    ref,
    { type: 'change_followers', add: [{ id: userId(per.aadObjectId), name: per.name }], remove: [] },
    userActor({ id: userId(kari.aadObjectId), name: kari.name }, desks, DIRECTORY),
    h.now.value,
  );
  return ref;
}

const current = async (ref: CaseRef) => (await h.app.store.cases.getForDesk(ref, ROR))!;

async function outboxOf(ref: CaseRef): Promise<OutboxEntry[]> {
  const due = await h.app.store.outbox.listDue('2100-01-01T00:00:00.000Z' as never, 5000);
  return due.filter((m) => m.caseRef === ref);
}

async function give(surface: Surface, cmd: SurfaceCommand, ref: CaseRef): Promise<void> {
  const found = await current(ref);
  if (surface === 'channel') {
    const { verb, data } = cmd.channel!(ref, String(found.value.events.length));
    const res = await h.post(channelInvoke(anne, h.serviceUrl, verb, data));
    expect(res.status).toBe(200);
  } else if (surface === 'tab') {
    const res = await fetch(`${h.app.url}/api/cases/${ref}/${cmd.tab!.path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [DEV_USER_HEADER]: anne.aadObjectId },
      body: JSON.stringify({ ...cmd.tab!.body, version: found.version }),
    });
    expect(res.status).toBeLessThan(500);
  } else {
    const res = await h.post(messageActivity(anne, h.serviceUrl, cmd.chat!(ref)));
    expect(res.status).toBe(200);
  }
}

/** What a command wrote: its events and its messages, with the reference taken out. */
function written(ref: CaseRef, before: Case, after: Case, out: OutboxEntry[], seen: Set<string>) {
  const strip = (x: unknown): unknown => JSON.parse(JSON.stringify(x).split(ref).join('REF'));
  return {
    events: strip(after.events.slice(before.events.length)),
    messages: strip(
      out
        .filter((m) => !seen.has(m.id))
        .map(({ id, conversationKey, operation, threadKey, activity }) => ({
          id,
          conversationKey,
          operation,
          threadKey,
          activity,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ),
  };
}

it('property: the same command through chat, the channel card and the tab writes the same events and messages', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom(...HISTORY), { maxLength: 4 }),
      fc.constantFrom(...COMMANDS),
      async (history, cmd) => {
        const surfaces = (['chat', 'channel', 'tab'] as const).filter((s) => cmd[s] !== undefined);
        const results = [];
        for (const surface of surfaces) {
          const ref = await newCase();
          const desks = (await h.app.catalogue.get()).desks;
          const actor = userActor({ id: userId(anne.aadObjectId), name: anne.name }, desks, DIRECTORY);
          for (const step of history) {
            try {
              await h.app.deps.changes.apply(ref, step, actor, h.now.value);
            } catch {
              // A step the case's state does not allow is skipped the same way for every copy.
            }
          }
          const before = await current(ref);
          const seen = new Set((await outboxOf(ref)).map((m) => m.id));
          await give(surface, cmd, ref);
          const after = await current(ref);
          results.push({ surface, ...written(ref, before.value, after.value, await outboxOf(ref), seen) });
        }
        for (const r of results.slice(1)) {
          expect({ surface: r.surface, events: r.events }).toEqual({
            surface: r.surface,
            events: results[0]!.events,
          });
          expect({ surface: r.surface, messages: r.messages }).toEqual({
            surface: r.surface,
            messages: results[0]!.messages,
          });
        }
        // Whatever was said to the reporter is in English, to the follower in bokmål.
        const messages = results[0]!.messages as Array<{ conversationKey: string; activity: unknown }>;
        for (const m of messages) {
          const text = JSON.stringify(m.activity);
          if (m.conversationKey === `user:${kari.aadObjectId}`)
            expect(text).not.toMatch(/\bSaken\b|\bsaken\b/);
          if (m.conversationKey === `user:${per.aadObjectId}`) expect(text).not.toMatch(/\bthe case\b/i);
        }
      },
    ),
    { numRuns: 12 },
  );
});

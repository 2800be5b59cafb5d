/**
 * Fellesfeil through the endpoint: linking undersaker to a hovedsak shows the count on the hovedsak's
 * card; solving the hovedsak solves every undersak with the same solution and notifies each reporter,
 * even when one undersak changes under it (a real conflict in the store: it is read again and solved).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyCommand } from '../../../shared/cases/lifecycle';
import type { Case } from '../../../shared/cases/model';
import { caseRef, userId, type CaseRef } from '../../../shared/ids';
import type { Store } from '../../../shared/ports';
import { PRESETS } from '../../../shared/sla/presets';
import { openSqliteStore } from '../../../shared/store/sqlite';
import { TRIAGE_INPUTS } from '../../cards/channel/forms/form';
import { VERBS } from '../../cards/verbs';
import { cardOfInvoke, cardText, elements, type AnyCard } from '../../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../../test-support/fault-form';
import type { Harness } from '../../test-support/harness';
import {
  anne,
  channelInvoke,
  channelMessage,
  kari,
  pendingOutbox,
  per,
  ROR,
  startChannelHarness,
  TRIAGE_CHANNEL,
} from './test-support/channel';

const NOW = new Date('2026-03-03T09:00:00Z');

/** The real store, with one hook: before a chosen update, someone else changes that case first. */
function storeWithInterference(inner: Store): { store: Store; interfereOnce: (ref: CaseRef) => void } {
  let target: CaseRef | undefined;
  const cases = Object.create(inner.cases) as Store['cases'];
  cases.update = async (next, version, outbox) => {
    if (next.ref === target) {
      target = undefined;
      const current = (await inner.cases.getForDesk(next.ref, next.deskId))!;
      const commented = applyCommand(
        current.value,
        { type: 'comment', visibility: 'internal', text: 'Ringte innmelder.' },
        {
          actor: { kind: 'user', id: userId('aad-bjorn'), name: 'Bjørn Desk' },
          role: 'desk',
          now: NOW,
          policy: PRESETS['ror-ikt'],
        },
      );
      await inner.cases.update(commented.case, current.version);
    }
    return inner.cases.update(next, version, outbox);
  };
  return { store: { ...inner, cases }, interfereOnce: (ref) => (target = ref) };
}

let h: Harness;
let dir: string;
let inner: Store;
let interfereOnce: (ref: CaseRef) => void;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fristvakt-fellesfeil-'));
  inner = openSqliteStore({ file: join(dir, 'store.db'), blobDir: join(dir, 'blobs') });
  const wrapped = storeWithInterference(inner);
  interfereOnce = wrapped.interfereOnce;
  h = await startChannelHarness(NOW, wrapped.store);
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, 'koble ror-ikt'));
});
afterAll(async () => {
  await h.close();
  await inner.close();
  rmSync(dir, { recursive: true, force: true });
});

async function newCase(user: typeof kari, title: string): Promise<CaseRef> {
  const { clientKey } = await openForm(h, user);
  const org = user === per ? 'aukra' : 'molde';
  const text = cardText(
    cardOfInvoke((await submitForm(h, user, clientKey, { ...GOOD_ANSWERS, org, title })).body),
  );
  return caseRef(/FV-2026-\d{6}/.exec(text)![0]);
}
const stored = async (ref: CaseRef): Promise<Case> => (await h.app.store.cases.getForDesk(ref, ROR))!.value;
const v = async (ref: CaseRef): Promise<string> => String((await stored(ref)).events.length);
async function act(verb: string, data: Record<string, unknown>): Promise<AnyCard> {
  return cardOfInvoke((await h.post(channelInvoke(anne, h.serviceUrl, verb, data))).body);
}

describe('fellesfeil in the triage channel', () => {
  let parent: CaseRef;
  let children: CaseRef[];
  beforeAll(async () => {
    parent = await newCase(kari, 'Visma er nede for alle');
    children = [await newCase(kari, 'Får ikke åpnet Visma'), await newCase(per, 'Visma svarer ikke i Aukra')];
  });

  it('links undersaker to the hovedsak; its card shows the count, updated in place', async () => {
    for (const [i, child] of children.entries()) {
      const card = await act(VERBS.triageLink, {
        ref: child,
        version: await v(child),
        [TRIAGE_INPUTS.parentRef]: parent,
      });
      expect(cardText(card)).toContain(`Undersak av ${parent}`);
      expect(cardText(card)).toContain(`knyttet ${child} til saken som undersak (${i + 1} i alt)`);
    }
    expect((await stored(parent)).childRefs).toEqual(children);
    const updates = (await pendingOutbox(h)).filter((m) => m.caseRef === parent && m.operation === 'update');
    const last = (updates.pop()!.activity.attachments as Array<{ content: AnyCard }>)[0]!.content;
    expect(cardText(last)).toContain('Hovedsak i fellesfeil: 2 undersaker');
    const reply = (await pendingOutbox(h))
      .filter((m) => m.caseRef === parent && m.operation === 'reply')
      .pop()!;
    expect(reply.activity.text).toContain(
      `Anne Desk knyttet ${children[1]} til saken som undersak (2 i alt)`,
    );
  });

  it('refuses a hovedsak that is itself an undersak, or unknown', async () => {
    const other = await newCase(kari, 'Visma er tregt');
    const card = await act(VERBS.triageLink, {
      ref: other,
      version: await v(other),
      [TRIAGE_INPUTS.parentRef]: children[0],
    });
    expect(cardText(card)).toContain('Hovedsaken må være en annen, åpen sak');
    const unknown = await act(VERBS.triageLink, {
      ref: other,
      version: await v(other),
      [TRIAGE_INPUTS.parentRef]: 'FV-2026-999999',
    });
    expect(cardText(unknown)).toContain('Fant ikke sak FV-2026-999999');
    expect((await stored(other)).parentRef).toBeUndefined();
  });

  it('solving the hovedsak solves every undersak with the same solution and tells each reporter, across a conflict', async () => {
    const solveForm = elements(await act(VERBS.triageRefresh, { ref: parent })).find(
      (e) => e.title === 'Løs',
    )!;
    expect(JSON.stringify(solveForm)).toContain('Løser også 2 undersaker med samme løsning.');
    interfereOnce(children[1]!); // someone comments on the second undersak just before it is solved
    const solution = 'Visma-tjenesten er startet på nytt av leverandøren.';
    const card = await act(VERBS.triageSolve, {
      ref: parent,
      version: await v(parent),
      [TRIAGE_INPUTS.solution]: solution,
    });
    expect(cardText(card)).toContain('løste saken, og 2 undersaker med samme løsning');
    for (const child of children) {
      const c = await stored(child);
      expect(c.status).toBe('solved');
      expect(c.events.filter((e) => e.type === 'solved')).toEqual([expect.objectContaining({ solution })]);
    }
    // The interfering comment was kept: the undersak was read again, not overwritten.
    expect((await stored(children[1]!)).events.some((e) => e.type === 'comment')).toBe(true);
    const out = await pendingOutbox(h);
    for (const [child, reporter] of [
      [children[0], kari],
      [children[1], per],
    ] as const) {
      const toReporter = out.filter(
        (m) => m.caseRef === child && m.conversationKey === `user:${reporter.aadObjectId}`,
      );
      expect(JSON.stringify(toReporter.pop()!.activity)).toContain(solution);
      const reply = out.filter((m) => m.caseRef === child && m.operation === 'reply').pop()!;
      expect(reply.activity.text).toBe(`Anne Desk løste saken (hovedsak ${parent}) · 03.03.2026, 10:00`);
    }
  });
});

import { deskId, isoInstant } from '../../shared/ids';
import type { OutboxEntry } from '../../shared/ports';
import { condense, FOLD_CHARS, FOLD_LINES, foldReplies, latestCard } from './condense';

const THREAD = 'case:FV-2026-000001:triage';

let clock = 0;
function entry(
  id: string,
  operation: OutboxEntry['operation'],
  activity: Record<string, unknown>,
  more: Partial<OutboxEntry> = {},
): OutboxEntry {
  clock += 1;
  return {
    id,
    deskId: deskId('ror-ikt'),
    createdAt: isoInstant(new Date(Date.UTC(2026, 4, 4, 8, 0, 0, clock))),
    operation,
    conversationKey: 'channel:19:team@thread.tacv2:19:triage@thread.tacv2',
    threadKey: THREAD,
    activity,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: isoInstant(new Date(Date.UTC(2026, 4, 4, 8, 0, 0, clock))),
    ...more,
  };
}
const card = (id: string) =>
  entry(id, 'update', { type: 'message', attachments: [{ contentType: 'card', content: { id } }] });
const line = (id: string, text = `linje ${id}`) => entry(id, 'reply', { type: 'message', text });
const cardReply = (id: string) =>
  entry(id, 'reply', { type: 'message', attachments: [{ contentType: 'card', content: {} }] });

describe("a card update sent with its thread's last card", () => {
  it('takes the last pending update of its thread, and every update after it goes with it', () => {
    const [u1, r1, u2, u3] = [card('u1'), line('r1'), card('u2'), card('u3')];
    const other = entry('x', 'update', {}, { threadKey: 'case:FV-2026-000002:triage' });
    const sent = latestCard(u1!, [u3!, other, r1!, u2!, u1!]);
    expect(sent?.activity).toBe(u3!.activity);
    expect(sent?.with.map((m) => m.id)).toEqual(['u2', 'u3']);
    expect(latestCard(u2!, [u1!, u2!, u3!])?.with.map((m) => m.id)).toEqual(['u3']);
    expect(latestCard(u3!, [u1!, u2!, u3!, other])).toBeNull();
  });

  it('is only ever a Teams card update', () => {
    const later = card('later');
    const r = line('r');
    const hook = entry('h', 'update', {}, { kind: 'webhook' });
    const post = entry('p', 'post', {});
    const loose = entry('loose', 'update', {}, { threadKey: undefined });
    for (const e of [r, hook, post, loose]) expect(latestCard(e, [e, later])).toBeNull();
  });
});

describe('one-line replies folded into one', () => {
  it("folds the replies that follow, in the thread's order, past card updates", () => {
    const [r1, u1, r2, r3] = [line('r1'), card('u1'), line('r2'), line('r3')];
    const fold = foldReplies(r1!, [r3!, u1!, r2!, r1!]);
    expect(fold?.with.map((m) => m.id)).toEqual(['r2', 'r3']);
    expect(fold?.activity).toEqual({ type: 'message', text: 'linje r1\n\nlinje r2\n\nlinje r3' });
  });

  it('stops at a reply that is a card, or at a post in the thread, so the thread keeps its order', () => {
    const [r1, r2, c3, r4] = [line('r1'), line('r2'), cardReply('c3'), line('r4')];
    expect(foldReplies(r1!, [r1!, r2!, c3!, r4!])?.with.map((m) => m.id)).toEqual(['r2']);
    const [s1, p2, s3] = [line('s1'), entry('p2', 'post', { type: 'message', text: 'ny' }), line('s3')];
    expect(foldReplies(s1!, [s1!, p2!, s3!])).toBeNull();
  });

  it('folds a card that says how it reads as a line, as that line, while the sender is behind; alone, it stays a card', () => {
    const comment = (id: string) => ({ ...cardReply(id), foldedText: `Kari Kommentar: ${id}` });
    const [c1, r2, c3] = [comment('c1'), line('r2'), comment('c3')];
    // Not behind: two messages that happen to be pending together keep the card (and its reply box).
    expect(condense(c1, [c1, r2!, c3])).toBeNull();
    expect(condense(r2!, [c1, r2!, c3])).toBeNull();
    const fold = condense(c1, [c1, r2!, c3], true);
    expect(fold?.with.map((m) => m.id)).toEqual(['r2', 'c3']);
    expect(fold?.activity).toEqual({
      type: 'message',
      text: 'Kari Kommentar: c1\n\nlinje r2\n\nKari Kommentar: c3',
    });
    expect(condense(c3, [c1, r2!, c3], true)).toBeNull();
  });

  it('folds nothing for a lone reply, a card, or a reply without a thread', () => {
    const r = line('r');
    expect(foldReplies(r, [r])).toBeNull();
    const c = cardReply('c');
    expect(foldReplies(c, [c, line('after')])).toBeNull();
    const loose = entry('loose', 'reply', { type: 'message', text: 'x' }, { threadKey: undefined });
    expect(foldReplies(loose, [loose, line('after')])).toBeNull();
  });

  it(`keeps a folded message within ${FOLD_LINES} lines and ${FOLD_CHARS} characters`, () => {
    const many = Array.from({ length: FOLD_LINES + 5 }, (_, i) => line(`m${i}`));
    const byLines = foldReplies(many[0]!, many);
    expect(byLines?.with).toHaveLength(FOLD_LINES - 1);
    expect((byLines?.activity.text as string).split('\n\n')).toHaveLength(FOLD_LINES);

    const long = Array.from({ length: 5 }, (_, i) => line(`l${i}`, 'x'.repeat(FOLD_CHARS / 3)));
    const byChars = foldReplies(long[0]!, long);
    expect(byChars?.with.map((m) => m.id)).toEqual(['l1', 'l2']);
    expect((byChars?.activity.text as string).length).toBeLessThanOrEqual(FOLD_CHARS + 2 * 2);
  });
});

describe('condense', () => {
  it("gives an update its thread's last card and a reply the lines after it; a message alone, nothing", () => {
    const [u1, r1, r2, u2] = [card('u1'), line('r1'), line('r2'), card('u2')];
    const thread = [u1!, r1!, r2!, u2!];
    expect(condense(u1!, thread)?.with.map((m) => m.id)).toEqual(['u2']);
    expect(condense(r1!, thread)?.with.map((m) => m.id)).toEqual(['r2']);
    expect(condense(u2!, thread)).toBeNull();
    expect(condense(r2!, thread)).toBeNull();
  });
});

/**
 * What a superbruker and the desk see in the channel, through the HTTP endpoint with real channel
 * activities: the triage card carries the checklist's answers ("Vis mer" for long text), the link to
 * the case in the tab, the joined driftsmelding and the solution; a Kritisk case looks critical;
 * linking a channel posts the desk's open cases there; personal commands answer only in the 1:1 chat
 * and `hjelp` in a channel gives the channel's commands; people are named, never shown as ids.
 */
import { caseRef, noticeId, userId, type CaseRef } from '../../../shared/ids';
import type { Case } from '../../../shared/cases/model';
import type { Notice } from '../../../shared/notices/model';
import type { OutboxEntry } from '../../../shared/ports';
import { VERBS } from '../../cards/verbs';
import { TRIAGE_INPUTS } from '../../cards/channel/forms/form';
import {
  cardOfCall,
  cardOfInvoke,
  cardText,
  elements,
  textOfCall,
  type AnyCard,
} from '../../test-support/cards';
import { messageActivity } from '../../test-support/activities';
import { GOOD_ANSWERS, openForm, submitForm } from '../../test-support/fault-form';
import type { Harness } from '../../test-support/harness';
import {
  anne,
  channelInvoke,
  channelMessage,
  DIRECTORY,
  kari,
  pendingOutbox,
  ROR,
  startChannelHarness,
  TEAM_ID,
  TRIAGE_CHANNEL,
} from './test-support/channel';

// Tuesday 3 March 2026, 10:00 in Oslo.
const NOW = new Date('2026-03-03T09:00:00Z');
const TRIAGE_KEY = `channel:${TEAM_ID}:${TRIAGE_CHANNEL}`;
const TAB = 'https://fristvakt.example.no';
/** A desk member the directory has no name for. */
const UNNAMED = 'aad-ukjent';

let h: Harness;
beforeAll(async () => {
  h = await startChannelHarness(NOW, undefined, { TAB_ENDPOINT: TAB }, DIRECTORY);
  const desk = (await h.app.store.desks.get(ROR))!;
  await h.app.store.desks.put(
    { ...desk.value, members: [...desk.value.members, userId(UNNAMED)] },
    desk.version,
  );
  h.app.catalogue.invalidate();
});
afterAll(() => h.close());

async function say(user: typeof anne, text: string): Promise<{ text: string; card?: AnyCard }> {
  h.connector.clear();
  const res = await h.post(channelMessage(user, h.serviceUrl, TRIAGE_CHANNEL, text));
  expect(res.status).toBe(200);
  const call = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
  const body = call.body as { attachments?: unknown[] };
  return body.attachments
    ? { text: cardText(cardOfCall(call)), card: cardOfCall(call) }
    : { text: textOfCall(call) };
}

const LONG =
  'Siden for lønnsslipp er blank etter innlogging. '.repeat(12) + 'SLUTTEN AV BESKRIVELSEN **ikke fet**';

async function newCase(over: Record<string, unknown> = {}): Promise<CaseRef> {
  const { clientKey } = await openForm(h, kari);
  const text = cardText(
    cardOfInvoke((await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, ...over })).body),
  );
  return caseRef(/FV-2026-\d{6}/.exec(text)![0]);
}
const stored = async (ref: CaseRef): Promise<Case> => (await h.app.store.cases.getForDesk(ref, ROR))!.value;
const cardIn = (m: OutboxEntry): AnyCard =>
  (m.activity.attachments as Array<{ content: AnyCard }>)[0]!.content;
const refresh = async (ref: CaseRef, user = anne): Promise<AnyCard> =>
  cardOfInvoke(
    (await h.post(channelInvoke(user, h.serviceUrl, VERBS.triageRefresh, { ref }, 'automatic'))).body,
  );
/** An input anywhere in the card, also inside a ShowCard's card. */
function inputIn(x: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(x)) return x.map((y) => inputIn(y, id)).find(Boolean);
  if (typeof x !== 'object' || x === null) return undefined;
  const o = x as Record<string, unknown>;
  if (o.id === id && String(o.type).startsWith('Input.')) return o;
  return Object.values(o)
    .map((y) => inputIn(y, id))
    .find(Boolean);
}
const header = (card: AnyCard) => elements(card).find((e) => e.id === 'header')!;

let before: CaseRef;
describe('linking a channel when the desk already has open cases', () => {
  beforeAll(async () => {
    before = await newCase({
      title: 'Meldt før kanalen ble koblet',
      symptom: LONG,
      testContact: 'Per Hansen',
    });
  });

  it('posts each open case as its own thread, says how many, and names the members', async () => {
    expect((await pendingOutbox(h)).filter((m) => m.caseRef === before)).toHaveLength(0);
    const reply = (await say(anne, 'koble ror-ikt')).text;
    expect(reply).toContain('Jeg postet 1 åpen sak her, hver i sin tråd');
    expect(reply).toContain('Disse kan handle på sakene');
    expect(reply).toContain('Anne Desk, Bjørn Desk');
    expect(reply).toContain(`ukjent navn (id ${UNNAMED})`);
    const [post] = (await pendingOutbox(h)).filter((m) => m.caseRef === before);
    expect(post).toMatchObject({
      id: `${before}:triage`,
      operation: 'post',
      conversationKey: TRIAGE_KEY,
      threadKey: `case:${before}:triage`,
    });
    expect(cardText(cardIn(post!))).toContain('Meldt før kanalen ble koblet');
  });

  it('posts nothing twice when the channel is linked again, and later events land in the thread', async () => {
    expect((await say(anne, 'koble ror-ikt')).text).toContain('Ingen åpne saker å poste');
    const c = await stored(before);
    await h.post(
      channelInvoke(anne, h.serviceUrl, VERBS.triageClaim, { ref: before, version: String(c.events.length) }),
    );
    const thread = (await pendingOutbox(h)).filter((m) => m.caseRef === before && m.operation !== 'post');
    expect(thread.map((m) => m.operation).sort()).toEqual(['reply', 'update']);
    for (const m of thread)
      expect(m).toMatchObject({ conversationKey: TRIAGE_KEY, threadKey: `case:${before}:triage` });
  });
});

describe('the triage card is enough to triage from', () => {
  it('shows the checklist’s answers, long text shortened with "Vis mer", and the link to the case in the tab', async () => {
    const card = await refresh(before);
    const text = cardText(card);
    for (const want of [
      'Innmelder: Kari Nordmann (sluttbruker)',
      'Testkontakt: Per Hansen',
      'Omfang: Bare meg',
      'Tilgjengelighet: Deler av tjenesten fungerer',
      'Startet: 03.03.2026, 09:30',
      '**Forsøkt så langt**',
      'Logget ut og inn igjen',
    ])
      expect(text).toContain(want);
    const short = elements(card).find((e) => e.id === 'symptom-short')!;
    const full = elements(card).find((e) => e.id === 'symptom-full')!;
    expect(JSON.stringify(short)).not.toContain('SLUTTEN AV BESKRIVELSEN');
    expect(JSON.stringify(short)).toContain('Vis mer');
    expect(full.isVisible).toBe(false);
    // The whole text, with what looks like markup escaped: shown as typed.
    expect(JSON.stringify(full)).toContain('SLUTTEN AV BESKRIVELSEN \\\\*\\\\*ikke fet\\\\*\\\\*');
    const toggle = elements(card).find((e) => e.type === 'Action.ToggleVisibility' && e.title === 'Vis mer')!;
    expect(toggle.targetElements).toEqual(['symptom-short', 'symptom-full']);
    const open = elements(card).find((e) => e.type === 'Action.OpenUrl' && e.title === 'Åpne saken i fanen')!;
    expect(open.url).toBe(`${TAB}/tab/?case=${before}`);
  });

  it('says which active driftsmelding the case is joined to, with its link', async () => {
    const notice: Notice = {
      id: noticeId('00000000-0000-4000-8000-0000000000aa'),
      deskId: ROR,
      kind: 'outage',
      status: 'active',
      serviceIds: ['ror-visma' as never],
      title: 'Visma utilgjengelig',
      text: 'Vi jobber med saken.',
      startsAt: NOW.toISOString() as never,
      linkedCaseRefs: [before],
      posted: [],
      createdAt: NOW.toISOString() as never,
      createdBy: { kind: 'system', name: 'Fristvakt' },
      updatedAt: NOW.toISOString() as never,
    };
    await h.app.store.notices.create(notice);
    const card = await refresh(before);
    expect(cardText(card)).toContain('**Knyttet til aktiv driftsmelding:** Visma utilgjengelig');
    const link = elements(card).find(
      (e) => e.type === 'Action.OpenUrl' && e.title === 'Åpne driftsmeldingen',
    )!;
    expect(link.url).toBe(`${TAB}/tab/?page=notices`);
  });

  it('shows the solution once solved', async () => {
    const c = await stored(before);
    const solved = await h.post(
      channelInvoke(anne, h.serviceUrl, VERBS.triageSolve, {
        ref: before,
        version: String(c.events.length),
        [TRIAGE_INPUTS.solution]: 'Tilgangsgruppen var feil; rettet.',
      }),
    );
    const text = cardText(cardOfInvoke(solved.body));
    expect(text).toContain('**Løsning**');
    expect(text).toContain('Tilgangsgruppen var feil; rettet.');
    expect(header(cardOfInvoke(solved.body)).style).toBe('good');
  });
});

describe('a Kritisk case looks critical', () => {
  it('has an attention header, no coloured deadline text, and business time said so', async () => {
    const ref = await newCase({
      title: 'Gerica nede',
      service: 'ror-gerica',
      scope: 'organisation',
      availability: 'all',
    });
    const c = await stored(ref);
    expect(c.priority).toBe('kritisk');
    const card = await refresh(ref);
    expect(header(card).style).toBe('attention');
    expect(cardText(card)).toContain(`${ref} · Kritisk · ● I rute`);
    for (const e of elements(card).filter(
      (x) => x.type === 'TextBlock' && String(x.text).startsWith('**Responstid'),
    ))
      expect(e.color).toBeUndefined();
    expect(cardText(card)).toMatch(/\*\*Responstid:\*\* ● I rute · frist .* · \d+ min arbeidstid igjen/);
    // The evening: the clock stands and says when it starts; never "−0 min".
    h.now.value = new Date('2026-03-03T17:14:00Z');
    try {
      const evening = cardText(await refresh(ref));
      expect(evening).toContain('klokken står – starter i morgen kl. 08:00');
      expect(evening).toContain('arbeidstid over fristen');
      expect(evening).not.toMatch(/[−-]0 min/);
    } finally {
      h.now.value = NOW;
    }
  });
});

describe('commands in the channel', () => {
  it('answers "mine saker", "status" and "kommenter" with where to ask, showing nothing personal', async () => {
    const ref = await newCase({ title: 'Helt privat tittel', service: 'ror-pc' });
    for (const [said, name] of [
      ['mine saker', 'mine saker'],
      [`status ${ref}`, 'status'],
      [`kommenter ${ref} hei`, 'kommenter'],
    ] as const) {
      const answer = await say(kari, said);
      expect(answer.card).toBeUndefined();
      expect(answer.text).toContain(`Skriv «${name}» til meg i chat`);
      expect(answer.text).not.toContain('Helt privat tittel');
      expect(answer.text).not.toContain(ref);
    }
    const events = (await stored(ref)).events.length;
    expect(events).toBe(1);
  });

  it('"hjelp" in the channel lists the channel’s commands, not the personal chat’s', async () => {
    const { text } = await say(anne, 'hjelp');
    expect(text).toContain('Fristvakt i kanalen');
    for (const want of ['koble «servicesenter»', 'koble driftsmeldinger', 'ny driftsmelding'])
      expect(text).toContain(want);
    expect(text).not.toContain('meld feil** – meld en feil');
  });

  it('a menu button on a card in a channel shows no one’s cases either', async () => {
    const res = await h.post(channelInvoke(kari, h.serviceUrl, VERBS.menuRun, { command: 'mine saker' }));
    expect(cardText(cardOfInvoke(res.body))).toContain('Skriv «mine saker» til meg i chat');
  });

  it('the 1:1 chat still answers "mine saker", and says where "koble" is used', async () => {
    h.connector.clear();
    await h.post(messageActivity(kari, h.serviceUrl, 'mine saker'));
    const call = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
    expect(cardText(cardOfCall(call))).toContain('Helt privat tittel');
    h.connector.clear();
    await h.post(messageActivity(kari, h.serviceUrl, 'koble ror-ikt'));
    const koble = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
    expect(textOfCall(koble)).toContain('«koble» brukes i en Teams-kanal');
  });
});

describe('names, not ids', () => {
  it('the Tildel list names every member, and says so where only the id is known', async () => {
    const ref = await newCase({ title: 'Tildel-test', service: 'ror-pc' });
    const card = await refresh(ref);
    const assignee = inputIn(card, TRIAGE_INPUTS.assignee)!;
    const titles = (assignee.choices as Array<{ title: string }>).map((c) => c.title);
    expect(titles).toEqual(['Anne Desk', 'Bjørn Desk', `ukjent navn (id ${UNNAMED})`]);
    expect(titles).not.toContain('demo-desk-ror');
  });
});

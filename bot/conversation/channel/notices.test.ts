/**
 * Driftsmeldinger through the endpoint with channel activities: notice channels linked, the form from
 * `@Fristvakt ny driftsmelding` and from a case card, server-side checks (the 3-day rule of seed 004
 * §6.2), publish → one post per chosen channel, update → every copy edited and a reply under each,
 * "Løst" → closed everywhere and the reporters of linked cases told; members only; replay safe.
 */
import { deskId, isoInstant, noticeId, type CaseRef, caseRef } from '../../../shared/ids';
import type { OutboxEntry } from '../../../shared/ports';
import { NOTICE_INPUTS } from '../../cards/channel/notice-form';
import { VERBS } from '../../cards/verbs';
import { messageActivity } from '../../test-support/activities';
import {
  actionByVerb,
  cardOfCall,
  cardOfInvoke,
  cardText,
  elements,
  inputById,
  type AnyCard,
} from '../../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../../test-support/fault-form';
import type { Harness } from '../../test-support/harness';
import { noticeCardVersion } from './notices';
import {
  anne,
  channelInvoke,
  channelMessage,
  kari,
  NOTICE_CHANNEL_A,
  NOTICE_CHANNEL_B,
  olav,
  pendingOutbox,
  ROR,
  startChannelHarness,
  TEAM_ID,
  TRIAGE_CHANNEL,
} from './test-support/channel';

// Tuesday 3 March 2026, 10:00 in Oslo.
const NOW = new Date('2026-03-03T09:00:00Z');
const KEY_A = `channel:${TEAM_ID}:${NOTICE_CHANNEL_A}`;
const KEY_B = `channel:${TEAM_ID}:${NOTICE_CHANNEL_B}`;

let h: Harness;
beforeAll(async () => {
  h = await startChannelHarness(NOW);
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, 'koble ror-ikt'));
});
afterAll(() => h.close());

async function sayForReply(
  user: typeof anne,
  text: string,
  channel: string,
): Promise<ReturnType<typeof cardOfCall> | string> {
  h.connector.clear();
  await h.post(channelMessage(user, h.serviceUrl, channel, text));
  const call = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
  const body = call.body as { text?: string };
  return body.text !== undefined ? body.text : cardOfCall(call);
}
async function invoke(user: typeof anne, verb: string, data: Record<string, unknown>): Promise<AnyCard> {
  return cardOfInvoke((await h.post(channelInvoke(user, h.serviceUrl, verb, data))).body);
}
const ofNotice = async (id: string): Promise<OutboxEntry[]> =>
  (await pendingOutbox(h)).filter((m) => m.noticeId === id);
const formData = (form: AnyCard): Record<string, unknown> =>
  actionByVerb(form, VERBS.noticePublish)!.data as Record<string, unknown>;

const PLANNED = {
  [NOTICE_INPUTS.kind]: 'planned_maintenance',
  [NOTICE_INPUTS.services]: 'ror-visma',
  [NOTICE_INPUTS.title]: 'Oppgradering av Visma',
  [NOTICE_INPUTS.startDate]: '2026-03-05',
  [NOTICE_INPUTS.startTime]: '16:00',
  [NOTICE_INPUTS.endDate]: '2026-03-05',
  [NOTICE_INPUTS.endTime]: '20:00',
  [NOTICE_INPUTS.text]: 'Visma er utilgjengelig mens det oppgraderes.',
  [NOTICE_INPUTS.channels]: `${KEY_A},${KEY_B}`,
};

describe('notice channels', () => {
  it('a desk member adds notice channels (several); a non-member cannot', async () => {
    expect(await sayForReply(olav, 'koble driftsmeldinger ror-ikt', NOTICE_CHANNEL_A)).toContain(
      'Bare medlemmer',
    );
    expect(await sayForReply(anne, 'koble driftsmeldinger ror-ikt', NOTICE_CHANNEL_A)).toContain(
      'Driftsmeldinger fra **ROR-IKT Kundeservice** publiseres nå også i denne kanalen.',
    );
    await sayForReply(anne, 'koble driftsmeldinger ROR-IKT Kundeservice', NOTICE_CHANNEL_B);
    expect(await sayForReply(anne, 'koble driftsmeldinger ror-ikt', NOTICE_CHANNEL_B)).toContain('allerede');
    const desk = (await h.app.store.desks.get(ROR))!.value;
    expect(desk.noticeChannels.map((c) => c.channelId)).toEqual([NOTICE_CHANNEL_A, NOTICE_CHANNEL_B]);
    expect(desk.triageChannel?.channelId).toBe(TRIAGE_CHANNEL);
  });
});

describe('a planned maintenance notice', () => {
  let id: string;
  let form: AnyCard;

  it('`@Fristvakt ny driftsmelding` opens the form with the desk’s services and notice channels', async () => {
    form = (await sayForReply(anne, 'ny driftsmelding', TRIAGE_CHANNEL)) as AnyCard;
    expect(cardText(form)).toContain('Ny driftsmelding · ROR-IKT Kundeservice');
    expect(inputById(form, NOTICE_INPUTS.channels)).toMatchObject({
      value: `${KEY_A},${KEY_B}`,
      isMultiSelect: true,
    });
    expect(inputById(form, NOTICE_INPUTS.startDate)).toMatchObject({ value: '2026-03-03' });
    const services = (inputById(form, NOTICE_INPUTS.services)!.choices as Array<{ value: string }>).map(
      (c) => c.value,
    );
    expect(services).toContain('ror-visma');
    expect(services).not.toContain('websak');
    id = formData(form).noticeId as string;
  });

  it('refuses planned maintenance under 3 days ahead without a reason, answers kept, nothing stored', async () => {
    const card = await invoke(anne, VERBS.noticePublish, { ...formData(form), ...PLANNED });
    expect(elements(card).find((e) => e.id === 'shortNoticeReasonError')?.text).toBe(
      'Planlagt vedlikehold må varsles minst 3 dager før start, eller ha en begrunnelse for kort varsel.',
    );
    expect(inputById(card, NOTICE_INPUTS.title)).toMatchObject({ value: 'Oppgradering av Visma' });
    expect(await h.app.store.notices.get(noticeId(id), deskId('ror-ikt'))).toBeNull();
    const bad = await invoke(anne, VERBS.noticePublish, {
      ...formData(form),
      ...PLANNED,
      [NOTICE_INPUTS.title]: '',
      [NOTICE_INPUTS.channels]: 'channel:x:19:nope',
    });
    expect(elements(bad).find((e) => e.id === 'titleError')?.text).toBe('Må fylles ut.');
    expect(elements(bad).find((e) => e.id === 'channelsError')?.text).toBe(
      'Velg et av alternativene i listen.',
    );
  });

  it('publishes with a reason: one post per chosen channel, in the same store call; a replay adds nothing', async () => {
    const data = {
      ...formData(form),
      ...PLANNED,
      [NOTICE_INPUTS.shortNoticeReason]: 'Sikkerhetsoppdatering fra leverandør',
    };
    const card = await invoke(anne, VERBS.noticePublish, data);
    expect(cardText(card)).toContain('Driftsmeldingen er publisert i 2 kanaler.');
    expect(cardText(card)).toContain('Planlagt vedlikehold · Aktiv · ROR-IKT Kundeservice');
    expect(cardText(card)).toContain('Forventet slutt: 05.03.2026, 20:00');
    const posts = await ofNotice(id);
    expect(posts.map((m) => [m.operation, m.conversationKey, m.threadKey])).toEqual([
      ['post', KEY_A, `notice:${id}:${KEY_A}`],
      ['post', KEY_B, `notice:${id}:${KEY_B}`],
    ]);
    await invoke(anne, VERBS.noticePublish, data);
    expect(await ofNotice(id)).toHaveLength(2);
  });

  it('a non-member’s update is refused with an error card; nothing changes', async () => {
    const n = (await h.app.store.notices.get(noticeId(id), ROR))!.value;
    const card = await invoke(olav, VERBS.noticeUpdate, {
      id,
      deskId: 'ror-ikt',
      version: noticeCardVersion(n),
      [NOTICE_INPUTS.updateText]: 'Hei',
    });
    expect(cardText(card)).toContain('Bare medlemmer av ROR-IKT Kundeservice');
    expect((await h.app.store.notices.get(noticeId(id), ROR))!.value).toEqual(n);
  });

  it('an update edits every posted copy in place and replies under each; a stale card does not act', async () => {
    // A reporter joins the notice meanwhile ("Dette gjelder meg også"): the desk's card stays current.
    const joined = (await h.app.store.notices.get(noticeId(id), ROR))!;
    const seen = noticeCardVersion(joined.value); // the version on the posted card
    await h.app.store.notices.update(
      {
        ...joined.value,
        linkedCaseRefs: [caseRef('FV-2026-000001')],
        updatedAt: isoInstant(new Date('2026-03-03T09:20:00Z')),
      },
      joined.version,
    );
    const before = (await h.app.store.notices.get(noticeId(id), ROR))!.value;
    h.now.value = new Date('2026-03-03T09:30:00Z');
    const card = await invoke(anne, VERBS.noticeUpdate, {
      id,
      deskId: 'ror-ikt',
      version: seen,
      [NOTICE_INPUTS.updateText]: 'Oppgraderingen tar en time lenger.',
      [NOTICE_INPUTS.updateEndDate]: '2026-03-05',
      [NOTICE_INPUTS.updateEndTime]: '21:00',
    });
    expect(cardText(card)).toContain('Oppgraderingen tar en time lenger.');
    expect(cardText(card)).toContain('Forventet slutt: 05.03.2026, 21:00');
    const changes = (await ofNotice(id)).filter((m) => m.operation !== 'post');
    expect(changes.map((m) => `${m.operation} ${m.threadKey}`).sort()).toEqual([
      `reply notice:${id}:${KEY_A}`,
      `reply notice:${id}:${KEY_B}`,
      `update notice:${id}:${KEY_A}`,
      `update notice:${id}:${KEY_B}`,
    ]);
    expect(changes.find((m) => m.operation === 'reply')!.activity.text).toBe(
      'Oppdatert av Anne Desk · 03.03.2026, 10:30: Oppgraderingen tar en time lenger.',
    );
    const stale = await invoke(anne, VERBS.noticeUpdate, {
      id,
      deskId: 'ror-ikt',
      version: noticeCardVersion(before),
      [NOTICE_INPUTS.updateText]: 'Gammel',
    });
    expect(cardText(stale)).toContain('endret i mellomtiden');
    expect((await h.app.store.notices.get(noticeId(id), ROR))!.value.text).toBe(
      'Oppgraderingen tar en time lenger.',
    );
  });
});

describe('an outage notice made from a case, resolved', () => {
  let ref: CaseRef;
  let id: string;
  beforeAll(async () => {
    h.now.value = new Date('2026-03-03T10:00:00Z');
    const { clientKey } = await openForm(h, kari);
    const text = cardText(
      cardOfInvoke(
        (
          await submitForm(h, kari, clientKey, {
            ...GOOD_ANSWERS,
            service: 'ror-skriver',
            title: 'Ingen skrivere virker',
            startedTime: '10:30',
          })
        ).body,
      ),
    );
    ref = caseRef(/FV-2026-\d{6}/.exec(text)![0]);
  });

  it('"Lag driftsmelding" on the case card opens the form with the case’s service and the case as hovedsak', async () => {
    const form = await invoke(anne, VERBS.triageNotice, { ref });
    expect(inputById(form, NOTICE_INPUTS.services)).toMatchObject({ value: 'ror-skriver' });
    expect(formData(form)).toMatchObject({ caseRef: ref, deskId: 'ror-ikt' });
    const card = await invoke(anne, VERBS.noticePublish, {
      ...formData(form),
      [NOTICE_INPUTS.kind]: 'outage',
      [NOTICE_INPUTS.services]: 'ror-skriver',
      [NOTICE_INPUTS.title]: 'Utskrift virker ikke',
      [NOTICE_INPUTS.startDate]: '2026-03-03',
      [NOTICE_INPUTS.startTime]: '10:45',
      [NOTICE_INPUTS.text]: 'Ingen kan skrive ut. Vi jobber med saken.',
      [NOTICE_INPUTS.channels]: KEY_A,
    });
    expect(cardText(card)).toContain(`Hovedsak: ${ref}`);
    id = formData(form).noticeId as string;
    expect((await h.app.store.notices.get(noticeId(id), ROR))!.value.linkedCaseRefs).toEqual([ref]);
  });

  it('`driftsmeldinger` in chat lists the active ones', async () => {
    h.connector.clear();
    await h.post(messageActivity(kari, h.serviceUrl, 'driftsmeldinger'));
    const text = cardText(
      cardOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send')),
    );
    expect(text).toContain('Utskrift virker ikke');
    expect(text).toContain('Oppgradering av Visma');
  });

  it('"Løst" closes it on every copy, replies under each, and tells the reporters of linked cases', async () => {
    const n = (await h.app.store.notices.get(noticeId(id), ROR))!.value;
    h.now.value = new Date('2026-03-03T11:00:00Z');
    const card = await invoke(anne, VERBS.noticeResolve, {
      id,
      deskId: 'ror-ikt',
      version: noticeCardVersion(n),
    });
    expect(cardText(card)).toContain('Driftsavbrudd · Løst');
    expect(elements(card).filter((e) => String(e.type).startsWith('Action.'))).toHaveLength(0);
    const out = await ofNotice(id);
    const update = out.find((m) => m.operation === 'update')!;
    expect(update.threadKey).toBe(`notice:${id}:${KEY_A}`);
    expect(out.find((m) => m.operation === 'reply')!.activity.text).toBe(
      '✓ Løst · Anne Desk · 03.03.2026, 12:00',
    );
    const toReporter = out.find((m) => m.conversationKey === `user:${kari.aadObjectId}`)!;
    expect(JSON.stringify(toReporter.activity)).toContain(
      `Driftsmeldingen «Utskrift virker ikke» som saken din ${ref} er knyttet til, er løst.`,
    );
    expect((await h.app.store.notices.listActive(ROR)).map((x) => x.id)).not.toContain(id);
    const again = await invoke(anne, VERBS.noticeResolve, {
      id,
      deskId: 'ror-ikt',
      version: noticeCardVersion((await h.app.store.notices.get(noticeId(id), ROR))!.value),
    });
    expect(cardText(again)).toContain('allerede løst');
  });
});

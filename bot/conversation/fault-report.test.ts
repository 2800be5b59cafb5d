/**
 * The employee's fault report, end to end through the endpoint: the form, server-side validation with
 * messages at the fields, creation with a reference and deadlines, replay safety, critical faults,
 * and known faults (driftsmeldinger) offered before a case is created.
 */
import { noticeId, serviceId, deskId, isoInstant, userId } from '../../shared/ids';
import type { Notice } from '../../shared/notices/model';
import type { TestUser } from '../test-support/activities';
import { invokeActivity } from '../test-support/activities';
import {
  actionByVerb,
  cardOfInvoke,
  cardText,
  elements,
  inputById,
  type AnyCard,
} from '../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../test-support/fault-form';
import { startHarness, type Harness } from '../test-support/harness';
import { VERBS } from '../cards/verbs';
import { FAULT_INPUTS } from '../cards/fault-form';

// Tuesday 3 March 2026, 10:00 in Oslo.
const NOW = new Date('2026-03-03T09:00:00Z');
const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };
const john: TestUser = { aadObjectId: 'aad-john', name: 'John Smith', locale: 'en-US' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: NOW });
});
afterAll(() => h.close());

const errorAt = (card: AnyCard, id: string): string | undefined =>
  elements(card).find((e) => e.id === `${id}Error`)?.text as string | undefined;

describe('the form', () => {
  it('has every checklist field, defaults (now in Oslo, the reporter as test contact) and a filtered service list', async () => {
    const { card, clientKey } = await openForm(h, kari);
    expect(clientKey).toMatch(/^[0-9a-f-]{36}$/);
    for (const id of Object.values(FAULT_INPUTS)) expect(inputById(card, id)).toBeDefined();
    expect(inputById(card, 'startedDate')).toMatchObject({ value: '2026-03-03', max: '2026-03-03' });
    expect(inputById(card, 'startedTime')).toMatchObject({ value: '10:00' });
    expect(inputById(card, 'testContact')).toMatchObject({ value: 'Kari Nordmann' });
    expect(inputById(card, 'service')).toMatchObject({ style: 'filtered' });
    expect(card.version).toBe('1.5');
  });

  it('prefills the title from "meld feil <text>"', async () => {
    h.connector.clear();
    const { messageActivity } = await import('../test-support/activities');
    await h.post(messageActivity(kari, h.serviceUrl, 'meld feil Skriveren i 2. etasje'));
    const call = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
    const { cardOfCall } = await import('../test-support/cards');
    expect(inputById(cardOfCall(call), 'title')).toMatchObject({ value: 'Skriveren i 2. etasje' });
  });

  it('switches desk keeping the answers, with that desk’s services and virksomheter', async () => {
    const { clientKey } = await openForm(h, kari);
    const res = await submitForm(
      h,
      kari,
      clientKey,
      { ...GOOD_ANSWERS, desk: 'byarkivet' },
      VERBS.faultChangeDesk,
    );
    const card = cardOfInvoke(res.body);
    expect(inputById(card, 'desk')).toMatchObject({ value: 'byarkivet' });
    const services = (inputById(card, 'service')!.choices as Array<{ value: string }>).map((c) => c.value);
    expect(services).toContain('websak');
    expect(services).not.toContain('ror-visma');
    expect(inputById(card, 'service')!.value).toBeUndefined();
    expect(inputById(card, 'title')).toMatchObject({ value: GOOD_ANSWERS.title });
    const orgs = (inputById(card, 'org')!.choices as Array<{ value: string }>).map((c) => c.value);
    expect(orgs).toContain('bydel-frogner');
    expect(actionByVerb(card, VERBS.faultSubmit)!.data).toEqual({ clientKey });
  });
});

describe('server-side validation', () => {
  it.each([
    ['a missing title', { title: '' }, 'title', 'Må fylles ut.'],
    ['a too short symptom', { symptom: 'blank' }, 'symptom', 'For kort (minst 10 tegn).'],
    [
      'an over-long title',
      { title: 'x'.repeat(121) },
      'title',
      'For lang: 121 tegn, høyst 120. Kort ned teksten; de andre svarene dine er tatt vare på.',
    ],
    [
      'an over-long symptom',
      { symptom: 'x'.repeat(2001) },
      'symptom',
      'For lang: 2\u00a0001 tegn, høyst 2\u00a0000. Kort ned teksten; de andre svarene dine er tatt vare på.',
    ],
    ['an unknown service', { service: 'no-such-service' }, 'service', 'Velg et av alternativene i listen.'],
    [
      'a service of another desk',
      { service: 'websak' },
      'service',
      'Tjenesten hører ikke til valgt servicesenter.',
    ],
    [
      'a virksomhet the desk does not serve',
      { org: 'bydel-frogner' },
      'org',
      'Servicesenteret betjener ikke denne virksomheten.',
    ],
    ['an unknown scope', { scope: 'universe' }, 'scope', 'Velg et av alternativene i listen.'],
    ['a number for the title', { title: 42 }, 'title', 'Ugyldig verdi.'],
    ['an object for the scope', { scope: { x: 1 } }, 'scope', 'Ugyldig verdi.'],
    [
      'a start in the future',
      { startedTime: '11:30' },
      'startedDate',
      'Tidspunktet kan ikke være fram i tid.',
    ],
    ['an impossible date', { startedDate: '2026-02-30' }, 'startedDate', 'Ugyldig dato eller klokkeslett.'],
    [
      'too many followers',
      { followers: Array.from({ length: 11 }, (_, i) => `P${i}`).join(', ') },
      'followers',
      'Høyst 10 følgere.',
    ],
  ])(
    'rejects %s with a message at the field, answers kept, no case',
    async (_what, change, field, message) => {
      const { clientKey } = await openForm(h, kari);
      const before = (await h.app.store.cases.listByReporter(userId(kari.aadObjectId))).items.length;
      const res = await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, ...change });
      const card = cardOfInvoke(res.body);
      expect(errorAt(card, field)).toBe(message);
      expect(cardText(card)).toContain('Noe mangler eller er feil');
      // Answers kept (the symptom unless it was the bad field), the same client key.
      if (field !== 'symptom')
        expect(inputById(card, 'symptom')).toMatchObject({ value: GOOD_ANSWERS.symptom });
      expect(actionByVerb(card, VERBS.faultSubmit)!.data).toEqual({ clientKey });
      expect((await h.app.store.cases.listByReporter(userId(kari.aadObjectId))).items).toHaveLength(before);
    },
  );

  it('answers a submit without a client key with an error response', async () => {
    const res = await h.post(invokeActivity(kari, h.serviceUrl, VERBS.faultSubmit, { ...GOOD_ANSWERS }));
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });
});

describe('creating the case', () => {
  it('confirms with the reference, suggested priority, deadlines in Oslo time and what happens next', async () => {
    const { clientKey } = await openForm(h, kari);
    const res = await submitForm(h, kari, clientKey, GOOD_ANSWERS);
    const card = cardOfInvoke(res.body);
    const text = cardText(card);
    const ref = /FV-2026-\d{6}/.exec(text)?.[0];
    expect(ref).toBeDefined();
    const stored = await h.app.store.cases.getForDesk(ref as never, deskId('ror-ikt'));
    expect(stored!.value).toMatchObject({
      title: GOOD_ANSWERS.title,
      serviceId: 'ror-visma',
      orgId: 'molde',
      reporter: { id: kari.aadObjectId, name: 'Kari Nordmann' },
      testContact: { id: kari.aadObjectId },
      clientKey,
      checklist: { scope: 'me', availability: 'partial', startedAt: '2026-03-03T08:30:00.000Z' },
    });
    const prio = stored!.value.suggestedPriority;
    const label = { kritisk: 'Kritisk', hoy: 'Høy', middels: 'Middels', lav: 'Lav' }[prio as string];
    expect(text).toContain(`Foreslått prioritet: ${label}`);
    // A Lav/Middels case received Tue 10:00: response within hours on the same day (Oslo time, nb-NO).
    expect(text).toMatch(/Svar innen: tirsdag 3\. mars kl\. 1\d:\d\d/);
    expect(text).toMatch(/Løst innen: \w+dag \d+\. mars kl\. \d\d:\d\d/);
    expect(text).toContain('Hva skjer nå?');
    expect(text).toContain('Lim dem inn eller legg dem ved i chatten');
    expect(elements(card).find((e) => e.id === 'callNow')).toBeUndefined();
  });

  it('creates no second case when the same submit is replayed', async () => {
    const { clientKey } = await openForm(h, kari);
    const first = cardText(cardOfInvoke((await submitForm(h, kari, clientKey, GOOD_ANSWERS)).body));
    const again = cardText(cardOfInvoke((await submitForm(h, kari, clientKey, GOOD_ANSWERS)).body));
    const ref = /FV-2026-\d{6}/.exec(first)![0];
    expect(again).toContain(ref);
    expect(again).toContain('allerede sendt');
    const all = (await h.app.store.cases.listByReporter(userId(kari.aadObjectId), { limit: 200 })).items;
    expect(all.filter((c) => c.clientKey === clientKey)).toHaveLength(1);
  });

  it('tells the reporter of a critical fault to phone the desk now', async () => {
    const { clientKey } = await openForm(h, kari);
    const res = await submitForm(h, kari, clientKey, {
      ...GOOD_ANSWERS,
      service: 'ror-gerica',
      title: 'Gerica er nede for hele sykehjemmet',
      scope: 'organisation',
      availability: 'all',
    });
    const card = cardOfInvoke(res.body);
    expect(elements(card).find((e) => e.id === 'callNow')?.text).toBe(
      'Kritisk feil: ring ROR-IKT Kundeservice nå på 71\u00a011\u00a011\u00a066.',
    );
    expect(cardText(card)).toContain('Foreslått prioritet: Kritisk');
  });

  it('confirms in English for an en-US user', async () => {
    const { clientKey } = await openForm(h, john);
    const card = cardOfInvoke((await submitForm(h, john, clientKey, GOOD_ANSWERS)).body);
    expect(cardText(card)).toMatch(/Thank you! Your case is registered: FV-2026-\d{6}/);
    expect(cardText(card)).toMatch(/Response by: Tuesday 3 March/);
  });

  it('records free-text followers and test contact', async () => {
    const { clientKey } = await openForm(h, kari);
    const card = cardOfInvoke(
      (
        await submitForm(h, kari, clientKey, {
          ...GOOD_ANSWERS,
          testContact: 'ola.hansen@molde.kommune.no',
          followers: 'Per Persen; lise@molde.kommune.no',
        })
      ).body,
    );
    const ref = /FV-2026-\d{6}/.exec(cardText(card))![0];
    const c = (await h.app.store.cases.getForDesk(ref as never, deskId('ror-ikt')))!.value;
    expect(c.testContact).toMatchObject({
      name: 'ola.hansen@molde.kommune.no',
      email: 'ola.hansen@molde.kommune.no',
    });
    expect(c.followers.map((f) => f.name)).toEqual(['Per Persen', 'lise@molde.kommune.no']);
  });
});

describe('known faults (driftsmeldinger) before creating', () => {
  const parentAnswers = {
    ...GOOD_ANSWERS,
    service: 'ror-epost',
    title: 'E-post virker ikke',
    scope: 'several_organisations',
    availability: 'all',
  };

  it('offers "Dette gjelder meg også", which creates the case as an undersak of the notice’s hovedsak', async () => {
    // The hovedsak, reported first.
    const first = await openForm(h, kari);
    const parentRef = /FV-2026-\d{6}/.exec(
      cardText(cardOfInvoke((await submitForm(h, kari, first.clientKey, parentAnswers)).body)),
    )![0];
    const at = isoInstant(NOW);
    const notice: Notice = {
      id: noticeId('n-epost'),
      deskId: deskId('ror-ikt'),
      kind: 'outage',
      status: 'active',
      serviceIds: [serviceId('ror-epost')],
      title: 'E-post er nede',
      text: 'Vi jobber med saken.',
      startsAt: at,
      caseRef: parentRef as never,
      linkedCaseRefs: [],
      posted: [],
      createdAt: at,
      createdBy: { kind: 'system', name: 'test' },
      updatedAt: at,
    };
    await h.app.store.notices.create(notice);

    const { clientKey } = await openForm(h, john);
    const asked = cardOfInvoke((await submitForm(h, john, clientKey, parentAnswers)).body);
    expect(cardText(asked)).toContain('E-post er nede');
    const join = actionByVerb(asked, VERBS.faultJoinNotice)!;
    expect(join.data).toMatchObject({ clientKey, noticeId: 'n-epost' });
    expect(actionByVerb(asked, VERBS.faultSubmitNew)).toBeDefined();
    expect(
      (await h.app.store.cases.listByReporter(userId(john.aadObjectId), { limit: 200 })).items.some(
        (c) => c.title === 'E-post virker ikke',
      ),
    ).toBe(false);

    const res = await h.post(
      invokeActivity(john, h.serviceUrl, VERBS.faultJoinNotice, join.data as Record<string, unknown>),
    );
    const text = cardText(cardOfInvoke(res.body));
    // A critical fault the desk already knows of (an active driftsmelding): no "phone now".
    expect(text).toContain('already knows about this fault');
    expect(text).not.toContain('phone ROR-IKT');
    const childRef = /FV-2026-\d{6}/.exec(text)![0];
    const child = (await h.app.store.cases.getForDesk(childRef as never, deskId('ror-ikt')))!.value;
    expect(child.parentRef).toBe(parentRef);
    const parent = (await h.app.store.cases.getForDesk(parentRef as never, deskId('ror-ikt')))!.value;
    expect(parent.childRefs).toContain(childRef);
    const storedNotice = await h.app.store.notices.get(noticeId('n-epost'), deskId('ror-ikt'));
    expect(storedNotice!.value.linkedCaseRefs).toContain(childRef);

    // "Meld ny feil" creates an unlinked case.
    const other = await openForm(h, kari);
    const asked2 = cardOfInvoke((await submitForm(h, kari, other.clientKey, parentAnswers)).body);
    const fresh = actionByVerb(asked2, VERBS.faultSubmitNew)!;
    const res2 = await h.post(
      invokeActivity(kari, h.serviceUrl, VERBS.faultSubmitNew, fresh.data as Record<string, unknown>),
    );
    const ref2 = /FV-2026-\d{6}/.exec(cardText(cardOfInvoke(res2.body)))![0];
    expect(
      (await h.app.store.cases.getForDesk(ref2 as never, deskId('ror-ikt')))!.value.parentRef,
    ).toBeUndefined();
  });
});

describe('the fault type (seed 002 §5.1.2.3)', () => {
  const WEBSAK = {
    ...GOOD_ANSWERS,
    desk: 'byarkivet',
    service: 'websak',
    org: 'bydel-frogner',
    title: 'Journalføring feiler',
  };
  /** Submits the form on WebSak (which has a forvalter) and returns the case and its forvalter message. */
  async function report(faultType: string) {
    const { clientKey } = await openForm(h, kari);
    const card = cardOfInvoke((await submitForm(h, kari, clientKey, { ...WEBSAK, faultType })).body);
    const ref = /FV-2026-\d{6}/.exec(cardText(card))![0];
    const c = (await h.app.store.cases.getForDesk(ref as never, deskId('byarkivet')))!.value;
    const told = await h.app.store.outbox.get(`${ref}:${c.events[0].id}:administrator`, deskId('byarkivet'));
    return { c, told };
  }

  it('offers the fault types, "Vet ikke" chosen by default', async () => {
    const { card } = await openForm(h, kari);
    const input = inputById(card, FAULT_INPUTS.faultType)!;
    expect((input.choices as Array<{ title: string; value: string }>).map((x) => x.title)).toEqual([
      'Funksjonell feil (noe virker ikke som forventet i fagsystemet)',
      'Teknisk feil – applikasjon',
      'Teknisk feil – infrastruktur (nett, pålogging, server, database, backup)',
      'Vet ikke',
    ]);
    expect(input.value).toBe('unknown');
  });

  it.each(['technical_application', 'technical_infrastructure'])(
    'notifies the forvalter of a %s fault',
    async (type) => {
      const { c, told } = await report(type);
      expect(c.faultType).toBe(type);
      expect(told).not.toBeNull();
      expect(told!.conversationKey).toContain('demo-forvalter-websak');
    },
  );

  it.each(['functional', 'unknown'])('does not notify the forvalter for "%s"', async (type) => {
    const { c, told } = await report(type);
    expect(c.faultType).toBe(type === 'unknown' ? undefined : type);
    expect(told).toBeNull();
  });

  it('rejects an unknown fault type at the field, answers kept, no case', async () => {
    const { clientKey } = await openForm(h, kari);
    const before = (await h.app.store.cases.listByReporter(userId(kari.aadObjectId))).items.length;
    const card = cardOfInvoke(
      (await submitForm(h, kari, clientKey, { ...WEBSAK, faultType: 'hardware' })).body,
    );
    expect(errorAt(card, FAULT_INPUTS.faultType)).toBe('Velg et av alternativene i listen.');
    expect(inputById(card, 'symptom')).toMatchObject({ value: WEBSAK.symptom });
    expect(inputById(card, FAULT_INPUTS.faultType)).toMatchObject({ value: 'hardware' });
    expect((await h.app.store.cases.listByReporter(userId(kari.aadObjectId))).items).toHaveLength(before);
  });
});

/**
 * What a reporter sees in the personal chat, through the bot's endpoint: markup in a title shown as
 * typed, clocks that say they are business time and when they stand, "ring nå" only where it helps,
 * the solution answered from `status`, and the fault form's limits and people said at the field.
 */
import { VERBS } from '../../cards/verbs';
import { invokeActivity, messageActivity, type TestUser } from '../../test-support/activities';
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
import { startHarness, type Harness } from '../../test-support/harness';
import { userActor } from '../../../shared/app/case-changes';
import type { CaseCommand } from '../../../shared/cases/lifecycle';
import { deskId, type CaseRef } from '../../../shared/ids';
import { AFTER_HOURS } from '../../seed/desks';

// Tuesday 3 March 2026, 18:14 in Oslo: ROR-IKT (08:00–15:30) is closed, UKE (08:00–20:00) is open.
const EVENING = new Date('2026-03-03T17:14:00Z');
const kari: TestUser = { aadObjectId: 'aad-kari-see', name: 'Kari Nordmann' };
const HOSTILE = '**Viktig** [klikk her](http://x.example) <img src="http://x.example/i.png">';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: EVENING });
});
afterAll(() => h.close());

async function say(user: TestUser, text: string): Promise<AnyCard> {
  h.connector.clear();
  await h.post(messageActivity(user, h.serviceUrl, text));
  return cardOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send'));
}
const invoke = async (user: TestUser, verb: string, data: Record<string, unknown>): Promise<AnyCard> =>
  cardOfInvoke((await h.post(invokeActivity(user, h.serviceUrl, verb, data))).body);

async function report(answers: Record<string, unknown>): Promise<{ card: AnyCard; ref: CaseRef }> {
  const { clientKey } = await openForm(h, kari);
  const card = cardOfInvoke((await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, ...answers })).body);
  return { card, ref: /FV-2026-\d{6}/.exec(cardText(card))![0] as CaseRef };
}

async function desk(deskUser: string, ref: CaseRef, command: CaseCommand): Promise<void> {
  const actor = userActor(
    { id: deskUser as never, name: 'Anne Desk' },
    (await h.app.catalogue.get()).desks,
    h.app.deps.directory,
  );
  await h.app.deps.changes.apply(ref, command, actor, h.now.value);
}

const textBlocks = (card: AnyCard): string[] =>
  elements(card)
    .filter((e) => e.type === 'TextBlock')
    .map((e) => String(e.text));
const factValues = (card: AnyCard): string[] =>
  elements(card)
    .filter((e) => e.type === 'FactSet')
    .flatMap((e) => (e.facts as Array<{ value: string }>).map((f) => f.value));

describe('after hours, a Middels case on ROR-IKT', () => {
  let ref: CaseRef;
  let confirmation: AnyCard;
  beforeAll(async () => {
    h.now.value = EVENING;
    ({ card: confirmation, ref } = await report({ title: HOSTILE, startedTime: '17:00' }));
  });

  it('the confirmation says the deadlines count business time and that the clock stands until tomorrow 08:00', () => {
    const text = cardText(confirmation);
    expect(factValues(confirmation).join('\n')).toMatch(/arbeidstid igjen/);
    expect(elements(confirmation).find((e) => e.id === 'clockNote')?.text).toBe(
      'klokken står – starter i morgen kl. 08:00',
    );
    expect(text).not.toMatch(/[−-]0 min/);
    expect(elements(confirmation).find((e) => e.id === 'callNow')).toBeUndefined();
  });

  it('`mine saker` shows the title as typed and the clock in words', async () => {
    const card = await say(kari, 'mine saker');
    const blocks = textBlocks(card);
    expect(blocks).toContain(
      `**${ref}** \\*\\*Viktig\\*\\* \\[klikk her\\](http://x.example) \\<img src="http://x.example/i.png"\\>`,
    );
    expect(blocks.some((b) => /arbeidstid igjen$/.test(b))).toBe(true);
    expect(blocks).toContain('klokken står – starter i morgen kl. 08:00');
  });

  it('`status` shows the title as typed in its heading and the clock beside each deadline', async () => {
    const card = await say(kari, `status ${ref}`);
    expect(textBlocks(card)[0]).toBe(
      `${ref}: \\*\\*Viktig\\*\\* \\[klikk her\\](http://x.example) \\<img src="http://x.example/i.png"\\>`,
    );
    expect(factValues(card).filter((v) => /kl\. \d\d:\d\d · .*arbeidstid igjen$/.test(v))).toHaveLength(2);
  });

  it('`status` on a Løst case offers "Godta løsningen" / "Ikke løst"; the answer keeps the solution in the chat', async () => {
    await desk('demo-desk-ror', ref, { type: 'claim' });
    await desk('demo-desk-ror', ref, { type: 'solve', solution: 'Tilgangen i Visma er rettet.' });
    const card = await say(kari, `status ${ref}`);
    expect(elements(card).find((e) => e.id === 'solutionText')?.text).toBe('Tilgangen i Visma er rettet.');
    const accept = actionByVerb(card, VERBS.solutionAccept)!;
    const reject = actionByVerb(card, VERBS.solutionReject)!;
    expect(accept).toMatchObject({ title: 'Godta løsningen', data: { ref } });
    expect(reject).toMatchObject({ title: 'Ikke løst', data: { ref } });
    expect(inputById(card, 'rejectComment')).toBeDefined();

    // "Ikke løst" without a comment: the message at the field, nothing changes.
    const again = await invoke(kari, VERBS.solutionReject, { ref, rejectComment: '' });
    expect(elements(again).find((e) => e.id === 'rejectCommentError')?.text).toBe(
      'Skriv hva som fortsatt ikke virker.',
    );
    const answered = await invoke(kari, VERBS.solutionAccept, { ref });
    expect(cardText(answered)).toContain('Tilgangen i Visma er rettet.');
    expect(elements(answered).find((e) => e.id === 'solutionAnswer')?.text).toBe(
      `Takk! Sak ${ref} er lukket.`,
    );
    expect(actionByVerb(answered, VERBS.solutionAccept)).toBeUndefined();
    expect((await h.app.store.cases.getForDesk(ref, deskId('ror-ikt')))?.value.status).toBe('closed');

    // Once answered, `status` still shows the solution, without the answer buttons.
    const closed = await say(kari, `status ${ref}`);
    expect(elements(closed).find((e) => e.id === 'solutionText')?.text).toBe('Tilgangen i Visma er rettet.');
    expect(actionByVerb(closed, VERBS.solutionAccept)).toBeUndefined();
  });
});

describe('"Ring … nå" only where it helps', () => {
  it('a critical fault while the desk is open: phone now', async () => {
    h.now.value = new Date('2026-03-04T09:00:00Z'); // Wed 10:00
    const { card } = await report({ service: 'ror-gerica', scope: 'organisation', availability: 'all' });
    expect(elements(card).find((e) => e.id === 'callNow')?.text).toBe(
      'Kritisk feil: ring ROR-IKT Kundeservice nå på 71\u00a011\u00a011\u00a066.',
    );
  });

  it('a critical fault on UKE after 20:00: when it opens and the on-call service (seed 002 §4.3)', async () => {
    h.now.value = new Date('2026-03-03T20:30:00Z'); // Tue 21:30
    const { card } = await report({
      desk: 'uke',
      service: 'uke-gerica',
      org: 'etat-sykehjem',
      scope: 'organisation',
      availability: 'all',
      startedTime: '21:00',
    });
    expect(elements(card).find((e) => e.id === 'callNow')).toBeUndefined();
    expect(elements(card).find((e) => e.id === 'deskClosed')?.text).toBe(
      'Kritisk feil: UKE Servicesenter er stengt nå og åpner i morgen kl. 08:00.',
    );
    const afterHours = String(elements(card).find((e) => e.id === 'afterHours')?.text);
    expect(afterHours).toContain('Sopra Sterias døgnbemannede overvåkingstjeneste');
    expect(AFTER_HOURS.uke).toContain('23 47 70 70');
  });
});

describe('the fault form', () => {
  beforeAll(() => {
    h.now.value = new Date('2026-03-04T09:00:00Z');
  });

  it('has no developer note, and the long fields say their limit instead of cutting the text', async () => {
    const { card } = await openForm(h, kari);
    expect(cardText(card)).not.toMatch(/personvelger|senere/);
    for (const id of ['symptom', 'triedSoFar']) {
      const input = inputById(card, id)!;
      expect(input.maxLength).toBeUndefined();
      expect(String(input.label)).toContain('høyst 2\u00a0000 tegn');
    }
  });

  it('a description over 2 000 characters is refused at the field with its length, every answer kept', async () => {
    const { clientKey } = await openForm(h, kari);
    const long = 'Siden er blank. '.repeat(140).trim(); // 2 239 characters
    const card = cardOfInvoke(
      (await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, symptom: long, followers: 'Per Hansen' }))
        .body,
    );
    expect(elements(card).find((e) => e.id === 'symptomError')?.text).toBe(
      'For lang: 2\u00a0239 tegn, høyst 2\u00a0000. Kort ned teksten; de andre svarene dine er tatt vare på.',
    );
    expect(inputById(card, 'symptom')?.value).toBe(long);
    expect(inputById(card, 'followers')?.value).toBe('Per Hansen');
    expect(inputById(card, 'title')?.value).toBe(GOOD_ANSWERS.title);
  });

  it.each([
    ['per@', '«per@» er ikke en gyldig e-postadresse.'],
    ['Per Hansen, kari@kommune', '«kari@kommune» er ikke en gyldig e-postadresse.'],
    ['**Per**', '«\\*\\*Per\\*\\*» er verken et navn eller en e-postadresse.'],
  ])('the followers "%s" are refused at the field', async (followers, message) => {
    const { clientKey } = await openForm(h, kari);
    const card = cardOfInvoke((await submitForm(h, kari, clientKey, { ...GOOD_ANSWERS, followers })).body);
    expect(elements(card).find((e) => e.id === 'followersError')?.text).toBe(message);
    expect(inputById(card, 'followers')?.value).toBe(followers);
  });

  it('names and valid addresses are accepted as followers', async () => {
    const { card } = await report({
      followers: "Per Hansen, Ola O'Brien-Nilsen, per.hansen@molde.kommune.no",
    });
    expect(cardText(card)).toContain('Saken er registrert');
  });
});

/**
 * The case conversation through the bot's endpoint: the reporter (Kari) in her chat, a desk
 * member (Anne) in the triage channel and in her chat, a follower (Per) in his chat. What each one
 * receives is read from the outbox written with each change (nothing delivers in these tests).
 */
import { eventsFor } from '../../../shared/cases/conversation';
import type { Case } from '../../../shared/cases/model';
import type { CaseRef } from '../../../shared/ids';
import type { OutboxEntry } from '../../../shared/ports';
import { PRESETS } from '../../../shared/sla/presets';
import { computeSla } from '../../../shared/sla/state';
import { CONVERSATION_INPUTS } from '../../cards/comment-notice';
import { VERBS } from '../../cards/verbs';
import { invokeActivity, messageActivity, type TestUser } from '../../test-support/activities';
import {
  actionByVerb,
  cardOfCall,
  cardOfInvoke,
  cardText,
  inputById,
  type AnyCard,
} from '../../test-support/cards';
import { GOOD_ANSWERS, openForm, submitForm } from '../../test-support/fault-form';
import type { Harness } from '../../test-support/harness';
import { userActor } from '../../../shared/app/case-changes';
import type { CaseCommand } from '../../../shared/cases/lifecycle';
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
} from '../channel/test-support/channel';

const NOW = new Date('2026-03-03T09:00:00Z'); // Tue 10:00 Oslo
const olav: TestUser = { aadObjectId: 'aad-olav', name: 'Olav Utenfor' };
const SECRET = 'hunter2-intern';

let h: Harness;
beforeAll(async () => {
  h = await startChannelHarness(NOW);
  await h.post(channelMessage(anne, h.serviceUrl, TRIAGE_CHANNEL, 'koble ror-ikt'));
});
afterAll(() => h.close());

const minutes = (m: number): void => {
  h.now.value = new Date(h.now.value.getTime() + m * 60_000);
};

async function report(user: TestUser, answers: Record<string, unknown> = {}): Promise<CaseRef> {
  const { clientKey } = await openForm(h, user);
  const card = cardOfInvoke((await submitForm(h, user, clientKey, { ...GOOD_ANSWERS, ...answers })).body);
  return /FV-2026-\d{6}/.exec(cardText(card))![0] as CaseRef;
}

/** A chat message from `user`; the bot's answer card. */
async function say(user: TestUser, text: string): Promise<AnyCard> {
  h.connector.clear();
  await h.post(messageActivity(user, h.serviceUrl, text));
  return cardOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send'));
}

async function invoke(user: TestUser, verb: string, data: Record<string, unknown>): Promise<AnyCard> {
  return cardOfInvoke((await h.post(invokeActivity(user, h.serviceUrl, verb, data))).body);
}
async function deskInvoke(verb: string, data: Record<string, unknown>): Promise<AnyCard> {
  return cardOfInvoke((await h.post(channelInvoke(anne, h.serviceUrl, verb, data))).body);
}

const stored = async (ref: CaseRef): Promise<Case> => (await h.app.store.cases.getForDesk(ref, ROR))!.value;
const outboxOf = async (ref: CaseRef): Promise<OutboxEntry[]> =>
  (await pendingOutbox(h)).filter((m) => m.caseRef === ref);
const cardOf = (m: OutboxEntry): AnyCard =>
  (m.activity as { attachments: Array<{ content: AnyCard }> }).attachments[0].content;
const to = (msgs: OutboxEntry[], user: TestUser): OutboxEntry[] =>
  msgs.filter((m) => m.conversationKey === `user:${user.aadObjectId}`);
const deskThread = (msgs: OutboxEntry[], ref: CaseRef): OutboxEntry[] =>
  msgs.filter(
    (m) => m.threadKey === `case:${ref}:triage` && m.operation === 'reply' && m.id.endsWith(':desk-reply'),
  );

describe('comments between the reporter, the desk and a follower', () => {
  let ref: CaseRef;
  beforeAll(async () => {
    ref = await report(kari, { title: 'Lønnsslippen er blank', followers: 'Per Hansen' });
  });

  it('tells a follower named on the form that they follow the case', async () => {
    const perMsgs = to(await outboxOf(ref), per);
    expect(perMsgs).toHaveLength(1);
    expect(cardText(cardOf(perMsgs[0]))).toContain(`Du er lagt til som følger av sak ${ref}`);
  });

  it('the reporter’s comment reaches the desk’s triage thread and the follower, with the reference and "Svar"', async () => {
    minutes(5);
    const answer = await say(kari, `kommenter ${ref} Hei Kundeservice, siden er fortsatt blank.`);
    expect(cardText(answer)).toContain(`Kommentaren er lagt til sak ${ref}`);
    const msgs = await outboxOf(ref);
    const desk = deskThread(msgs, ref);
    expect(desk).toHaveLength(1);
    expect(desk[0].conversationKey).toBe(`channel:19:team-ror@thread.tacv2:${TRIAGE_CHANNEL}`);
    const deskCard = cardOf(desk[0]);
    expect(cardText(deskCard)).toContain(`Ny kommentar i sak ${ref} fra Kari Nordmann`);
    expect(cardText(deskCard)).toContain('Til: Kundeservice');
    expect(actionByVerb(deskCard, VERBS.caseComment)).toMatchObject({ title: 'Svar', data: { ref } });
    expect(inputById(deskCard, CONVERSATION_INPUTS.commentInternal)).toBeDefined();
    // The line it goes as when the sender is behind (folded with the lines after it in the thread).
    expect(desk[0].foldedText).toMatch(
      /^Kari Nordmann Kommentar: Hei Kundeservice, siden er fortsatt blank\. · /,
    );
    const perMsgs = to(msgs, per).filter((m) => cardText(cardOf(m)).includes('siden er fortsatt blank'));
    expect(perMsgs).toHaveLength(1);
    expect(inputById(cardOf(perMsgs[0]), CONVERSATION_INPUTS.commentInternal)).toBeUndefined();
    // Not echoed to Kari herself.
    expect(to(msgs, kari).some((m) => cardText(cardOf(m)).includes('siden er fortsatt blank'))).toBe(false);
  });

  it('the desk answers from the thread card: the reporter and the follower get it; an internal note reaches neither', async () => {
    minutes(5);
    await deskInvoke(VERBS.caseComment, {
      ref,
      [CONVERSATION_INPUTS.commentText]: `Notat: innmelder har ${SECRET} som passord`,
      [CONVERSATION_INPUTS.commentInternal]: 'true',
    });
    minutes(5);
    await deskInvoke(VERBS.caseComment, {
      ref,
      [CONVERSATION_INPUTS.commentText]: 'Hei Kari, vi ser på saken nå.',
      [CONVERSATION_INPUTS.commentInternal]: 'false',
    });
    const c = await stored(ref);
    const comments = c.events.filter((e) => e.type === 'comment');
    expect(comments.map((e) => e.type === 'comment' && [e.visibility, e.byRole])).toEqual([
      ['public', 'reporter'],
      ['internal', 'desk'],
      ['public', 'desk'],
    ]);
    const msgs = await outboxOf(ref);
    const kariReply = to(msgs, kari).filter((m) => cardText(cardOf(m)).includes('vi ser på saken nå'));
    const perReply = to(msgs, per).filter((m) => cardText(cardOf(m)).includes('vi ser på saken nå'));
    expect(kariReply).toHaveLength(1);
    expect(perReply).toHaveLength(1);
    expect(cardText(cardOf(kariReply[0]))).toContain(`Ny kommentar i sak ${ref} fra Anne Desk`);
    expect(cardText(cardOf(kariReply[0]))).toContain('Til: Kari');
    expect(actionByVerb(cardOf(kariReply[0]), VERBS.caseComment)).toBeDefined();
  });

  it('the triage card offers "Kommenter" with the internal-note choice; a comment there leaves a line in the thread', async () => {
    minutes(1);
    const card = await deskInvoke(VERBS.caseComment, {
      ref,
      [CONVERSATION_INPUTS.commentText]: 'Kort fra kanalen',
      [CONVERSATION_INPUTS.commentInternal]: 'false',
    });
    // The answer is the viewer's triage card (the channel's card), not a chat card.
    const json = JSON.stringify(card);
    expect(json).toContain('"Action.ShowCard"');
    expect(json).toContain('"title":"Kommenter"');
    expect(json).toContain(`"verb":"${VERBS.caseComment}"`);
    expect(json).toContain(CONVERSATION_INPUTS.commentInternal);
    const c = await stored(ref);
    const last = c.events.at(-1)!;
    const line = (await outboxOf(ref)).find((m) => m.id === `${ref}:${last.id}:triage-reply`);
    expect(String((line?.activity as { text?: string }).text)).toContain('Kort fra kanalen');
    expect(to(await outboxOf(ref), kari).some((m) => cardText(cardOf(m)).includes('Kort fra kanalen'))).toBe(
      true,
    );
  });

  it('a follower comments too (public only); the reporter and the desk hear it', async () => {
    minutes(5);
    expect(cardText(await say(per, `kommenter ${ref} internt: jeg også`))).toContain(
      'Kommentaren er lagt til',
    );
    const last = (await stored(ref)).events.at(-1)!;
    expect(last).toMatchObject({ type: 'comment', visibility: 'public', byRole: 'follower' });
    const msgs = await outboxOf(ref);
    expect(to(msgs, kari).some((m) => cardText(cardOf(m)).includes('jeg også'))).toBe(true);
    expect(deskThread(msgs, ref).some((m) => cardText(cardOf(m)).includes('jeg også'))).toBe(true);
  });

  it('the case card shows the same comments in the same order to each, without the internal note outside the desk', async () => {
    const kariCard = cardText(await say(kari, `status ${ref}`));
    const perCard = cardText(await say(per, `status ${ref}`));
    const anneCard = cardText(await invoke(anne, VERBS.caseShow, { ref }));
    for (const text of [kariCard, perCard, anneCard]) {
      const a = text.indexOf('siden er fortsatt blank');
      const b = text.indexOf('vi ser på saken nå');
      const c = text.indexOf('jeg også');
      expect(a).toBeGreaterThan(-1);
      expect(b).toBeGreaterThan(a);
      expect(c).toBeGreaterThan(b);
    }
    expect(kariCard).not.toContain(SECRET);
    expect(perCard).not.toContain(SECRET);
    expect(anneCard).toContain(SECRET);
  });

  it('never sends the internal note to anyone but the desk', async () => {
    const all = await pendingOutbox(h);
    const outside = all.filter((m) => m.conversationKey.startsWith('user:'));
    expect(outside.length).toBeGreaterThanOrEqual(5);
    for (const m of outside) expect(JSON.stringify(m.activity)).not.toContain(SECRET);
    expect(eventsFor(await stored(ref), 'public').some((e) => JSON.stringify(e).includes(SECRET))).toBe(
      false,
    );
  });

  it('sends comment text as plain text: Markdown and card functions are escaped', async () => {
    minutes(1);
    await say(
      kari,
      `kommenter ${ref} **viktig** [klikk](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}}`,
    );
    const m = to(await outboxOf(ref), per).find((x) => cardText(cardOf(x)).includes('viktig'))!;
    const text = cardText(cardOf(m));
    expect(text).toContain('\\*\\*viktig\\*\\* \\[klikk\\](https://evil.example)');
    expect(text).not.toContain('{{DATE');
    // Stored as written.
    expect((await stored(ref)).events.at(-1)).toMatchObject({
      text: '**viktig** [klikk](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}}',
    });
  });
});

describe('the response target', () => {
  it('is met by the first reply the reporter sees, not by an internal note (end to end)', async () => {
    h.now.value = new Date('2026-03-04T08:00:00Z'); // Wed 09:00 Oslo
    const ref = await report(kari, { title: 'Responstid', followers: '' });
    const policy = PRESETS['ror-ikt'];
    minutes(10);
    await deskInvoke(VERBS.caseComment, {
      ref,
      [CONVERSATION_INPUTS.commentText]: 'Ser ut som Visma-feil',
      [CONVERSATION_INPUTS.commentInternal]: 'true',
    });
    const afterNote = computeSla(await stored(ref), policy, h.now.value).response;
    expect(afterNote.metAt).toBeUndefined();
    expect(['running', 'at_risk', 'breached']).toContain(afterNote.state);
    minutes(10);
    const replyAt = new Date(h.now.value);
    await say(anne, `kommenter ${ref} Vi har startet feilsøking.`);
    const afterReply = computeSla(await stored(ref), policy, h.now.value).response;
    expect(afterReply.metAt).toEqual(replyAt);
    expect(afterReply.state).toBe('met');
  });
});

describe('following', () => {
  let ref: CaseRef;
  beforeAll(async () => {
    h.now.value = new Date('2026-03-05T08:00:00Z');
    ref = await report(kari, { title: 'Følgesak', followers: '' });
  });

  it('anyone who may see the case but its reporter may follow it and hear of it; others get "not found"', async () => {
    expect(cardText(await say(olav, `følg ${ref}`))).toContain(`Fant ingen sak ${ref}`);
    expect(cardText(await say(kari, `følg ${ref}`))).toContain('Du meldte saken selv');
    expect(cardText(await say(anne, `følg ${ref}`))).toContain(`Du følger nå sak ${ref}`);
    expect(cardText(await say(anne, `følg ${ref}`))).toContain(`Du følger allerede sak ${ref}`);
    expect(cardText(await say(anne, 'mine saker'))).toContain(ref);

    minutes(2);
    await say(kari, `kommenter ${ref} Skjer det noe?`);
    expect(to(await outboxOf(ref), anne).some((m) => cardText(cardOf(m)).includes('Skjer det noe?'))).toBe(
      true,
    );

    expect(cardText(await say(anne, `slutt å følge ${ref}`))).toContain(`Du følger ikke lenger sak ${ref}`);
    minutes(2);
    await say(kari, `kommenter ${ref} Hallo?`);
    expect(to(await outboxOf(ref), anne).some((m) => cardText(cardOf(m)).includes('Hallo?'))).toBe(false);
  });

  it('the reporter sets the followers from the case card', async () => {
    const card = await say(kari, `status ${ref}`);
    expect(inputById(card, CONVERSATION_INPUTS.followerNames)).toMatchObject({ value: '' });
    const save = actionByVerb(card, VERBS.caseFollowers)!;
    const answer = await invoke(kari, VERBS.caseFollowers, {
      ...(save.data as object),
      [CONVERSATION_INPUTS.followerNames]: 'Per Hansen',
    });
    expect(cardText(answer)).toContain(`Følgerne av sak ${ref} er oppdatert`);
    expect((await stored(ref)).followers.map((f) => f.id)).toEqual([per.aadObjectId]);
    expect(cardText(await say(per, 'mine saker'))).toContain(ref);
    // The follower's card offers "Slutt å følge", not the followers field.
    const perCard = await say(per, `status ${ref}`);
    expect(actionByVerb(perCard, VERBS.caseUnfollow)).toBeDefined();
    expect(inputById(perCard, CONVERSATION_INPUTS.followerNames)).toBeUndefined();
  });

  it('the reporter comments from the case card’s "Kommenter"', async () => {
    const card = await say(kari, `status ${ref}`);
    const action = actionByVerb(card, VERBS.caseComment)!;
    expect(action).toMatchObject({ title: 'Kommenter' });
    minutes(1);
    const after = await invoke(kari, VERBS.caseComment, {
      ...(action.data as object),
      [CONVERSATION_INPUTS.commentText]: 'Fra kortet',
    });
    expect(cardText(after)).toContain('Fra kortet');
    const empty = await invoke(kari, VERBS.caseComment, {
      ...(action.data as object),
      [CONVERSATION_INPUTS.commentText]: ' ',
    });
    expect(cardText(empty)).toContain('Skriv en kommentar.');
  });
});

describe('agreed new deadline, billable and problem record', () => {
  let ref: CaseRef;
  const deskAct = async (command: CaseCommand) =>
    (
      await h.app.deps.changes.apply(
        ref,
        command,
        userActor(
          { id: anne.aadObjectId as never, name: anne.name },
          (await h.app.catalogue.get()).desks,
          h.app.deps.directory,
        ),
        h.now.value,
      )
    ).after.value;

  beforeAll(async () => {
    h.now.value = new Date('2026-03-09T08:00:00Z'); // Mon 09:00
    ref = await report(kari, { title: 'Fristsak', followers: 'Per Hansen' });
  });

  it('the desk proposes a new deadline; the reporter accepts it from the card; it becomes the resolution deadline', async () => {
    minutes(10);
    await h.post(channelInvoke(anne, h.serviceUrl, VERBS.triageClaim, { ref }));
    // A desk action in the channel reaches the follower as well.
    expect(
      to(await outboxOf(ref), per).some((m) =>
        cardText(cardOf(m)).includes(`Anne Desk har tatt sak ${ref} (som du følger)`),
      ),
    ).toBe(true);
    minutes(10);
    expect(
      cardText(await say(anne, `ny frist ${ref} 2026-03-20 14:00 Venter på ny versjon fra Visma`)),
    ).toContain(`Forslaget om ny frist for sak ${ref} er sendt`);
    const msgs = await outboxOf(ref);
    const proposal = to(msgs, kari)
      .map(cardOf)
      .find((c) => cardText(c).includes('Forslag om ny frist'))!;
    expect(cardText(proposal)).toContain('Venter på ny versjon fra Visma');
    expect(cardText(proposal)).toContain('Ny frist: fredag 20. mars kl. 14:00');
    expect(to(msgs, per).some((m) => cardText(cardOf(m)).includes('Ny frist foreslått'))).toBe(true);
    const accept = actionByVerb(proposal, VERBS.deadlineAnswer)!;
    expect(accept).toMatchObject({ title: 'Godta ny frist', data: { accept: true } });

    // Only the reporter answers.
    expect(
      cardText(await invoke(per, VERBS.deadlineAnswer, accept.data as Record<string, unknown>)),
    ).toContain('Du kan ikke gjøre dette');
    minutes(5);
    const answer = await invoke(kari, VERBS.deadlineAnswer, accept.data as Record<string, unknown>);
    expect(cardText(answer)).toContain(`Du har godtatt ny frist for sak ${ref}`);
    const c = await stored(ref);
    expect(c.agreedResolutionDueAt).toBe('2026-03-20T13:00:00.000Z');
    const sla = computeSla(c, PRESETS['ror-ikt'], h.now.value).resolution;
    expect(sla.agreedDueAt?.toISOString()).toBe('2026-03-20T13:00:00.000Z');
    expect(sla.originalDueAt!.getTime()).toBeLessThan(sla.agreedDueAt!.getTime());
    expect(c.sla.resolutionDueAt).toBe('2026-03-20T13:00:00.000Z');
    const desk = deskThread(await outboxOf(ref), ref).map(cardOf);
    expect(desk.some((d) => cardText(d).includes('Innmelder godtok ny frist'))).toBe(true);
    // Answering again: the proposal is already answered.
    expect(
      cardText(await invoke(kari, VERBS.deadlineAnswer, accept.data as Record<string, unknown>)),
    ).toContain('erstattet eller allerede besvart');
  });

  it('the desk proposes from the triage card’s "Ny frist"; the reporter declines; the agreed deadline stays', async () => {
    minutes(5);
    const before = (await stored(ref)).events.length;
    // A bad date or a missing reason is answered on the card in the card's words (not the chat command's).
    const badDate = await deskInvoke(VERBS.deadlinePropose, {
      ref,
      [CONVERSATION_INPUTS.proposedDate]: 'ikke-en-dato',
      [CONVERSATION_INPUTS.proposedReason]: 'Grunn',
    });
    expect(cardText(badDate)).toContain('Velg dagen for den nye fristen.');
    expect(cardText(badDate)).not.toContain('ny frist FV-');
    const noReason = await deskInvoke(VERBS.deadlinePropose, {
      ref,
      [CONVERSATION_INPUTS.proposedDate]: '2026-03-27',
      [CONVERSATION_INPUTS.proposedReason]: '  ',
    });
    expect(cardText(noReason)).toContain('Skriv hvorfor fristen må flyttes.');
    expect((await stored(ref)).events).toHaveLength(before);
    const card = await deskInvoke(VERBS.deadlinePropose, {
      ref,
      [CONVERSATION_INPUTS.proposedDate]: '2026-03-27',
      [CONVERSATION_INPUTS.proposedTime]: '12:00',
      [CONVERSATION_INPUTS.proposedReason]: 'Visma trenger en uke til',
    });
    expect(JSON.stringify(card)).toContain(`"verb":"${VERBS.deadlinePropose}"`); // the viewer's triage card
    const proposal = to(await outboxOf(ref), kari)
      .map(cardOf)
      .find((c) => cardText(c).includes('Visma trenger en uke til'))!;
    const decline = (proposal.actions as Array<Record<string, unknown>>).find(
      (a) => (a.data as { accept?: boolean }).accept === false,
    )!;
    minutes(5);
    const answer = await invoke(kari, VERBS.deadlineAnswer, {
      ...(decline.data as object),
      [CONVERSATION_INPUTS.deadlineComment]: 'For lenge',
    });
    expect(cardText(answer)).toContain('Du har avslått forslaget');
    expect((await stored(ref)).agreedResolutionDueAt).toBe('2026-03-20T13:00:00.000Z');
    expect(
      deskThread(await outboxOf(ref), ref).some((m) =>
        cardText(cardOf(m)).includes('Innmelder avslo ny frist'),
      ),
    ).toBe(true);
  });

  it('billable and a problem record reach the reporter', async () => {
    minutes(5);
    expect(cardText(await say(per, `fakturerbar ${ref} Fordi`))).toContain('Du kan ikke gjøre dette');
    expect(cardText(await say(anne, `fakturerbar ${ref} Bestilt utvidelse`))).toContain(
      'merket som trolig fakturerbar',
    );
    await deskAct({ type: 'solve', solution: 'Omgåelse: bruk eksport til PDF.' });
    expect(cardText(await say(anne, `problemsak ${ref} PRB-77`))).toContain('knyttet til problemsak PRB-77');
    expect(await stored(ref)).toMatchObject({
      billable: { reason: 'Bestilt utvidelse' },
      problemId: 'PRB-77',
    });
    const kariTexts = to(await outboxOf(ref), kari).map((m) => cardText(cardOf(m)));
    expect(kariTexts.some((t) => t.includes('trolig bli fakturert') && t.includes('Bestilt utvidelse'))).toBe(
      true,
    );
    expect(kariTexts.some((t) => t.includes('varig løsning følges opp i problemsak PRB-77'))).toBe(true);
    const perTexts = to(await outboxOf(ref), per).map((m) => cardText(cardOf(m)));
    expect(perTexts.some((t) => t.includes('fakturert'))).toBe(false);
    expect(perTexts.some((t) => t.includes('PRB-77'))).toBe(true);
    expect(perTexts.some((t) => t.includes('er løst'))).toBe(true);
  });
});

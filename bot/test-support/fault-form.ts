/** Drives the fault form in tests: asks for it, fills it like a user, submits it. */
import { invokeActivity, messageActivity, type TestUser } from './activities';
import { actionByVerb, cardOfCall, type AnyCard } from './cards';
import type { Harness } from './harness';
import { VERBS } from '../cards/verbs';

export const GOOD_ANSWERS = {
  desk: 'ror-ikt',
  service: 'ror-visma',
  org: 'molde',
  title: 'Lønnsslippen vises ikke',
  symptom: 'Siden for lønnsslipp er blank etter innlogging',
  triedSoFar: 'Logget ut og inn igjen',
  scope: 'me',
  availability: 'partial',
  startedDate: '2026-03-03',
  startedTime: '09:30',
  reporterRole: 'employee',
  testContact: '',
  followers: '',
};

/** Sends `meld feil` and returns the form card and its client key. */
export async function openForm(h: Harness, user: TestUser): Promise<{ card: AnyCard; clientKey: string }> {
  h.connector.clear();
  await h.post(messageActivity(user, h.serviceUrl, 'meld feil'));
  const card = cardOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send'));
  const submit = actionByVerb(card, VERBS.faultSubmit);
  const clientKey = (submit?.data as { clientKey: string }).clientKey;
  return { card, clientKey };
}

/** Submits the form with `answers` (merged into the action's data, as Teams does with the inputs). */
export function submitForm(
  h: Harness,
  user: TestUser,
  clientKey: string,
  answers: Record<string, unknown>,
  verb: string = VERBS.faultSubmit,
) {
  return h.post(invokeActivity(user, h.serviceUrl, verb, { clientKey, ...answers }));
}

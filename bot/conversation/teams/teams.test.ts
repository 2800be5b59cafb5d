/**
 * The Teams-native entry points through the bot's HTTP endpoint, with activities shaped as Teams sends
 * them: the fault form as a dialog (`task/fetch`, `task/submit`), "Meld feil fra denne meldingen"
 * (`composeExtension/fetchTask`, `…/submitAction`), the compose box's case search
 * (`composeExtension/query`) and link unfurling (`composeExtension/queryLink`). A case the user may not
 * see is answered exactly as a made-up reference.
 */
import { userId } from '../../../shared/ids';
import {
  extensionFetchTaskActivity,
  extensionQueryActivity,
  extensionSubmitActionActivity,
  groupChat,
  invokeActivity,
  queryLinkActivity,
  taskFetchActivity,
  taskSubmitActivity,
  teamsMessagePayload,
  type TestUser,
} from '../../test-support/activities';
import { cardOfCall, cardText, elements, inputById, type AnyCard } from '../../test-support/cards';
import { GOOD_ANSWERS } from '../../test-support/fault-form';
import { startHarness, type Harness } from '../../test-support/harness';
import { VERBS } from '../../cards/verbs';
import { dialogsAvailable } from './client';
import { EXTENSION_COMMANDS } from './message-extension';
import { caseRefInUrl } from './link-unfurl';

// Tuesday 3 March 2026, 10:00 in Oslo.
const NOW = new Date('2026-03-03T09:00:00Z');
const kari: TestUser = { aadObjectId: 'aad-kari-teams', name: 'Kari Nordmann' };
const john: TestUser = { aadObjectId: 'aad-john-teams', name: 'John Smith', locale: 'en-US' };
const stranger: TestUser = { aadObjectId: 'aad-stranger', name: 'Sam Stranger' };
const deskMember: TestUser = { aadObjectId: 'demo-desk-ror', name: 'Rita Ror' };
const GROUP = groupChat('19:lunsj-gruppe@thread.v2');

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: NOW });
});
afterAll(() => h.close());

interface DialogBody {
  task:
    | { type: 'continue'; value: { title: string; card: { contentType: string; content: AnyCard } } }
    | {
        type: 'message';
        value: string;
      };
}

function dialogCardOf(body: unknown): AnyCard {
  const b = body as DialogBody;
  if (b?.task?.type !== 'continue')
    throw new Error(`not a dialog card: ${JSON.stringify(body).slice(0, 300)}`);
  expect(b.task.value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return b.task.value.card.content;
}

const submitOf = (card: AnyCard, verb: string): Record<string, unknown> | undefined =>
  elements(card).find((e) => e.type === 'Action.Submit' && (e.data as { verb?: string })?.verb === verb);

const errorAt = (card: AnyCard, id: string): string | undefined =>
  elements(card).find((e) => e.id === `${id}Error`)?.text as string | undefined;

const gerica = teamsMessagePayload({
  id: '1772526000000',
  html: '<div><p><at id="0">Fristvakt</at> Gerica henger når vi åpner journalen</p><p>på legevakta</p></div>',
  author: { aadObjectId: 'aad-per', name: 'Per Olsen' },
  createdDateTime: '2026-03-03T08:40:00.000Z',
});

interface ResultBody {
  composeExtension: {
    type: string;
    attachmentLayout?: string;
    text?: string;
    attachments?: Array<{
      contentType: string;
      content: AnyCard;
      preview: { contentType: string; content: { title: string } };
    }>;
  };
}
const results = (body: unknown) => (body as ResultBody).composeExtension.attachments ?? [];

/** Opens "Meld feil fra denne meldingen" on `payload` in `conversation`; the dialog's form. */
async function openFromMessage(
  user: TestUser,
  payload: Record<string, unknown> = gerica,
  conversation: Record<string, unknown> = GROUP,
): Promise<AnyCard> {
  const res = await h.post(
    extensionFetchTaskActivity(user, h.serviceUrl, EXTENSION_COMMANDS.reportFromMessage, payload, {
      conversation,
    }),
  );
  return dialogCardOf(res.body);
}

/** Reports a Gerica fault from the group chat's message; returns its reference. */
async function reportFromMessage(user: TestUser): Promise<string> {
  const form = await openFromMessage(user);
  const { clientKey, dialog } = submitOf(form, VERBS.faultSubmit)!.data as Record<string, string>;
  h.connector.clear();
  const res = await h.post(
    extensionSubmitActionActivity(
      user,
      h.serviceUrl,
      EXTENSION_COMMANDS.reportFromMessage,
      {
        ...GOOD_ANSWERS,
        title: inputById(form, 'title')!.value,
        symptom: inputById(form, 'symptom')!.value,
        startedTime: '09:40',
        clientKey,
        dialog,
        verb: VERBS.faultSubmit,
      },
      gerica,
      { conversation: GROUP },
    ),
  );
  expect(res).toEqual({ status: 200, body: undefined });
  const posted = await h.connector.waitFor((c) => c.kind === 'send' || c.kind === 'reply');
  expect(posted.conversationId).toBe(GROUP.id);
  const ref = /FV-2026-\d{6}/.exec(cardText(cardOfCall(posted)))?.[0];
  expect(ref).toBeDefined();
  return ref!;
}

describe('Meld feil fra denne meldingen', () => {
  it('opens the fault form in a dialog, prefilled with the message’s text, author and time', async () => {
    const res = await h.post(
      extensionFetchTaskActivity(kari, h.serviceUrl, EXTENSION_COMMANDS.reportFromMessage, gerica, {
        conversation: GROUP,
      }),
    );
    expect(res.status).toBe(200);
    expect((res.body as { task: { value: { title: string } } }).task.value.title).toBe('Meld feil');
    const form = dialogCardOf(res.body);
    expect(inputById(form, 'title')!.value).toBe('Gerica henger når vi åpner journalen på legevakta');
    const symptom = String(inputById(form, 'symptom')!.value);
    expect(symptom).toContain('Per Olsen');
    expect(symptom).toContain('09:40');
    expect(symptom).toContain('Gerica henger når vi åpner journalen på legevakta');
    expect(symptom).not.toContain('<');
    expect(inputById(form, 'startedDate')!.value).toBe('2026-03-03');
    expect(inputById(form, 'startedTime')!.value).toBe('09:40');
    // A dialog runs Action.Submit only: every button carries its verb instead.
    expect(elements(form).filter((e) => e.type === 'Action.Execute')).toEqual([]);
    const submit = submitOf(form, VERBS.faultSubmit)!;
    expect(submit.data).toMatchObject({
      dialog: 'fault',
      clientKey: expect.stringMatching(/^msg-[0-9a-f]{40}$/),
    });
  });

  it('keeps the answers and shows the errors in the dialog when something is missing', async () => {
    const form = await openFromMessage(kari);
    const data = submitOf(form, VERBS.faultSubmit)!.data as Record<string, string>;
    const before = (await h.app.store.cases.listByReporter(userId(kari.aadObjectId))).items.length;
    h.connector.clear();
    const res = await h.post(
      extensionSubmitActionActivity(
        kari,
        h.serviceUrl,
        EXTENSION_COMMANDS.reportFromMessage,
        { ...data, ...GOOD_ANSWERS, title: 'Gerica henger', triedSoFar: '' },
        gerica,
        { conversation: GROUP },
      ),
    );
    const again = dialogCardOf(res.body);
    expect(errorAt(again, 'triedSoFar')).toBe('Må fylles ut.');
    expect(inputById(again, 'title')).toMatchObject({ value: 'Gerica henger' });
    expect(submitOf(again, VERBS.faultSubmit)!.data).toMatchObject({ clientKey: data.clientKey });
    expect(h.connector.calls.filter((c) => c.kind === 'send' || c.kind === 'reply')).toEqual([]);
    expect((await h.app.store.cases.listByReporter(userId(kari.aadObjectId))).items).toHaveLength(before);
  });

  it('creates the case like the chat form, posts the confirmation in the chat and closes the dialog', async () => {
    const ref = await reportFromMessage(kari);
    const mine = await h.app.store.cases.listByReporter(userId(kari.aadObjectId));
    const c = mine.items.find((x) => x.ref === ref)!;
    expect(c.checklist?.symptom).toContain('Per Olsen');
    expect(c.reporter).toEqual({ id: kari.aadObjectId, name: kari.name });

    // The same message again: the same client key, so the case already made (no second case).
    const count = mine.items.length;
    expect(await reportFromMessage(kari)).toBe(ref);
    expect((await h.app.store.cases.listByReporter(userId(kari.aadObjectId))).items).toHaveLength(count);
  });

  it('shows the confirmation in the dialog when the bot may not write in that chat', async () => {
    const closed = groupChat('19:uten-bot@thread.v2');
    h.connector.setFaults({ override: (c) => (c.conversationId === closed.id ? 403 : undefined) });
    try {
      const payload = teamsMessagePayload({ ...gericaParts(), id: '1772526999999' });
      const form = await openFromMessage(kari, payload, closed);
      const data = submitOf(form, VERBS.faultSubmit)!.data as Record<string, string>;
      const res = await h.post(
        extensionSubmitActionActivity(
          kari,
          h.serviceUrl,
          EXTENSION_COMMANDS.reportFromMessage,
          { ...GOOD_ANSWERS, ...data, title: 'Gerica henger igjen' },
          payload,
          { conversation: closed },
        ),
      );
      const shown = dialogCardOf(res.body);
      expect(cardText(shown)).toMatch(/FV-2026-\d{6}/);
      expect(cardText(shown)).toContain('kunne ikke skrive i denne samtalen');
      expect(elements(shown).filter((e) => String(e.type).startsWith('Action.'))).toEqual([]);
    } finally {
      h.connector.setFaults({});
    }
  });
});

function gericaParts() {
  return {
    html: '<p>Gerica henger</p>',
    author: { aadObjectId: 'aad-per', name: 'Per Olsen' },
    createdDateTime: '2026-03-03T08:50:00.000Z',
  };
}

describe('the fault form as a dialog', () => {
  it('opens from a task/fetch button, validates in the dialog and posts the confirmation in the chat', async () => {
    const opened = await h.post(
      taskFetchActivity(john, h.serviceUrl, {
        msteams: { type: 'task/fetch' },
        dialog: 'fault',
        title: 'Printer',
      }),
    );
    const form = dialogCardOf(opened.body);
    expect((opened.body as { task: { value: { title: string } } }).task.value.title).toBe('Report a fault');
    expect(inputById(form, 'title')).toMatchObject({ value: 'Printer' });
    const data = submitOf(form, VERBS.faultSubmit)!.data as Record<string, string>;
    expect(data.clientKey).toMatch(/^[0-9a-f-]{36}$/);

    const bad = await h.post(
      taskSubmitActivity(john, h.serviceUrl, { ...data, ...GOOD_ANSWERS, symptom: 'x' }),
    );
    expect(errorAt(dialogCardOf(bad.body), 'symptom')).toMatch(/short/i);

    // Changing desk stays in the dialog, with that desk's services.
    const moved = dialogCardOf(
      (
        await h.post(
          taskSubmitActivity(john, h.serviceUrl, {
            ...data,
            ...GOOD_ANSWERS,
            desk: 'byarkivet',
            verb: VERBS.faultChangeDesk,
          }),
        )
      ).body,
    );
    expect(inputById(moved, 'desk')).toMatchObject({ value: 'byarkivet' });

    h.connector.clear();
    const done = await h.post(taskSubmitActivity(john, h.serviceUrl, { ...data, ...GOOD_ANSWERS }));
    expect(done).toEqual({ status: 200, body: undefined });
    const posted = await h.connector.waitFor((c) => c.kind === 'send' || c.kind === 'reply');
    expect(posted.conversationId).toBe(`a:personal-${john.aadObjectId}`);
    expect(cardText(cardOfCall(posted))).toMatch(/FV-2026-\d{6}/);
  });

  it('answers an unknown dialog or a verb that is not the form’s with a message in the dialog', async () => {
    const unknownDialog = await h.post(taskFetchActivity(kari, h.serviceUrl, { dialog: 'nonsense' }));
    expect(unknownDialog.body).toEqual({ task: { type: 'message', value: expect.any(String) } });
    const foreignVerb = await h.post(
      taskSubmitActivity(kari, h.serviceUrl, {
        dialog: 'fault',
        verb: VERBS.triageClaim,
        ref: 'FV-2026-000001',
      }),
    );
    expect(foreignVerb.body).toEqual({ task: { type: 'message', value: expect.any(String) } });
    const unknownCommand = await h.post(extensionFetchTaskActivity(kari, h.serviceUrl, 'nonsense'));
    expect(unknownCommand.body).toEqual({ task: { type: 'message', value: expect.any(String) } });
  });

  it('opens the empty form from the compose box’s "Meld feil"', async () => {
    const res = await h.post(extensionFetchTaskActivity(kari, h.serviceUrl, EXTENSION_COMMANDS.reportFault));
    const form = dialogCardOf(res.body);
    expect(inputById(form, 'title')!.value).toBeUndefined();
    expect(inputById(form, 'testContact')).toMatchObject({ value: kari.name });
  });

  it('uses dialogs only in Teams (https Bot Connector), not in the Agents Playground or other clients', () => {
    const teams = 'https://smba.trafficmanager.net/emea/tenant-1/';
    expect(dialogsAvailable({ channelId: 'msteams', serviceUrl: teams })).toBe(true);
    expect(dialogsAvailable({ channelId: 'msteams', serviceUrl: 'http://localhost:56150/_connector' })).toBe(
      false,
    );
    expect(dialogsAvailable({ channelId: 'emulator', serviceUrl: teams })).toBe(false);
    expect(dialogsAvailable({ channelId: 'msteams', serviceUrl: 'not a url' })).toBe(false);
  });
});

describe('search and link unfurling refuse a case to a stranger', () => {
  let ref: string;
  beforeAll(async () => {
    ref = await reportFromMessage(kari);
  });

  const search = (user: TestUser, value: string, name = 'query') =>
    h.post(extensionQueryActivity(user, h.serviceUrl, EXTENSION_COMMANDS.searchCases, [{ name, value }]));
  const unfurl = (user: TestUser, url: string) => h.post(queryLinkActivity(user, h.serviceUrl, url));

  it('finds the reporter’s case by words and by reference, inserting the case card', async () => {
    for (const q of ['gerica JOURNALEN', ref, ref.toLowerCase()]) {
      const found = results((await search(kari, q)).body);
      expect(found.map((a) => a.preview.content.title)).toContain(
        `${ref}: Gerica henger når vi åpner journalen på legevakta`,
      );
      const card = found.find((a) => a.preview.content.title.startsWith(ref))!;
      expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(card.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(cardText(card.content)).toContain('Status: Ny');
      expect(cardText(card.content)).not.toContain('Per Olsen');
    }
    // The desk sees it in its queue; opening the search lists the user's recent cases.
    expect(results((await search(deskMember, 'gerica')).body).length).toBeGreaterThan(0);
    expect(results((await search(kari, 'true', 'initialRun')).body).length).toBeGreaterThan(0);
  });

  it('gives a stranger the same empty answer as a made-up reference', async () => {
    const madeUp = 'FV-2026-999999';
    expect(results((await search(stranger, 'gerica')).body)).toEqual([]);
    const strangerByRef = await search(stranger, ref);
    expect(strangerByRef.body).toEqual((await search(stranger, madeUp)).body);
    expect(strangerByRef.body).toEqual((await search(kari, madeUp)).body);
    expect(results(strangerByRef.body)).toEqual([]);
  });

  it('asks for more than one letter', async () => {
    expect((await search(kari, 'g')).body).toEqual({
      composeExtension: { type: 'message', text: expect.stringContaining('minst 2 tegn') },
    });
  });

  it('unfurls the tab’s case link for those who may see the case, and nothing for others', async () => {
    const url = `https://fristvakt.example.no/tab/?case=${ref}`;
    const shown = results((await unfurl(kari, url)).body);
    expect(shown).toHaveLength(1);
    expect(cardText(shown[0]!.content)).toContain(`${ref}: Gerica henger`);
    expect(elements(shown[0]!.content).find((e) => e.type === 'Action.OpenUrl')).toMatchObject({ url });
    expect(results((await unfurl(deskMember, url)).body)).toHaveLength(1);

    const refused = await unfurl(stranger, url);
    expect(refused.body).toEqual({
      composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] },
    });
    expect(refused.body).toEqual(
      (await unfurl(stranger, 'https://fristvakt.example.no/tab/?case=FV-2026-999999')).body,
    );
    expect(refused.body).toEqual(
      (await unfurl(kari, 'https://fristvakt.example.no/tab/?case=FV-2026-999999')).body,
    );
    expect(refused.body).toEqual((await unfurl(kari, 'https://fristvakt.example.no/tab/')).body);
  });

  it('finds the reference in a link’s path or query as well', () => {
    expect(caseRefInUrl('https://h.example/tab/?view=mine&case=fv-2026-12')).toBe('FV-2026-000012');
    expect(caseRefInUrl('https://h.example/sak/FV-2026-000123')).toBe('FV-2026-000123');
    expect(caseRefInUrl('https://h.example/tab/?case=nonsense')).toBeNull();
    expect(caseRefInUrl('not a url')).toBeNull();
  });
});

it('answers an invoke it does not take with the catalogue’s UNKNOWN_ACTION, and card verbs as before', async () => {
  const res = await h.post({
    ...invokeActivity(kari, h.serviceUrl, 'x', {}),
    name: 'composeExtension/selectItem',
  });
  expect(res.body).toMatchObject({ statusCode: 400, value: { code: 'UNKNOWN_ACTION' } });
  const verb = await h.post(invokeActivity(kari, h.serviceUrl, VERBS.casesList, {}));
  expect(verb.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
});

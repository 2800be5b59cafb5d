/**
 * Fuzzing the real server's edge (`startApp`): random activities (valid ones with fields removed or
 * replaced by random JSON) and random bodies to `/api/messages`, and random requests to the tab's API.
 * No answer is a 500, every error is coded JSON, and the server keeps answering.
 */
import fc from 'fast-check';
import { installActivity, invokeActivity, messageActivity, type TestUser } from '../test-support/activities';
import { startHarness, type Harness } from '../test-support/harness';

const kari: TestUser = { aadObjectId: 'demo-ansatt-molde', name: 'Kari Nordmann' };
const RUNS = 150;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function send(
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<{ status: number; text: string; type: string }> {
  const res = await fetch(`${h.app.url}${path}`, {
    method,
    headers,
    ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
  });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

function expectAnswered(res: { status: number; text: string; type: string }): void {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.type).toContain('application/json');
    expect(res.text).not.toMatch(/\n\s+at /);
  }
}

const jsonish = fc.jsonValue({ maxDepth: 3 });
const verbs = fc.constantFrom(
  'fault.submit',
  'case.status',
  'triage.refresh',
  'triage.claim',
  'comment.add',
  'menu.run',
  'nope',
);

const activity = fc
  .tuple(
    fc.constantFrom('message', 'invoke', 'install'),
    fc.string({ maxLength: 40 }),
    verbs,
    fc.dictionary(fc.string({ maxLength: 8 }), jsonish, { maxKeys: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'conversation',
        'from',
        'recipient',
        'type',
        'value',
        'attachments',
        'locale',
        'name',
        'text',
        'channelData',
        'serviceUrl',
      ),
      fc.oneof(jsonish, fc.constant(undefined)),
      { maxKeys: 3 },
    ),
    fc.constantFrom('fake', 'fake', 'fake', 'not a url', 'ftp://x.example/', ''),
  )
  .map(([kind, text, verb, data, overrides, service]) => {
    const serviceUrl = service === 'fake' ? h.serviceUrl : service;
    const a =
      kind === 'message'
        ? messageActivity(kari, serviceUrl, text)
        : kind === 'invoke'
          ? invokeActivity(kari, serviceUrl, verb, data)
          : installActivity(kari, serviceUrl);
    for (const [k, v] of Object.entries(overrides)) {
      if (k === 'serviceUrl') continue;
      if (v === undefined) delete a[k];
      else a[k] = v;
    }
    return a;
  });

it('answers random activities without a 500', async () => {
  await fc.assert(
    fc.asyncProperty(activity, async (a) => {
      expectAnswered(
        await send('POST', '/api/messages', JSON.stringify(a), { 'Content-Type': 'application/json' }),
      );
    }),
    { numRuns: RUNS },
  );
});

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/vnd.api+json',
);
const rawBody = fc.oneof(
  fc.string({ maxLength: 200 }),
  jsonish.map((v) => JSON.stringify(v)),
  fc.constant('{"type":"message",'),
);

it('answers random bodies to /api/messages without a 500', async () => {
  await fc.assert(
    fc.asyncProperty(rawBody, contentTypes, async (body, type) => {
      expectAnswered(await send('POST', '/api/messages', body, { 'Content-Type': type }));
    }),
    { numRuns: RUNS },
  );
});

const segment = fc.oneof(
  fc.constantFrom('FV-2026-000001', 'FV-2026-000002', 'FV-0000-000000', '%E0%A4%A', '..', 'c-1', ''),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const tabRequest = fc.tuple(
  fc.constantFrom(
    ['GET', '/api/me'],
    ['GET', '/api/dev/users'],
    ['GET', '/api/dev/sign-in'],
    ['GET', '/api/cases'],
    ['GET', '/api/cases/:ref'],
    ['POST', '/api/cases/:ref/actions'],
    ['POST', '/api/cases/:ref/comments'],
    ['PATCH', '/api/cases/:ref/comments/:id'],
    ['DELETE', '/api/cases/:ref/comments/:id'],
    ['GET', '/api/cases/:ref/attachments/:id'],
    ['GET', '/api/reports/sla'],
    ['GET', '/api/reports/sla.csv'],
    ['GET', '/api/reports/billable'],
    ['GET', '/api/notices'],
    ['POST', '/api/notices'],
    ['GET', '/tab/:ref'],
  ),
  segment,
  segment,
  fc.string({ maxLength: 40 }).map((q) => `?${encodeURIComponent(q)}=${encodeURIComponent(q)}&from=${q}`),
  fc.constantFrom(
    'demo-ansatt-molde',
    'demo-desk-ror',
    'demo-superbruker-molde',
    'demo-rapportleser',
    'nobody',
    undefined,
  ),
  fc.option(jsonish.map((v) => JSON.stringify(v))),
  contentTypes,
);

it('answers random requests to the tab API without a 500', async () => {
  await fc.assert(
    fc.asyncProperty(tabRequest, async ([[method, pattern], ref, id, query, user, body, type]) => {
      const path = pattern!.replace(':ref', ref).replace(':id', id) + query;
      const headers: Record<string, string> = { ...(user ? { 'X-Fristvakt-Dev-User': user } : {}) };
      if (body !== null) headers['Content-Type'] = type;
      expectAnswered(await send(method!, path, body ?? undefined, headers));
    }),
    { numRuns: RUNS * 2 },
  );
});

it('keeps answering after all that', async () => {
  const res = await fetch(`${h.app.url}/healthz`);
  expect(res.status).toBe(200);
});

/**
 * A local fake Bot Connector: the subset of the Bot Framework Connector REST API v3 that Fristvakt
 * calls, on 127.0.0.1 and a random port. Point an activity's `serviceUrl` at `url` and every outgoing
 * call of botbuilder's CloudAdapter / ConnectorClient lands here and is recorded.
 *
 * Routes (ids are URL-decoded, so Teams channel thread ids such as `19:abc@thread.tacv2;messageid=17`
 * come back as sent):
 * - `POST   /v3/conversations`                                   create → `{ id, activityId }`
 * - `POST   /v3/conversations/:conversationId/activities`        send → `{ id }`
 * - `POST   /v3/conversations/:conversationId/activities/:id`    reply → `{ id }`
 * - `PUT    /v3/conversations/:conversationId/activities/:id`    update → `{ id }`
 * - `DELETE /v3/conversations/:conversationId/activities/:id`    delete → 200
 * - `GET    /v3/conversations/:conversationId/members[/:userId]` the configured members
 * - `POST   …/token` (any path ending in `/token`)               a dummy OAuth token
 *
 * Faults: with `rate429` / `rate500`, a `/v3` call is refused at random (before it is processed, so a
 * refused call changed nothing) with 429 + `Retry-After` or 500; the randomness comes from `seed`, so a
 * run is repeatable for one order of calls. Refused calls are recorded too, with their status.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** The raw request path (still URL-encoded), without the query. */
  path: string;
  /** The decoded conversation id from the path; absent for `POST /v3/conversations` and the token. */
  conversationId?: string;
  /** The decoded activity id from the path (reply, update, delete). */
  activityId?: string;
  /** The decoded user id of `GET …/members/:userId`. */
  userId?: string;
  /** What kind of call it was. */
  kind: 'create' | 'send' | 'reply' | 'update' | 'delete' | 'members' | 'member' | 'token' | 'unknown';
  /** The parsed JSON body (or the raw text when it is not JSON; undefined when empty). */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** The status the fake answered with. */
  status: number;
  /** For accepted create/send/reply: the activity id the fake gave; for create, also the new conversation id. */
  responseId?: string;
  createdConversationId?: string;
  /** When the call arrived (ms since epoch, the real clock). */
  at: number;
}

export interface FaultOptions {
  /** Share of `/v3` calls answered 429 (0 … 1). */
  rate429?: number;
  /** Share of `/v3` calls answered 500 (0 … 1). */
  rate500?: number;
  /** The `Retry-After` header of a 429, in seconds (may be fractional; default 1). */
  retryAfterSeconds?: number;
  /** Seed of the fault dice (default 1). */
  seed?: number;
  /**
   * A status to answer a call with instead of processing it (e.g. 403 for a conversation the bot was
   * removed from), or undefined to go on. Checked before the dice.
   */
  override?: (
    call: Pick<RecordedCall, 'kind' | 'conversationId' | 'activityId' | 'body'>,
  ) => number | undefined;
}

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
  userRole?: string;
}

export interface FakeConnectorOptions {
  faults?: FaultOptions;
  /** Members returned by `GET …/members`, for every conversation. */
  members?: FakeMember[];
}

export interface FakeConnector {
  /** Base URL, e.g. `http://127.0.0.1:41234/` (with the trailing slash Bot Framework service URLs have). */
  url: string;
  /** Every call so far, in arrival order. */
  calls: RecordedCall[];
  /** Resolves with the first recorded call (already recorded or arriving later) matching `pred`. */
  waitFor(pred: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  setFaults(faults: FaultOptions): void;
  setMembers(members: FakeMember[]): void;
  /** Forgets the recorded calls. */
  clear(): void;
  close(): Promise<void>;
}

/** mulberry32: a small seeded PRNG, enough for repeatable fault dice. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const parseBody = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

interface Route {
  kind: RecordedCall['kind'];
  conversationId?: string;
  activityId?: string;
  userId?: string;
}

function route(method: string, path: string): Route {
  const segs = path.split('/').filter((s) => s !== '');
  const dec = (s: string | undefined): string | undefined =>
    s === undefined ? undefined : decodeURIComponent(s);
  if (method === 'POST' && segs.length > 0 && segs[segs.length - 1] === 'token') return { kind: 'token' };
  if (segs[0] !== 'v3' || segs[1] !== 'conversations') return { kind: 'unknown' };
  const conversationId = dec(segs[2]);
  if (segs.length === 2 && method === 'POST') return { kind: 'create' };
  if (segs[3] === 'activities') {
    const activityId = dec(segs[4]);
    if (segs.length === 4 && method === 'POST') return { kind: 'send', conversationId };
    if (segs.length === 5) {
      if (method === 'POST') return { kind: 'reply', conversationId, activityId };
      if (method === 'PUT') return { kind: 'update', conversationId, activityId };
      if (method === 'DELETE') return { kind: 'delete', conversationId, activityId };
    }
  }
  if (segs[3] === 'members' && method === 'GET') {
    if (segs.length === 4) return { kind: 'members', conversationId };
    if (segs.length === 5) return { kind: 'member', conversationId, userId: dec(segs[4]) };
  }
  return { kind: 'unknown', conversationId };
}

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  let faults: FaultOptions = { ...options.faults };
  let dice = seededRandom(faults.seed ?? 1);
  let members: FakeMember[] = options.members ?? [];
  const calls: RecordedCall[] = [];
  let waiters: { pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  let seq = 0;

  const record = (call: RecordedCall): void => {
    calls.push(call);
    const still: typeof waiters = [];
    for (const w of waiters) {
      if (w.pred(call)) w.resolve(call);
      else still.push(w);
    }
    waiters = still;
  };

  const answer = (
    res: ServerResponse,
    status: number,
    json?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const text = json === undefined ? '' : JSON.stringify(json);
    res.writeHead(status, {
      ...headers,
      ...(json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const body = parseBody(await readBody(req));
    const r = route(method, path);
    const base = { method, path, ...r, body, headers: req.headers, at: Date.now() };

    if (r.kind === 'token') {
      record({ ...base, status: 200 });
      return answer(res, 200, {
        token_type: 'Bearer',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: 'fake',
      });
    }
    if (r.kind === 'unknown') {
      record({ ...base, status: 404 });
      return answer(res, 404, { error: { code: 'NotFound', message: `no route ${method} ${path}` } });
    }
    const forced = faults.override?.({
      kind: r.kind,
      conversationId: r.conversationId,
      activityId: r.activityId,
      body,
    });
    if (forced !== undefined) {
      record({ ...base, status: forced });
      const headers: Record<string, string> =
        forced === 429 ? { 'retry-after': String(faults.retryAfterSeconds ?? 1) } : {};
      return answer(res, forced, { error: { code: 'Forced', message: `fake status ${forced}` } }, headers);
    }
    // Fault dice: one roll per /v3 call, so the sequence depends only on the seed and the call order.
    const roll = dice();
    const r429 = faults.rate429 ?? 0;
    const r500 = faults.rate500 ?? 0;
    if (roll < r429) {
      const retryAfter = String(faults.retryAfterSeconds ?? 1);
      record({ ...base, status: 429 });
      return answer(
        res,
        429,
        { error: { code: 'Throttled', message: 'fake throttling' } },
        { 'retry-after': retryAfter },
      );
    }
    if (roll < r429 + r500) {
      record({ ...base, status: 500 });
      return answer(res, 500, { error: { code: 'ServiceError', message: 'fake failure' } });
    }

    switch (r.kind) {
      case 'create': {
        const activityId = String(++seq);
        const channelId = (body as { channelData?: { channel?: { id?: string } } } | undefined)?.channelData
          ?.channel?.id;
        // Teams answers a new channel thread with `<channel id>;messageid=<root activity id>`.
        const id = channelId ? `${channelId};messageid=${activityId}` : `a:fake-conversation-${activityId}`;
        record({ ...base, status: 201, responseId: activityId, createdConversationId: id });
        return answer(res, 201, { id, activityId });
      }
      case 'send':
      case 'reply': {
        const id = String(++seq);
        record({ ...base, status: 201, responseId: id });
        return answer(res, 201, { id });
      }
      case 'update':
        record({ ...base, status: 200, responseId: r.activityId });
        return answer(res, 200, { id: r.activityId });
      case 'delete':
        record({ ...base, status: 200 });
        return answer(res, 200);
      case 'members':
        record({ ...base, status: 200 });
        return answer(res, 200, members);
      case 'member': {
        const m = members.find((x) => x.id === r.userId || x.aadObjectId === r.userId);
        record({ ...base, status: m ? 200 : 404 });
        return m
          ? answer(res, 200, m)
          : answer(res, 404, { error: { code: 'MemberNotFoundInConversation' } });
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) answer(res, 500, { error: { code: 'FakeConnectorBug', message: String(e) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    waitFor(pred, timeoutMs = 5000) {
      const seen = calls.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise<RecordedCall>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w.resolve !== done);
          reject(
            new Error(`fake connector: no matching call within ${timeoutMs} ms (${calls.length} calls)`),
          );
        }, timeoutMs);
        const done = (c: RecordedCall) => {
          clearTimeout(timer);
          resolve(c);
        };
        waiters.push({ pred, resolve: done });
      });
    },
    setFaults(next) {
      faults = { ...next };
      dice = seededRandom(faults.seed ?? 1);
    },
    setMembers(next) {
      members = next;
    },
    clear() {
      calls.length = 0;
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      });
    },
  };
}

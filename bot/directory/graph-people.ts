/**
 * The people directory on Microsoft Graph (a Teams tenant): searching users by name or e-mail for the
 * admin pages' member and escalation-contact pickers, and naming a desk's members by id.
 *
 * The app calls Graph as itself (app-only token for `https://graph.microsoft.com/.default`, the bot's
 * Entra app), so it needs the application permission `User.Read.All` with admin consent. Graph's
 * people API (`/me/people`) ranks by the signed-in user's contacts and takes only delegated tokens;
 * `/users?$search=` is its app-only counterpart (advanced query: `ConsistencyLevel: eventual`).
 *
 * Transient answers (429, 408, 5xx gateways, dropped connections) are retried with the store's backoff
 * (`shared/store/cosmos/errors.ts`), honouring `Retry-After` as the sender does
 * (`bot/delivery/failures.ts`); a search is interactive, so the default policy gives up after 3 tries.
 */
import type { Person } from '../../shared/cases/model';
import { userId } from '../../shared/ids';
import { MAX_PEOPLE_RESULTS, type PeopleDirectory } from '../../shared/people';
import {
  backoff,
  defaultRetryPolicy,
  isTransient,
  TRANSIENT_STATUS,
  type RetryPolicy,
} from '../../shared/store/cosmos/errors';
import { parseRetryAfter } from '../delivery/failures';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
/** `directoryObjects/getByIds` takes at most this many ids per call. */
const IDS_PER_CALL = 1000;

export interface GraphPeopleOptions {
  /** An app-only access token for Microsoft Graph (`GRAPH_SCOPE`); the credential caches it. */
  token: () => Promise<string>;
  /** Default `https://graph.microsoft.com/v1.0` (tests: a local fake). */
  baseUrl?: string;
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  /** Per request (default 10 s). */
  timeoutMs?: number;
}

/** A failed Graph call: `status` when Graph answered. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterInMs?: number,
  ) {
    super(message);
    this.name = 'GraphError';
  }
  /** Read by the store's `isTransient` (`statusCode`). */
  get statusCode(): number | undefined {
    return this.status;
  }
}

interface GraphUser {
  id?: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  '@odata.type'?: string;
}

const INTERACTIVE_RETRY: RetryPolicy = { ...defaultRetryPolicy, maxAttempts: 3, maxDelayMs: 2_000 };

/** A `$search` term: Graph's quoted syntax has no escape we trust, so quotes and backslashes go. */
const searchTerm = (q: string): string => q.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();

function person(u: GraphUser): Person | null {
  if (!u.id) return null;
  const email = u.mail ?? (u.userPrincipalName?.includes('@') ? u.userPrincipalName : undefined);
  return { id: userId(u.id), name: u.displayName || email || u.id, ...(email ? { email } : {}) };
}

export function graphPeople(options: GraphPeopleOptions): PeopleDirectory {
  const base = (options.baseUrl ?? GRAPH_BASE_URL).replace(/\/+$/, '');
  const fetchFn = options.fetch ?? fetch;
  const policy = options.retry ?? INTERACTIVE_RETRY;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function once(path: string, init: RequestInit): Promise<unknown> {
    const token = await options.token();
    const res = await fetchFn(`${base}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      const text = await res.text().catch(() => '');
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), Date.now());
      throw new GraphError(
        `Microsoft Graph ${init.method ?? 'GET'} ${path.split('?')[0]}: HTTP ${res.status} ${text.slice(0, 200)}`,
        res.status,
        retryAfter,
      );
    }
    return res.json();
  }

  async function call(path: string, init: RequestInit): Promise<unknown> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await once(path, init);
      } catch (err) {
        const transient =
          err instanceof GraphError
            ? TRANSIENT_STATUS.has(err.status ?? 0)
            : isTransient(err) || isNetwork(err);
        if (!transient || attempt >= policy.maxAttempts) throw err;
        const after = err instanceof GraphError ? err.retryAfterInMs : undefined;
        await policy.sleep(backoff(attempt, after, policy));
      }
    }
  }

  const users = (body: unknown): GraphUser[] => {
    const value = (body as { value?: unknown } | null)?.value;
    return Array.isArray(value) ? (value as GraphUser[]) : [];
  };

  return {
    async search(query, limit = MAX_PEOPLE_RESULTS) {
      const term = searchTerm(query);
      if (term === '') return [];
      const params = new URLSearchParams({
        $search: `"displayName:${term}" OR "mail:${term}"`,
        $select: 'id,displayName,mail,userPrincipalName',
        $top: String(limit),
      });
      const body = await call(`/users?${params.toString()}`, {
        method: 'GET',
        headers: { ConsistencyLevel: 'eventual', Accept: 'application/json' },
      });
      return users(body)
        .map(person)
        .filter((p): p is Person => p !== null)
        .slice(0, limit);
    },
    async lookup(ids) {
      const unique = [...new Set(ids)];
      const out: Person[] = [];
      for (let i = 0; i < unique.length; i += IDS_PER_CALL) {
        const body = await call('/directoryObjects/getByIds', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ ids: unique.slice(i, i + IDS_PER_CALL), types: ['user'] }),
        });
        for (const u of users(body)) {
          const p = person(u);
          if (p) out.push(p);
        }
      }
      return ids.flatMap((id) => out.filter((p) => p.id === id));
    },
  };
}

/** A dropped or refused connection as Node's fetch reports it (`TypeError: fetch failed` with a cause). */
function isNetwork(err: unknown): boolean {
  // By name, not `instanceof`: undici's errors may come from another realm (a test's VM context).
  if (typeof err !== 'object' || err === null || (err as Error).name !== 'TypeError') return false;
  return isTransient((err as { cause?: unknown }).cause);
}

/**
 * The people directory the app uses: Graph when the bot is an Entra app of one tenant (BOT_ID with
 * BOT_TENANT_ID) and the demo directory is off; otherwise the configured directory's own people.
 */
export function configuredPeople(
  bot: { appId?: string; password?: string; tenantId?: string; appType: string },
  demoDirectory: boolean,
  fallback: PeopleDirectory,
): PeopleDirectory {
  const { appId, password, tenantId } = bot;
  if (demoDirectory || !appId || !tenantId) return fallback;
  let credential: Promise<{ getToken(scope: string): Promise<{ token: string } | null> }> | undefined;
  const token = async (): Promise<string> => {
    credential ??= import('@azure/identity').then((id) =>
      bot.appType === 'UserAssignedMSI' || !password
        ? new id.ManagedIdentityCredential({ clientId: appId })
        : new id.ClientSecretCredential(tenantId, appId, password),
    );
    const t = await (await credential).getToken(GRAPH_SCOPE);
    if (!t) throw new GraphError('no Microsoft Graph token');
    return t.token;
  };
  return graphPeople({ token });
}

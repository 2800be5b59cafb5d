/**
 * The tab's only way to the server: its own `/api/...`, with the Teams SSO token (or, in development
 * sign-in, the chosen test user's id). No secret is ever in the browser.
 */
import type { ApiError, DevUser, DevUsersResponse } from '../../../common/api-types';
import type { EarlyAnswer } from './boot-requests';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** A text body (a CSV upload), answered with JSON; a 4xx whose body is JSON still resolves with it. */
  sendText<T>(path: string, text: string, contentType: string): Promise<{ status: number; body: T }>;
  /** Raw bytes (CSV export, screenshots). */
  blob(path: string): Promise<Blob>;
  /** A streamed response (the live stream of case changes), ended by `signal`. */
  stream(path: string, signal: AbortSignal): Promise<Response>;
}

export type Credentials = { kind: 'sso'; getToken: () => Promise<string> } | { kind: 'dev'; userId: string };

/** The request header naming the development sign-in's user. */
export const DEV_USER_HEADER = 'X-Fristvakt-Dev-User';

/** The API base: the page is served at `<origin>/tab/`, the API at `<origin>/api/`. */
export const apiBase = (): string => new URL('../', window.location.href).pathname.replace(/\/$/, '');
const base = apiBase;

/** A failed answer as the API's callers see it: its coded error when the body has one. */
const failure = (status: number, statusText: string, parsed: ApiError | null): ApiFailure =>
  new ApiFailure(status, parsed?.error?.code ?? 'HTTP', parsed?.error?.message ?? statusText, parsed);

/** The value of an answer read before the bundle ran (the boot script's), or its failure as `get` throws it. */
export function valueOf<T>(answer: EarlyAnswer): T {
  if (answer.status >= 200 && answer.status < 300) return answer.body as T;
  throw failure(answer.status, answer.statusText, answer.body as ApiError | null);
}

export function createApi(credentials: Credentials): Api {
  const headers = async (): Promise<Record<string, string>> =>
    credentials.kind === 'sso'
      ? { Authorization: `Bearer ${await credentials.getToken()}` }
      : { [DEV_USER_HEADER]: credentials.userId };

  const request = async (
    method: string,
    path: string,
    body?: unknown,
    text?: string,
    signal?: AbortSignal,
  ): Promise<Response> => {
    const init: RequestInit = { method, headers: await headers(), ...(signal ? { signal } : {}) };
    if (text !== undefined) {
      init.body = text;
      (init.headers as Record<string, string>)['Content-Type'] = String(body);
      return fetch(`${base()}${path}`, init);
    }
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const res = await fetch(`${base()}${path}`, init);
    if (!res.ok) {
      throw failure(res.status, res.statusText, (await res.json().catch(() => null)) as ApiError | null);
    }
    return res;
  };
  return {
    get: async <T>(path: string) => (await (await request('GET', path)).json()) as T,
    post: async <T>(path: string, body: unknown) => (await (await request('POST', path, body)).json()) as T,
    put: async <T>(path: string, body: unknown) => (await (await request('PUT', path, body)).json()) as T,
    sendText: async <T>(path: string, text: string, contentType: string) => {
      const res = await request('POST', path, contentType, text);
      const parsed = (await res.json().catch(() => null)) as (T & ApiError) | null;
      if (!res.ok && (res.status >= 500 || parsed === null))
        throw failure(res.status, res.statusText, parsed);
      return { status: res.status, body: parsed as T };
    },
    blob: async (path: string) => (await request('GET', path)).blob(),
    stream: (path: string, signal: AbortSignal) => request('GET', path, undefined, undefined, signal),
  };
}

/** Asks the server whether development sign-in is on, and whom it offers. Null when it is off. */
export async function devUsers(): Promise<DevUser[] | null> {
  const res = await fetch(`${base()}/api/dev/users`);
  if (!res.ok) return null;
  return ((await res.json()) as DevUsersResponse).users;
}

/**
 * What the page's boot script (`boot.ts`, inlined in index.html) asks the server before the bundle runs,
 * and how the bundle takes it over: with the development sign-in, whose user is named in the address or
 * remembered in this browser tab, at once; inside Teams, as soon as teams-js (its chunk, loaded by the
 * boot script) has given the SSO token.
 */
import type { CaseView } from '../../../common/case-query';
import { apiBase, DEV_USER_HEADER } from './api';

/** An answer as the boot script read it: the status and the JSON body (null when there is none). */
export interface EarlyAnswer {
  status: number;
  statusText: string;
  body: unknown;
}

/** A request made early; `settled` is there once it has been answered, for a first render that need not wait. */
export interface EarlyRequest {
  answer: Promise<EarlyAnswer>;
  settled?: EarlyAnswer;
}

export interface BootRequests {
  /** The development sign-in's user; absent inside Teams (the SSO token's user). */
  userId?: string;
  me: EarlyRequest;
  /** The case list's first page, when the address opens the list (`view` null: the caller's default). */
  firstPage: { view: CaseView | null; page: EarlyRequest } | null;
}

const BOOT_GLOBAL = '__fristvaktBoot';
export const DEV_KEY = 'fristvakt.devUser';

type BootWindow = Window & { [BOOT_GLOBAL]?: BootRequests };

/** The development sign-in's user named in the address, or the one remembered in this browser tab. */
export function namedDevUser(): string | null {
  return new URLSearchParams(window.location.search).get('devUser') ?? sessionStorage.getItem(DEV_KEY);
}

/** GET `path` as `userId` of the development sign-in; a failed request leaves `settled` unset. */
export const earlyRequest = (path: string, userId: string): EarlyRequest =>
  requestWith(path, { [DEV_USER_HEADER]: userId });

/** GET `path` with the Teams SSO token. */
export const earlyTokenRequest = (path: string, token: string): EarlyRequest =>
  requestWith(path, { Authorization: `Bearer ${token}` });

function requestWith(path: string, headers: Record<string, string>): EarlyRequest {
  const request: EarlyRequest = {
    answer: fetch(`${apiBase()}${path}`, { headers }).then(async (res) => ({
      status: res.status,
      statusText: res.statusText,
      body: (await res.json().catch(() => null)) as unknown,
    })),
  };
  request.answer.then(
    (a) => {
      request.settled = a;
    },
    () => undefined,
  );
  return request;
}

/** Leaves the boot script's requests for the bundle. */
export function putBootRequests(requests: BootRequests): void {
  (window as BootWindow)[BOOT_GLOBAL] = requests;
}

/** The boot script's requests if they were made for `userId`, once; null otherwise. */
export function takeBootRequests(userId: string): BootRequests | null {
  const w = window as BootWindow;
  const requests = w[BOOT_GLOBAL];
  delete w[BOOT_GLOBAL];
  return requests?.userId === userId ? requests : null;
}

/**
 * Inside Teams: the boot script's sign-in, under way (teams-js loading, the host answering, the token,
 * then the requests); `done` is there once it has settled, null when it gave up (no host answered).
 */
export interface SsoBoot {
  requests: Promise<BootRequests | null>;
  done?: BootRequests | null;
}

const SSO_GLOBAL = '__fristvaktSsoBoot';
type SsoBootWindow = Window & { [SSO_GLOBAL]?: SsoBoot };

/** Leaves the boot script's sign-in inside Teams for the bundle. */
export function putSsoBoot(requests: Promise<BootRequests | null>): void {
  const boot: SsoBoot = { requests };
  requests.then(
    (r) => {
      boot.done = r;
    },
    () => {
      boot.done = null;
    },
  );
  (window as SsoBootWindow)[SSO_GLOBAL] = boot;
}

/** The boot script's sign-in inside Teams, once; null when it did not start one. */
export function takeSsoBoot(): SsoBoot | null {
  const w = window as SsoBootWindow;
  const boot = w[SSO_GLOBAL];
  delete w[SSO_GLOBAL];
  return boot ?? null;
}

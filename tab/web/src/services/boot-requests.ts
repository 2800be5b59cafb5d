/**
 * What the page's boot script (`boot.ts`, inlined in index.html) asks the server before the bundle runs,
 * and how the bundle takes it over. Only the development sign-in can ask that early (its user is named in
 * the address or remembered in this browser tab); Teams SSO needs teams-js for its token.
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
  userId: string;
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
export function earlyRequest(path: string, userId: string): EarlyRequest {
  const request: EarlyRequest = {
    answer: fetch(`${apiBase()}${path}`, { headers: { [DEV_USER_HEADER]: userId } }).then(async (res) => ({
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

/**
 * The page's first script, inlined into index.html by the build (allowed by its hash in the page's
 * Content-Security-Policy) and run before the bundle has arrived. It asks for `/api/me` and the case
 * list's first page while the bundle loads and starts (`main.tsx` takes both over):
 * - with the development sign-in's user named in the address (or remembered in this browser tab), at once;
 * - where Teams may host the page, once teams-js has given the SSO token: it loads teams-js's chunk
 *   itself (the same module the bundle uses, so the host is asked once) and signs in with it.
 * When both answers are in before the bundle has run, it paints the list's first rows
 * (`views/cases/early-list.ts`), which the app replaces when it starts.
 * Then, while the page waits for the network, it makes the page's first date formatter: that one loads
 * ICU's date and time-zone data (16-200 ms in headless Chromium here), which would otherwise happen in
 * the middle of the list's first render (its countdowns and the desks' calendars).
 */
import type { CaseListResponse, MeResponse } from '../../common/api-types';
import type { Locale } from '../../../shared/i18n-text';
import {
  earlyRequest,
  earlyTokenRequest,
  namedDevUser,
  putBootRequests,
  putSsoBoot,
  type BootRequests,
  type EarlyRequest,
} from './services/boot-requests';
import { asLocale, asTheme, mightBeTeams, openDeepLinkedPage } from './services/host';
import { paintEarlyList, type EarlyTheme } from './views/cases/early-list';
import { FIRST_PAGE, firstPageView, pagePath } from './views/cases/first-page';

/** teams-js's chunk and the chunks it imports, relative to the page (set by `tab/build.ts`). */
declare const TEAMS_JS_CHUNKS: string[];
/** teams-js's own chunk (its module, as the bundle's `import('@microsoft/teams-js')` gets it). */
declare const TEAMS_JS_MODULE: string;

type TeamsJs = typeof import('@microsoft/teams-js');

/** Paints the list's first rows once `/api/me` and the first page have both been answered with success. */
function paintWhenIn(
  me: EarlyRequest,
  page: EarlyRequest,
  look: { locale: Locale; theme: EarlyTheme },
): void {
  void Promise.all([me.answer, page.answer]).then(
    ([m, p]) => {
      const root = document.getElementById('root');
      const ok = (s: number) => s >= 200 && s < 300;
      if (!root || !ok(m.status) || !ok(p.status)) return;
      paintEarlyList({
        root,
        params: new URLSearchParams(window.location.search),
        me: m.body as MeResponse,
        page: p.body as CaseListResponse,
        ...look,
        now: new Date(),
        width: window.innerWidth,
        height: window.innerHeight,
      });
    },
    () => undefined,
  );
}

/** Asks for `/api/me` and, when the address opens the list, its first page, with `get`. */
function signIn(
  get: (path: string) => EarlyRequest,
  look: { locale: Locale; theme: EarlyTheme },
): Omit<BootRequests, 'userId'> {
  const wanted = firstPageView(new URLSearchParams(window.location.search));
  const me = get('/api/me');
  const page = wanted && get(pagePath(wanted.view, FIRST_PAGE));
  if (page) paintWhenIn(me, page, look);
  return { me, firstPage: wanted && page && { view: wanted.view, page } };
}

/** Inside Teams: teams-js, the host's context (the deep link, theme and locale), the token, the requests. */
async function signInWithTeams(): Promise<BootRequests | null> {
  const { app, authentication } = (await import(TEAMS_JS_MODULE)) as TeamsJs;
  await app.initialize();
  const ctx = await app.getContext();
  openDeepLinkedPage(ctx.page.subPageId);
  const params = new URLSearchParams(window.location.search);
  const token = await authentication.getAuthToken();
  return signIn((path) => earlyTokenRequest(path, token), {
    locale: asLocale(params.get('lang')) ?? asLocale(ctx.app.locale) ?? 'nb',
    theme: asTheme(params.get('theme')) ?? asTheme(ctx.app.theme) ?? 'default',
  });
}

if (mightBeTeams()) {
  for (const href of TEAMS_JS_CHUNKS) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.appendChild(link);
  }
  // Not in Teams after all (no host answers), or the host refuses a token: the bundle finds out and
  // signs in (or says why) the usual way.
  putSsoBoot(signInWithTeams().catch(() => null));
} else {
  try {
    const userId = namedDevUser();
    const params = new URLSearchParams(window.location.search);
    if (userId)
      putBootRequests({
        userId,
        ...signIn((path) => earlyRequest(path, userId), {
          locale: asLocale(params.get('lang')) ?? 'nb',
          theme: asTheme(params.get('theme')) ?? 'default',
        }),
      });
  } catch {
    // sessionStorage refused (a sandboxed page): the bundle signs in the usual way.
  }
}

setTimeout(() => {
  try {
    new Intl.DateTimeFormat('nb-NO', {
      timeZone: 'Europe/Oslo',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(0);
  } catch {
    // No such zone or locale here: the app's own formatters say so where it matters.
  }
}, 0);

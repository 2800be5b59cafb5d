/**
 * The page's first script, inlined into index.html by the build (allowed by its hash in the page's
 * Content-Security-Policy) and run before the bundle has arrived. With the development sign-in's user
 * named in the address (or remembered in this browser tab) it asks for `/api/me` and the case list's
 * first page at once, so both answers come while the bundle loads and starts (`main.tsx` takes them
 * over). Where Teams may host the page, nothing can be asked before teams-js has given a token: there
 * it starts loading teams-js's chunk instead, which the bundle would otherwise ask for only once running.
 * Then, while the page waits for the network, it makes the page's first date formatter: that one loads
 * ICU's date and time-zone data (16-200 ms in headless Chromium here), which would otherwise happen in
 * the middle of the list's first render (its countdowns and the desks' calendars).
 */
import { earlyRequest, namedDevUser, putBootRequests } from './services/boot-requests';
import { mightBeTeams } from './services/host';
import { FIRST_PAGE, firstPageView, pagePath } from './views/cases/first-page';

/** teams-js's chunk and the chunks it imports, relative to the page (set by `tab/build.ts`). */
declare const TEAMS_JS_CHUNKS: string[];

if (mightBeTeams()) {
  for (const href of TEAMS_JS_CHUNKS) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.appendChild(link);
  }
} else {
  try {
    const userId = namedDevUser();
    const wanted = firstPageView(new URLSearchParams(window.location.search));
    if (userId)
      putBootRequests({
        userId,
        me: earlyRequest('/api/me', userId),
        firstPage: wanted && {
          view: wanted.view,
          page: earlyRequest(pagePath(wanted.view, FIRST_PAGE), userId),
        },
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

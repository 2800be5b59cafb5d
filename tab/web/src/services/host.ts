/**
 * Where the tab runs: inside Teams (teams-js initialised; theme, locale and SSO from the host) or in a
 * plain browser (no host answers within the timeout: development sign-in if the server allows it).
 * `?theme=default|dark|contrast` and `?lang=nb|en` override what the host says. teams-js is its own
 * chunk, loaded only when the page is framed (or in a Teams webview).
 */
import type { Locale } from '../../../../shared/i18n-text';

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface Host {
  inTeams: boolean;
  theme: ThemeName;
  locale: Locale;
  /** The SSO token for the app's own API; only inside Teams. */
  getToken?: () => Promise<string>;
  onThemeChange(cb: (t: ThemeName) => void): void;
}

const THEMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];
export const asTheme = (s: string | null | undefined): ThemeName | undefined =>
  THEMES.includes(s as ThemeName) ? (s as ThemeName) : undefined;
export const asLocale = (s: string | null | undefined): Locale | undefined => {
  if (!s) return undefined;
  const l = s.toLowerCase();
  if (l === 'en' || l.startsWith('en-')) return 'en';
  if (
    l === 'nb' ||
    l === 'no' ||
    l === 'nn' ||
    l.startsWith('nb-') ||
    l.startsWith('nn-') ||
    l.startsWith('no-')
  )
    return 'nb';
  return undefined;
};

function timeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Teams hosts tabs in a frame (web, desktop) or a webview that identifies itself (mobile). */
export function mightBeTeams(): boolean {
  try {
    return window.parent !== window || window.opener !== null || /Teams\//.test(navigator.userAgent);
  } catch {
    return true;
  }
}

/**
 * A Teams deep link to the personal tab carries what to open as its context's `subEntityId` (the
 * bot's cards link a case by its reference, the notices page as `notices`): put it into the address
 * before the first render, so the page opens as its `?case=`/`?page=` address would.
 */
export function openDeepLinkedPage(subPageId: string | undefined): void {
  if (!subPageId) return;
  const url = new URL(window.location.href);
  if (/^(FV|BE)-\d{4}-\d{1,6}$/.test(subPageId)) url.searchParams.set('case', subPageId);
  else if (subPageId === 'notices') url.searchParams.set('page', 'notices');
  else return;
  window.history.replaceState(null, '', url.toString());
}

export async function detectHost(params: URLSearchParams): Promise<Host> {
  const themeParam = asTheme(params.get('theme'));
  const langParam = asLocale(params.get('lang'));
  const listeners: Array<(t: ThemeName) => void> = [];
  if (mightBeTeams()) {
    try {
      // teams-js is loaded only where a Teams host may answer: a plain browser never parses it.
      const { app, authentication } = await import('@microsoft/teams-js');
      await timeout(app.initialize(), 4000);
      const ctx = await app.getContext();
      openDeepLinkedPage(ctx.page.subPageId);
      app.registerOnThemeChangeHandler((t) => {
        const theme = themeParam ?? asTheme(t) ?? 'default';
        for (const l of listeners) l(theme);
      });
      void app.notifySuccess();
      return {
        inTeams: true,
        theme: themeParam ?? asTheme(ctx.app.theme) ?? 'default',
        locale: langParam ?? asLocale(ctx.app.locale) ?? 'nb',
        getToken: () => authentication.getAuthToken(),
        onThemeChange: (cb) => listeners.push(cb),
      };
    } catch {
      // Not in Teams after all: fall through to the browser.
    }
  }
  return {
    inTeams: false,
    theme: themeParam ?? 'default',
    locale: langParam ?? 'nb',
    onThemeChange: () => undefined,
  };
}

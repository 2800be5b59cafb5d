/**
 * The tab's entry: find the host (Teams or a plain browser), pick the Fluent theme and the locale, sign
 * in (Teams SSO, or the development sign-in when the server offers it), load `/api/me`, show the app.
 * A development sign-in named in the address has had `/api/me` and the list's first page asked for by
 * the page's boot script (`boot.ts`) before this bundle ran: when both are in, the first render is the
 * app with its rows.
 */
import {
  Button,
  FluentProvider,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { StrictMode, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CaseListResponse, DevUser, MeResponse } from '../../common/api-types';
import { App, type Session } from './App';
import { useAppStyles } from './App.styles';
import { LocaleContext, useT } from './i18n';
import { createApi, devUsers, valueOf, type Api, type Credentials } from './services/api';
import {
  DEV_KEY,
  namedDevUser,
  takeBootRequests,
  takeSsoBoot,
  type BootRequests,
} from './services/boot-requests';
import { detectHost, type Host, type ThemeName } from './services/host';
import {
  FIRST_PAGE,
  firstPageOf,
  firstPageView,
  pagePath,
  prefetchFirstPage,
  type FirstPage,
} from './views/cases/first-page';

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

function SignIn({ host, early }: { host: Host; early: SessionStart | null }) {
  const styles = useAppStyles();
  const { t } = useT();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [users, setUsers] = useState<DevUser[] | null | undefined>(undefined);
  const [picked, setPicked] = useState('');
  // Signed in from the first render when the early `/api/me` has already been answered.
  const [session, setSession] = useState<Session | null>(() =>
    early?.meNow ? sessionOf(early, early.meNow) : null,
  );
  const [error, setError] = useState<string | null>(null);
  const signedInEarly = useRef(session !== null);

  useEffect(() => {
    if (signedInEarly.current) return;
    const { getToken } = host;
    if (getToken) {
      // Inside Teams: the boot script's sign-in when it made one; else (or when it failed) now.
      const signInNow = () => setCredentials({ kind: 'sso', getToken });
      if (!early) signInNow();
      else early.me.then((me) => setSession(sessionOf(early, me)), signInNow);
      return;
    }
    let live = true;
    // The development sign-in's people; a user named in the address (or remembered) whom it offers
    // is signed in at once.
    const listUsers = () =>
      devUsers()
        .then((list) => {
          if (!live) return;
          setUsers(list);
          const wanted = namedDevUser();
          if (list && wanted && list.some((u) => u.id === wanted))
            setCredentials({ kind: 'dev', userId: wanted });
        })
        .catch(() => live && setUsers(null));
    // The named user's `/api/me`, asked for early: answered, it is the sign-in (the server accepts only
    // the people the development sign-in offers); refused or failed, the list decides as without it.
    if (early)
      early.me.then(
        (me) => live && setSession(sessionOf(early, me)),
        () => void listUsers(),
      );
    else void listUsers();
    return () => {
      live = false;
    };
  }, [host, early]);

  useEffect(() => {
    if (!credentials) return;
    const start = startSession(credentials);
    start.me
      .then((me) => setSession(sessionOf(start, me)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [credentials]);

  if (error)
    return (
      <div className={styles.center}>
        <Text weight="semibold">{t('error')}</Text>
        <Text>{error}</Text>
      </div>
    );
  if (session) return <App session={session} />;
  if (credentials || users === undefined) return <Spinner label={t('loading')} />;
  if (users === null)
    return (
      <div className={styles.center}>
        <Text>{t('openInTeams')}</Text>
      </div>
    );
  const chosen = users.find((u) => u.id === picked);
  const signIn = () => {
    if (!chosen) return;
    sessionStorage.setItem(DEV_KEY, chosen.id);
    setCredentials({ kind: 'dev', userId: chosen.id });
  };
  return (
    <div className={styles.center} data-testid="dev-signin">
      <Text weight="semibold" size={500} as="h1">
        Utviklingsinnlogging
      </Text>
      <Text>{t('devPickHelp')}</Text>
      <RadioGroup
        aria-label={t('devPick')}
        value={picked}
        onChange={(_e, d) => setPicked(d.value)}
        data-testid="dev-users"
      >
        {users.map((u) => (
          <Radio key={u.id} value={u.id} label={`${u.name} – ${devRole(u, t)}`} />
        ))}
      </RadioGroup>
      <Button appearance="primary" disabled={!chosen} onClick={signIn} data-testid="dev-signin-button">
        {chosen ? `${t('signInAs')} ${chosen.name}` : t('devPick')}
      </Button>
    </div>
  );
}

interface SessionStart {
  api: Api;
  me: Promise<MeResponse>;
  /** `/api/me`'s answer when it was in before the first render. */
  meNow?: MeResponse;
  firstPage: FirstPage | null;
}

const sessionOf = (start: SessionStart, me: MeResponse): Session => ({
  api: start.api,
  me,
  ...(start.firstPage ? { firstPage: start.firstPage } : {}),
});

/** Signs in: `/api/me` and, when the URL opens the case list, its first page, both at once. */
function startSession(credentials: Credentials): SessionStart {
  const api = createApi(credentials);
  const me = api.get<MeResponse>('/api/me');
  // An early start that is never used must not surface as an unhandled rejection.
  me.catch(() => undefined);
  return { api, me, firstPage: prefetchFirstPage(api, new URLSearchParams(window.location.search)) };
}

/**
 * Inside Teams, the boot script's sign-in (its requests taken over once its token has come, with what has
 * been answered by now); null when it made none. Outside Teams, the start of the development sign-in's
 * named user: the boot script's requests when it made them for this user, else asked for now; null
 * without one.
 */
function earlyStart(host: Host): SessionStart | null {
  if (host.getToken) {
    const sso = takeSsoBoot();
    if (!sso || sso.done === null) return null;
    if (sso.done) return fromBoot(sso.done, createApi({ kind: 'sso', getToken: host.getToken }));
    // Still under way (the token or the requests): the session waits for it, and signs in anew if it fails.
    const api = createApi({ kind: 'sso', getToken: host.getToken });
    const wanted = firstPageView(new URLSearchParams(window.location.search));
    const boot = sso.requests.then((r) => r ?? Promise.reject(new Error('no early sign-in')));
    const me = boot.then(async (r) => valueOf<MeResponse>(await r.me.answer));
    // An early start that fails is signed in anew, not an unhandled rejection.
    me.catch(() => undefined);
    return {
      api,
      me,
      firstPage:
        wanted &&
        firstPageOf(
          wanted.view,
          boot.then(async (r) => {
            const page = r.firstPage?.view === wanted.view ? r.firstPage.page : null;
            return page
              ? valueOf<CaseListResponse>(await page.answer)
              : api.get<CaseListResponse>(pagePath(wanted.view, FIRST_PAGE));
          }),
        ),
    };
  }
  const userId = namedDevUser();
  if (!userId) return null;
  const boot = takeBootRequests(userId);
  if (!boot) return startSession({ kind: 'dev', userId });
  return fromBoot(boot, createApi({ kind: 'dev', userId }));
}

/** The session's start from the boot script's requests, with what has been answered already. */
function fromBoot(boot: BootRequests, api: Api): SessionStart {
  const ok = (a: { status: number } | undefined) => a !== undefined && a.status >= 200 && a.status < 300;
  const me = boot.me.answer.then((a) => valueOf<MeResponse>(a));
  me.catch(() => undefined);
  let firstPage: FirstPage | null = null;
  if (boot.firstPage) {
    const early = boot.firstPage.page;
    firstPage = firstPageOf(
      boot.firstPage.view,
      early.answer.then((a) => valueOf<CaseListResponse>(a)),
    );
    if (ok(early.settled)) firstPage.value = valueOf<CaseListResponse>(early.settled!);
  }
  return {
    api,
    me,
    ...(ok(boot.me.settled) ? { meNow: valueOf<MeResponse>(boot.me.settled!) } : {}),
    firstPage,
  };
}

/** What a test user is, in words: "Servicesenter: ROR-IKT Kundeservice", "Superbruker i Molde kommune". */
function devRole(u: DevUser, t: ReturnType<typeof useT>['t']): string {
  const parts = [
    ...u.desks.map((d) => `${t('roleDesk')} ${d}`),
    ...u.superuserOf.map((o) => `${t('roleSuperuser')} ${o}`),
    ...(u.reportReader ? [t('roleReportReader')] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : t('roleEmployee');
}

function Root({ host, early }: { host: Host; early: SessionStart | null }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const fluentTheme = useMemo(() => THEMES[theme], [theme]);
  useEffect(() => {
    document.documentElement.lang = host.locale === 'nb' ? 'nb' : 'en';
  }, [host.locale]);
  return (
    <LocaleContext.Provider value={host.locale}>
      <FluentProvider theme={fluentTheme} data-theme={theme} style={{ height: '100%' }}>
        <SignIn host={host} early={early} />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

void detectHost(new URLSearchParams(window.location.search)).then((host) => {
  const early = earlyStart(host);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root host={host} early={early} />
    </StrictMode>,
  );
});

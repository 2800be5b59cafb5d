/**
 * The tab's entry: find the host (Teams or a plain browser), pick the Fluent theme and the locale, sign
 * in (Teams SSO, or the development sign-in when the server offers it), load `/api/me`, show the app.
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
import type { DevUser, MeResponse } from '../../common/api-types';
import { App, type Session } from './App';
import { useAppStyles } from './App.styles';
import { LocaleContext, useT } from './i18n';
import { createApi, devUsers, type Api, type Credentials } from './services/api';
import { detectHost, type Host, type ThemeName } from './services/host';
import { prefetchFirstPage, type FirstPage } from './views/cases/useCaseRows';

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const DEV_KEY = 'fristvakt.devUser';

function SignIn({ host }: { host: Host }) {
  const styles = useAppStyles();
  const { t } = useT();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [users, setUsers] = useState<DevUser[] | null | undefined>(undefined);
  const [picked, setPicked] = useState('');
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);

  // With a test user named in the URL (or remembered), their `/api/me` and first list page are asked
  // for while the development sign-in's list is still on its way; used once the list confirms them.
  const early = useRef<{ userId: string; start: SessionStart } | null>(null);

  useEffect(() => {
    if (host.getToken) {
      setCredentials({ kind: 'sso', getToken: host.getToken });
      return;
    }
    const named =
      new URLSearchParams(window.location.search).get('devUser') ?? sessionStorage.getItem(DEV_KEY);
    if (named) early.current = { userId: named, start: startSession({ kind: 'dev', userId: named }) };
    devUsers()
      .then((list) => {
        setUsers(list);
        const wanted =
          new URLSearchParams(window.location.search).get('devUser') ?? sessionStorage.getItem(DEV_KEY);
        if (list && wanted && list.some((u) => u.id === wanted))
          setCredentials({ kind: 'dev', userId: wanted });
      })
      .catch(() => setUsers(null));
  }, [host]);

  useEffect(() => {
    if (!credentials) return;
    const prepared = early.current;
    const start =
      credentials.kind === 'dev' && prepared?.userId === credentials.userId
        ? prepared.start
        : startSession(credentials);
    early.current = null;
    start.me
      .then((me) =>
        setSession({ api: start.api, me, ...(start.firstPage ? { firstPage: start.firstPage } : {}) }),
      )
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
  firstPage: FirstPage | null;
}

/** Signs in: `/api/me` and, when the URL opens the case list, its first page, both at once. */
function startSession(credentials: Credentials): SessionStart {
  const api = createApi(credentials);
  const me = api.get<MeResponse>('/api/me');
  // An early start that is never used must not surface as an unhandled rejection.
  me.catch(() => undefined);
  return { api, me, firstPage: prefetchFirstPage(api, new URLSearchParams(window.location.search)) };
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

function Root({ host }: { host: Host }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const fluentTheme = useMemo(() => THEMES[theme], [theme]);
  useEffect(() => {
    document.documentElement.lang = host.locale === 'nb' ? 'nb' : 'en';
  }, [host.locale]);
  return (
    <LocaleContext.Provider value={host.locale}>
      <FluentProvider theme={fluentTheme} data-theme={theme} style={{ height: '100%' }}>
        <SignIn host={host} />
      </FluentProvider>
    </LocaleContext.Provider>
  );
}

void detectHost(new URLSearchParams(window.location.search)).then((host) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root host={host} />
    </StrictMode>,
  );
});

/**
 * The tab's entry: find the host (Teams or a plain browser), pick the Fluent theme and the locale, sign
 * in (Teams SSO, or the development sign-in when the server offers it), load `/api/me`, show the app.
 */
import {
  Button,
  Field,
  FluentProvider,
  Select,
  Spinner,
  Text,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { MeResponse } from '../../common/api-types';
import { App, type Session } from './App';
import { useAppStyles } from './App.styles';
import { LocaleContext, useT } from './i18n';
import { createApi, devUsers, type Credentials } from './services/api';
import { detectHost, type Host, type ThemeName } from './services/host';

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
  const [users, setUsers] = useState<Array<{ id: string; name: string }> | null | undefined>(undefined);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (host.getToken) {
      setCredentials({ kind: 'sso', getToken: host.getToken });
      return;
    }
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
    const api = createApi(credentials);
    api
      .get<MeResponse>('/api/me')
      .then((me) => setSession({ api, me }))
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
  return (
    <div className={styles.center} data-testid="dev-signin">
      <Text weight="semibold" size={500}>
        Utviklingsinnlogging
      </Text>
      <Text>{t('devPickHelp')}</Text>
      <Field label={t('devPick')}>
        <Select
          onChange={(_e, d) => {
            sessionStorage.setItem(DEV_KEY, d.value);
            setCredentials({ kind: 'dev', userId: d.value });
          }}
          defaultValue=""
        >
          <option value="" disabled>
            –
          </option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={() => window.location.reload()}>{t('retry')}</Button>
    </div>
  );
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

/**
 * The entry of `/tab/config.html`, the channel tab's configuration page (manifest `configurableTabs`).
 * Inside Teams: the theme and locale from the host, the choice passed to `pages.config.setConfig` when
 * the owner presses Save, `setValidityState(true)` once something is chosen, and the existing choice
 * pre-selected when an installed tab is reconfigured. Desks come from `/api/me` with the SSO token (or,
 * in a plain browser with the server's development sign-in, `?devUser=`).
 */
import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { MeResponse } from '../../../common/api-types';
import { createApi, type Credentials } from '../services/api';
import { detectHost, type Host, type ThemeName } from '../services/host';
import { ConfigPage, type DeskOption } from './ConfigPage';
import { parseChannelTabUrl, type ChannelTabConfig, type TabChoice } from './tab-config';
import { configText } from './text';

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** What the page needs from teams-js; absent outside Teams. */
interface TeamsConfigApi {
  setValidity(valid: boolean): void;
  /** Called on Save with the latest choice. */
  onSave(latest: () => ChannelTabConfig | null, failedText: string): void;
}

async function teamsConfigApi(): Promise<TeamsConfigApi> {
  const { pages } = await import('@microsoft/teams-js');
  return {
    setValidity: (valid) => pages.config.setValidityState(valid),
    onSave: (latest, failedText) =>
      pages.config.registerOnSaveHandler((saveEvent) => {
        const config = latest();
        if (!config) {
          saveEvent.notifyFailure(failedText);
          return;
        }
        pages.config.setConfig(config).then(
          () => saveEvent.notifySuccess(),
          (e: unknown) => saveEvent.notifyFailure(e instanceof Error ? e.message : failedText),
        );
      }),
  };
}

async function existingChoice(): Promise<{ choice: TabChoice; deskId?: string } | null> {
  try {
    const { pages } = await import('@microsoft/teams-js');
    return parseChannelTabUrl((await pages.getConfig()).contentUrl);
  } catch {
    return null;
  }
}

function credentialsFor(host: Host): Credentials | null {
  if (host.getToken) return { kind: 'sso', getToken: host.getToken };
  const devUser = new URLSearchParams(window.location.search).get('devUser');
  return devUser ? { kind: 'dev', userId: devUser } : null;
}

function Root({
  host,
  teams,
  initial,
}: {
  host: Host;
  teams: TeamsConfigApi | null;
  initial: { choice: TabChoice; deskId?: string } | null;
}) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [desks, setDesks] = useState<DeskOption[] | null | undefined>(undefined);
  const [latest] = useState(() => ({ config: null as ChannelTabConfig | null }));

  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.lang = host.locale;
    teams?.onSave(() => latest.config, configText(host.locale)('saveFailed'));
  }, [host, teams, latest]);
  useEffect(() => {
    const credentials = credentialsFor(host);
    if (!credentials) {
      setDesks(null);
      return;
    }
    createApi(credentials)
      .get<MeResponse>('/api/me')
      .then((me) => setDesks(me.desks.map((d) => ({ id: d.id, name: d.name }))))
      .catch(() => setDesks(null));
  }, [host]);

  const onChange = useCallback(
    (config: ChannelTabConfig | null) => {
      latest.config = config;
      teams?.setValidity(config !== null);
    },
    [teams, latest],
  );

  return (
    <FluentProvider theme={THEMES[theme]} data-theme={theme} style={{ minHeight: '100%' }}>
      <ConfigPage
        locale={host.locale}
        inTeams={host.inTeams}
        tabBase={new URL('./', window.location.href).toString()}
        desks={desks}
        initial={initial}
        onChange={onChange}
      />
    </FluentProvider>
  );
}

void (async () => {
  const host = await detectHost(new URLSearchParams(window.location.search));
  const teams = host.inTeams ? await teamsConfigApi() : null;
  const initial = host.inTeams ? await existingChoice() : null;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root host={host} teams={teams} initial={initial} />
    </StrictMode>,
  );
})();

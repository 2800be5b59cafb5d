/**
 * The channel tab's configuration page: the channel owner picks Saksoversikt (the desk queue) or the
 * SLA report, optionally one desk. Every change reports the resulting tab configuration (or null while
 * nothing is chosen) to `onChange`; inside Teams the entry passes it to teams-js. The resulting address
 * is shown (and exposed as `data-content-url` for tests); outside Teams a note says saving needs Teams.
 */
import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Text,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Locale } from '../../../../shared/i18n-text';
import { useConfigStyles } from './ConfigPage.styles';
import { channelTabConfig, TAB_CHOICES, type ChannelTabConfig, type TabChoice } from './tab-config';
import { configText } from './text';

export interface DeskOption {
  id: string;
  name: string;
}

export interface ConfigPageProps {
  locale: Locale;
  inTeams: boolean;
  /** The tab's folder, e.g. `https://host/tab/`. */
  tabBase: string;
  /** The caller's desks; undefined while loading, null when they cannot be loaded (no sign-in). */
  desks: DeskOption[] | null | undefined;
  initial?: { choice: TabChoice; deskId?: string } | null;
  onChange(config: ChannelTabConfig | null): void;
}

export function ConfigPage({ locale, inTeams, tabBase, desks, initial, onChange }: ConfigPageProps) {
  const styles = useConfigStyles();
  const t = configText(locale);
  const [choice, setChoice] = useState<TabChoice | null>(initial?.choice ?? null);
  const [deskId, setDeskId] = useState<string>(initial?.deskId ?? '');

  const desk = useMemo(() => {
    if (!deskId) return undefined;
    // A desk saved earlier stays chosen even before (or without) the list: its id is its name then.
    return desks?.find((d) => d.id === deskId) ?? { id: deskId, name: deskId };
  }, [desks, deskId]);
  const config = useMemo(
    () => (choice ? channelTabConfig(tabBase, choice, desk, locale) : null),
    [tabBase, choice, desk, locale],
  );
  useEffect(() => onChange(config), [config, onChange]);

  return (
    <div className={styles.root} data-testid="config-root">
      <Text as="h1" size={500} weight="semibold">
        {t('heading')}
      </Text>
      <Text>{t('intro')}</Text>
      <Field label={t('choiceLabel')} required>
        <RadioGroup
          value={choice ?? ''}
          onChange={(_e, d) => setChoice(d.value as TabChoice)}
          data-testid="choice"
        >
          {TAB_CHOICES.map((c) => (
            <Radio
              key={c}
              value={c}
              data-choice={c}
              label={
                <>
                  <Text weight="semibold">{t(c)}</Text>
                  <br />
                  <Text size={200}>{t(c === 'desk' ? 'deskHelp' : 'reportHelp')}</Text>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t('deskField')}
        hint={desks === null ? t('desksUnavailable') : desks === undefined ? t('desksLoading') : undefined}
      >
        <Select
          value={deskId}
          disabled={!desks || desks.length === 0}
          onChange={(_e, d) => setDeskId(d.value)}
          data-testid="desk"
        >
          <option value="">{t('allDesks')}</option>
          {desk && !desks?.some((d) => d.id === desk.id) && <option value={desk.id}>{desk.name}</option>}
          {desks?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <div
        className={styles.result}
        data-testid="result"
        data-valid={config ? 'true' : 'false'}
        data-content-url={config?.contentUrl ?? ''}
        data-entity-id={config?.entityId ?? ''}
      >
        <Text weight="semibold">{t('resultLabel')}</Text>
        {config ? (
          <>
            <Text className={styles.url} data-testid="content-url">
              {config.contentUrl}
            </Text>
            <Text size={200}>
              {t('tabName')}: <span data-testid="display-name">{config.suggestedDisplayName}</span>
            </Text>
          </>
        ) : (
          <Text data-testid="content-url">{t('noChoice')}</Text>
        )}
      </div>
      {!inTeams && (
        <MessageBar intent="info" data-testid="outside-teams">
          <MessageBarBody>
            <MessageBarTitle>{t('outsideTeamsTitle')}</MessageBarTitle>
            {t('outsideTeams')}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

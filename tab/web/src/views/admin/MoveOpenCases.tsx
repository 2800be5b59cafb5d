/**
 * "Flytt åpne saker til nyeste versjon" in the policy editor: first a dry run (how many open cases
 * would move, which deadlines change), then the move itself only after the lead confirms. The rule
 * (time used stays, the rest counts under the new version) is in docs/sla-regler.md.
 */
import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { PolicyMoveReport } from '../../../../../shared/app/policy-move';
import type { Locale } from '../../../../../shared/i18n-text';
import { formatDateTime, useT } from '../../i18n';
import type { Api } from '../../services/api';
import { OutcomeBar, useSave } from './common';
import { useSettingsStyles } from './Settings.styles';

const TEXT = {
  title: { nb: 'Åpne saker under eldre versjoner', en: 'Open cases under older versions' },
  rule: {
    nb: 'Saker beholder versjonen de ble mottatt under. Flyttes de, blir tiden som er brukt stående, og resten regnes etter den nyeste versjonen.',
    en: 'Cases keep the version they were received under. When moved, the time used so far stays and the rest counts under the newest version.',
  },
  check: { nb: 'Flytt åpne saker til nyeste versjon …', en: 'Move open cases to the newest version …' },
  none: {
    nb: 'Ingen åpne saker går under en eldre versjon.',
    en: 'No open case runs under an older version.',
  },
  confirm: { nb: 'Bekreft flytting', en: 'Confirm the move' },
  cancel: { nb: 'Avbryt', en: 'Cancel' },
  response: { nb: 'Responsfrist', en: 'Response due' },
  resolution: { nb: 'Løsningsfrist', en: 'Resolution due' },
  unchanged: { nb: 'fristene endres ikke', en: 'deadlines unchanged' },
  noDeadline: { nb: 'ingen frist', en: 'no deadline' },
} as const;

function wouldMove(r: PolicyMoveReport, locale: Locale): string {
  const n = r.cases.length;
  return locale === 'en'
    ? `${n} open case${n === 1 ? '' : 's'} would move to version ${r.toVersion}; these deadlines change:`
    : `${n} ${n === 1 ? 'åpen sak' : 'åpne saker'} ville blitt flyttet til versjon ${r.toVersion}; disse fristene endres:`;
}
function moved(r: PolicyMoveReport, locale: Locale): string {
  const n = r.moved ?? 0;
  const skipped = r.skipped?.length ?? 0;
  const rest =
    skipped === 0
      ? ''
      : locale === 'en'
        ? ` (${skipped} changed meanwhile)`
        : ` (${skipped} endret i mellomtiden)`;
  return locale === 'en'
    ? `${n} case${n === 1 ? '' : 's'} moved to version ${r.toVersion}${rest}.`
    : `${n} ${n === 1 ? 'sak' : 'saker'} flyttet til versjon ${r.toVersion}${rest}.`;
}

export function MoveOpenCases({ api, deskId }: { api: Api; deskId: string }) {
  const styles = useSettingsStyles();
  const { locale } = useT();
  const w = (k: keyof typeof TEXT): string => TEXT[k][locale];
  const [dry, setDry] = useState<PolicyMoveReport | null>(null);
  const save = useSave();
  const path = (dryRun: boolean) =>
    `/api/admin/policies/${encodeURIComponent(deskId)}/move-open-cases?dryRun=${dryRun}`;
  const due = (iso: string | undefined) => (iso ? formatDateTime(iso, locale) : w('noDeadline'));
  const change = (label: string, c: { before?: string; after?: string }) =>
    c.before === c.after ? null : `${label}: ${due(c.before)} → ${due(c.after)}`;

  const check = () =>
    save.run(async () => setDry(await api.post<PolicyMoveReport>(path(true), {})), '').then(() => undefined);
  const confirm = async () => {
    const out: { report?: PolicyMoveReport } = {};
    const ok = await save.run(async () => {
      out.report = await api.post<PolicyMoveReport>(path(false), {});
    }, '');
    setDry(null);
    if (ok && out.report) save.setOutcome({ kind: 'ok', message: moved(out.report, locale) });
  };

  return (
    <section aria-label={w('title')} data-testid="move-open-cases">
      <Subtitle2 as="h2" block>
        {w('title')}
      </Subtitle2>
      <Text as="p" block>
        {w('rule')}
      </Text>
      {(!dry || dry.cases.length === 0) && (
        <Button onClick={() => void check()} data-testid="move-check">
          {w('check')}
        </Button>
      )}
      {dry && dry.cases.length === 0 && (
        <Text as="p" role="status" data-testid="move-none">
          {w('none')}
        </Text>
      )}
      {dry && dry.cases.length > 0 && (
        <div
          role="alertdialog"
          aria-label={w('confirm')}
          data-testid="move-confirm-box"
          className={styles.form}
        >
          <Text as="p" data-testid="move-summary">
            {wouldMove(dry, locale)}
          </Text>
          <ul>
            {dry.cases.map((c) => {
              const lines = [change(w('response'), c.response), change(w('resolution'), c.resolution)].filter(
                (x): x is string => x !== null,
              );
              return (
                <li key={c.ref} data-ref={c.ref}>
                  {c.ref} {c.title}: {lines.length > 0 ? lines.join('; ') : w('unchanged')}
                </li>
              );
            })}
          </ul>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void confirm()} data-testid="move-confirm">
              {w('confirm')}
            </Button>
            <Button onClick={() => setDry(null)} data-testid="move-cancel">
              {w('cancel')}
            </Button>
          </div>
        </div>
      )}
      <OutcomeBar outcome={save.outcome?.message ? save.outcome : null} testId="move-outcome" />
    </section>
  );
}

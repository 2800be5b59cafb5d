/** The report's period and filters (desk, service, virksomhet), "Vis" and the CSV export. */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import type { MeResponse } from '../../../../common/api-types';
import { useT, type TextKey } from '../../i18n';
import { useReportStyles } from '../ReportView.styles';
import type { ReportState } from './useReport';

export function ReportFilters({ me, state }: { me: MeResponse; state: ReportState }) {
  const styles = useReportStyles();
  const { t } = useT();
  const { draft, setDraft, apply, exportCsv, data } = state;
  const deskOptions = me.access.reportReader
    ? me.desks
    : me.desks.filter((d) => me.access.deskIds.includes(d.id));
  const deskIds = new Set(deskOptions.map((d) => d.id));
  const serviceOptions = me.services.filter(
    (s) => deskIds.has(s.deskId) && (!draft.desk || s.deskId === draft.desk),
  );
  const orgOptions = me.organisations.filter((o) =>
    deskOptions.some((d) => (!draft.desk || d.id === draft.desk) && d.orgIds.includes(o.id)),
  );

  const select = (
    key: 'desk' | 'service' | 'org',
    label: TextKey,
    options: Array<{ id: string; name: string }>,
  ) => (
    <Field label={t(label)} className={styles.filter}>
      <Select
        value={draft[key]}
        data-testid={`report-${key}`}
        onChange={(_e, d) => setDraft({ ...draft, [key]: d.value })}
      >
        <option value="">{t('all')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <div className={styles.filters}>
      <Field label={t('from')} className={styles.filter}>
        <Input
          type="date"
          value={draft.from}
          data-testid="report-from"
          onChange={(_e, d) => setDraft({ ...draft, from: d.value })}
        />
      </Field>
      <Field label={t('to')} className={styles.filter}>
        <Input
          type="date"
          value={draft.to}
          data-testid="report-to"
          onChange={(_e, d) => setDraft({ ...draft, to: d.value })}
        />
      </Field>
      {select('desk', 'desk', deskOptions)}
      {select('service', 'service', serviceOptions)}
      {select('org', 'org', orgOptions)}
      <Button appearance="primary" onClick={apply} data-testid="report-apply">
        {t('show')}
      </Button>
      <Button
        icon={<ArrowDownload20Regular />}
        onClick={() => void exportCsv()}
        disabled={!data}
        data-testid="report-csv"
      >
        {t('exportCsv')}
      </Button>
    </div>
  );
}

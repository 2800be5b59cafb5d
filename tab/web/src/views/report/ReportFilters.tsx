/** The report's period and filters (desk, service, virksomhet), "Vis" and the CSV export. */
import { Button, Field, Select } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import type { MeResponse } from '../../../../common/api-types';
import { DateField } from '../../components/DateTimeFields';
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
        className={styles.control}
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
    <div className={styles.filters} data-testid="report-filters">
      <DateField
        label={t('from')}
        className={styles.filter}
        value={draft.from}
        testId="report-from"
        onChange={(v) => setDraft({ ...draft, from: v })}
      />
      <DateField
        label={t('to')}
        className={styles.filter}
        value={draft.to}
        testId="report-to"
        onChange={(v) => setDraft({ ...draft, to: v })}
      />
      {select('desk', 'desk', deskOptions)}
      {select('service', 'service', serviceOptions)}
      {select('org', 'org', orgOptions)}
      <div className={styles.buttons} data-testid="report-buttons">
        <Button
          appearance="primary"
          onClick={apply}
          disabled={!draft.from || !draft.to}
          data-testid="report-apply"
        >
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
    </div>
  );
}

/** The service catalogue: the list, a form to create or change one, CSV export, and CSV import with a dry run. */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Label,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  useId,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Desk, Service, ServiceCriticality } from '../../../../../shared/desks/model';
import { DEFAULT_FELLESFEIL_SETTINGS } from '../../../../../shared/cases/fellesfeil-detector';
import { THRESHOLD_FIELDS, type ThresholdField } from '../../../../../shared/desks/fellesfeil-thresholds';
import type {
  AdminDesksResponse,
  AdminImportResponse,
  AdminServiceResponse,
  AdminServicesResponse,
} from '../../../../api/handlers/admin/types';
import type { Api } from '../../services/api';
import { OutcomeBar, SimpleTable, useSave } from './common';
import { useSettingsStyles } from './Settings.styles';
import { useAdminText } from './text';
import { NO_ORDER, orderBody, orderFormOf, ServiceOrderFields } from './ServiceOrderFields';

const CRITICALITIES: ServiceCriticality[] = ['normal', 'citizen_facing', 'high_uptime', 'life_and_health'];
type Thresholds = Record<ThresholdField, string>;
const NO_THRESHOLDS: Thresholds = {
  windowMinutes: '',
  minReports: '',
  minOrganisations: '',
  minReportsAnyOrganisations: '',
};
const EMPTY = {
  id: '',
  name: '',
  deskId: '',
  criticality: 'normal' as ServiceCriticality,
  supplier: '',
  retired: false,
  fellesfeil: NO_THRESHOLDS,
  order: NO_ORDER,
};

/** The form's thresholds as sent: only those filled in (a number when it is one; the server checks). */
const thresholdsBody = (t: Thresholds): Record<string, number | string> =>
  Object.fromEntries(
    Object.entries(t)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, /^\d+$/.test(v.trim()) ? Number(v.trim()) : v]),
  );

export function ServicesSection({ api }: { api: Api }) {
  const styles = useSettingsStyles();
  const a = useAdminText();
  const [services, setServices] = useState<Service[] | null>(null);
  const [desks, setDesks] = useState<Desk[]>([]);
  const [editing, setEditing] = useState<{ id: string; version: string } | null>(null);
  const [form, setForm] = useState(EMPTY);
  const save = useSave();
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<AdminImportResponse | null>(null);
  const fileId = useId('import-file');

  const load = useCallback(() => {
    void api.get<AdminServicesResponse>('/api/admin/services').then((r) => setServices(r.services));
  }, [api]);
  useEffect(() => {
    load();
    void api.get<AdminDesksResponse>('/api/admin/desks').then((r) => {
      setDesks(r.desks);
      setForm((f) => ({ ...f, deskId: f.deskId || (r.desks[0]?.id ?? '') }));
    });
  }, [api, load]);

  if (!services) return <Spinner />;
  const edit = async (id: string) => {
    const r = await api.get<AdminServiceResponse>(`/api/admin/services/${encodeURIComponent(id)}`);
    setEditing({ id, version: r.version });
    setForm({
      id: r.item.id,
      name: r.item.name,
      deskId: r.item.deskId,
      criticality: r.item.criticality,
      supplier: r.item.supplier ?? '',
      retired: r.item.retired === true,
      fellesfeil: {
        ...NO_THRESHOLDS,
        ...Object.fromEntries(Object.entries(r.item.fellesfeil ?? {}).map(([k, v]) => [k, String(v)])),
      },
      order: orderFormOf(r.item.order),
    });
    save.setOutcome(null);
  };
  const submit = async () => {
    const body = {
      id: form.id,
      name: form.name,
      deskId: form.deskId,
      criticality: form.criticality,
      supplier: form.supplier,
      retired: form.retired,
      fellesfeil: thresholdsBody(form.fellesfeil),
      order: orderBody(form.order),
    };
    const ok = await save.run(
      () =>
        editing
          ? api.put(`/api/admin/services/${encodeURIComponent(editing.id)}`, {
              ...body,
              version: editing.version,
            })
          : api.post('/api/admin/services', body),
      a('saved'),
    );
    if (ok) {
      setEditing(null);
      setForm({ ...EMPTY, deskId: form.deskId });
      load();
    }
  };
  const runImport = async (dryRun: boolean) => {
    const r = await api.sendText<AdminImportResponse>(
      `/api/admin/services/import?dryRun=${dryRun ? 'true' : 'false'}`,
      csv,
      'text/csv',
    );
    setReport(r.body);
    if (r.body.applied) load();
  };
  const download = async () => {
    const blob = await api.blob('/api/admin/services.csv');
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'tjenester.csv';
    link.click();
    URL.revokeObjectURL(url);
  };
  const deskName = (id: string) => desks.find((d) => d.id === id)?.name ?? id;
  return (
    <>
      <SimpleTable
        label={a('services')}
        testId="services-table"
        columns={[a('name'), a('desk'), a('criticality'), a('edit')]}
        rows={services.map((s) => ({
          key: s.id,
          attrs: { 'data-service': s.id },
          cells: [
            `${s.name}${s.retired ? ` (${a('retired')})` : ''}${
              s.fellesfeil && Object.keys(s.fellesfeil).length > 0 ? ` · ${a('ownThresholds')}` : ''
            }`,
            deskName(s.deskId),
            a(`crit_${s.criticality}`),
            <Button
              key="edit"
              size="small"
              onClick={() => void edit(s.id)}
              aria-label={`${a('edit')} ${s.name}`}
            >
              {a('edit')}
            </Button>,
          ],
        }))}
      />

      <form
        className={styles.form}
        data-testid="service-form"
        // The server names every bad value at its field, in Norwegian (not the browser's own tooltip).
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Subtitle2 as="h2">{editing ? a('editService') : a('newService')}</Subtitle2>
        <div className={styles.row}>
          <Field label={a('id')} validationMessage={save.at('id')} className={styles.grow}>
            <Input
              value={form.id}
              disabled={editing !== null}
              onChange={(_e, d) => setForm({ ...form, id: d.value })}
              data-testid="service-id"
            />
          </Field>
          <Field label={a('name')} validationMessage={save.at('name')} className={styles.grow}>
            <Input
              value={form.name}
              onChange={(_e, d) => setForm({ ...form, name: d.value })}
              data-testid="service-name"
            />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={a('desk')} validationMessage={save.at('deskId')} className={styles.grow}>
            <Select
              value={form.deskId}
              onChange={(_e, d) => setForm({ ...form, deskId: d.value })}
              data-testid="service-desk"
            >
              {desks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={a('criticality')} validationMessage={save.at('criticality')} className={styles.grow}>
            <Select
              value={form.criticality}
              onChange={(_e, d) => setForm({ ...form, criticality: d.value as ServiceCriticality })}
              data-testid="service-criticality"
            >
              {CRITICALITIES.map((c) => (
                <option key={c} value={c}>
                  {a(`crit_${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={a('supplier')} validationMessage={save.at('supplier')} className={styles.grow}>
            <Input value={form.supplier} onChange={(_e, d) => setForm({ ...form, supplier: d.value })} />
          </Field>
        </div>
        <fieldset className={styles.priority} data-testid="service-fellesfeil">
          <legend className={styles.legend}>{a('fellesfeil')}</legend>
          <Text>{a('fellesfeilHint')}</Text>
          <div className={styles.row}>
            {THRESHOLD_FIELDS.map(({ field, min, max }) => (
              <Field
                key={field}
                label={a(`ff_${field}`)}
                hint={a('defaultValue').replace(
                  '{value}',
                  String(DEFAULT_FELLESFEIL_SETTINGS.defaults[field]),
                )}
                validationMessage={save.at(`fellesfeil.${field}`)}
                className={styles.grow}
              >
                <Input
                  type="number"
                  min={min}
                  max={max}
                  inputMode="numeric"
                  value={form.fellesfeil[field]}
                  placeholder={String(DEFAULT_FELLESFEIL_SETTINGS.defaults[field])}
                  onChange={(_e, d) =>
                    setForm({ ...form, fellesfeil: { ...form.fellesfeil, [field]: d.value } })
                  }
                  data-testid={`service-ff-${field}`}
                />
              </Field>
            ))}
          </div>
        </fieldset>
        <ServiceOrderFields
          value={form.order}
          onChange={(order) => setForm({ ...form, order })}
          at={save.at}
        />
        <Checkbox
          label={a('retired')}
          checked={form.retired}
          onChange={(_e, d) => setForm({ ...form, retired: d.checked === true })}
        />
        <OutcomeBar outcome={save.outcome?.field ? null : save.outcome} testId="service-outcome" />
        <div className={styles.row}>
          <Button appearance="primary" type="submit" data-testid="service-save">
            {editing ? a('save') : a('create')}
          </Button>
          {editing && (
            <Button
              onClick={() => {
                setEditing(null);
                setForm({ ...EMPTY, deskId: form.deskId });
              }}
            >
              {a('cancel')}
            </Button>
          )}
        </div>
      </form>

      <div className={styles.form}>
        <Subtitle2 as="h2">{a('importTitle')}</Subtitle2>
        <div>
          <Label htmlFor={fileId}>{a('importFile')}</Label>{' '}
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.text().then(setCsv);
            }}
          />
        </div>
        <Field label={a('importText')}>
          <Textarea value={csv} onChange={(_e, d) => setCsv(d.value)} rows={5} data-testid="import-csv" />
        </Field>
        <div className={styles.row}>
          <Button onClick={() => void runImport(true)} data-testid="import-dry-run">
            {a('dryRun')}
          </Button>
          <Button appearance="primary" onClick={() => void runImport(false)} data-testid="import-apply">
            {a('doImport')}
          </Button>
          <Button onClick={() => void download()}>{a('exportCsv')}</Button>
        </div>
        {report && <ImportReportView report={report} />}
      </div>
    </>
  );
}

function ImportReportView({ report }: { report: AdminImportResponse }) {
  const a = useAdminText();
  return (
    <div data-testid="import-report">
      <Text weight="semibold">
        {report.applied ? a('importApplied') : `${a('importNothing')} ${a('importWould')}`}
      </Text>
      <SimpleTable
        label={a('change')}
        columns={[a('line'), 'Id', a('change')]}
        rows={report.changes.map((c) => ({
          key: String(c.line),
          cells: [
            c.line,
            c.id,
            `${a(`act_${c.action}`)}${c.fields.length > 0 ? `: ${c.fields.join(', ')}` : ''}`,
          ],
        }))}
      />
      {report.errors.length > 0 && (
        <SimpleTable
          label={a('error')}
          testId="import-errors"
          columns={[a('line'), a('field'), a('error')]}
          rows={report.errors.map((e, i) => ({ key: String(i), cells: [e.line, e.field, e.message] }))}
        />
      )}
    </div>
  );
}

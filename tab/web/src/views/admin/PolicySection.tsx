/**
 * A desk's SLA policy editor: hours per weekday, the desk's own closed days, the warning share, and per
 * priority its response and resolution targets (business minutes, working days, a cut-off time, around
 * the clock, none). The server validates with the engine's own validation and names the field; a save
 * makes a new version (the list shows them all). The preview asks the server what a case of a priority
 * received at a chosen moment would get under the draft.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Label,
  Textarea,
  useId,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Desk } from '../../../../../shared/desks/model';
import type { BusinessCalendar, Weekday } from '../../../../../shared/sla';
import type { SlaPolicy, SlaTargetSpec } from '../../../../../shared/sla/policy';
import type {
  AdminDesksResponse,
  AdminPolicyResponse,
  AdminPreviewResponse,
} from '../../../../api/handlers/admin/types';
import { importIcsDays, mergeDays } from '../../../../../shared/sla/ics';
import { formatDateTime, isoToOsloLocal, osloDate, osloLocalToIso, useT } from '../../i18n';
import type { Api } from '../../services/api';
import { lines, OutcomeBar, useSave } from './common';
import { MoveOpenCases } from './MoveOpenCases';
import { useSettingsStyles } from './Settings.styles';
import { useAdminText } from './text';

type Kind = SlaTargetSpec['kind'];
const KINDS: Kind[] = ['business_minutes', 'working_days', 'cut_off', 'calendar_minutes', 'none'];

/** A target as the form holds it: its kind and one text value (minutes, days or 'HH:mm'). */
interface TargetForm {
  kind: Kind;
  value: string;
}
const toForm = (tf: SlaTargetSpec): TargetForm => ({
  kind: tf.kind,
  value:
    tf.kind === 'business_minutes' || tf.kind === 'calendar_minutes'
      ? String(tf.minutes)
      : tf.kind === 'working_days'
        ? String(tf.days)
        : tf.kind === 'cut_off'
          ? tf.before
          : '',
});
function fromForm(f: TargetForm, previous: SlaTargetSpec): SlaTargetSpec {
  switch (f.kind) {
    case 'business_minutes':
    case 'calendar_minutes':
      return { kind: f.kind, minutes: Number(f.value) };
    case 'working_days':
      return { kind: f.kind, days: Number(f.value) };
    case 'cut_off':
      return { kind: f.kind, before: f.value };
    case 'none':
      return previous.kind === 'none'
        ? previous
        : { kind: 'none', note: { nb: 'Ingen frist', en: 'No deadline' } };
  }
}

const weekText = (c: BusinessCalendar): string =>
  Object.entries(c.week)
    .map(([d, ps]) => `${d} ${(ps ?? []).map((p) => `${p.from}-${p.to}`).join(' ')}`)
    .join('\n');
function parseWeek(text: string): BusinessCalendar['week'] | null {
  const week: BusinessCalendar['week'] = {};
  for (const line of lines(text)) {
    const m = /^([1-7])\s+(.*)$/.exec(line);
    if (!m) return null;
    const periods = m[2]!.split(/\s+/).map((p) => {
      const [from, to] = p.split('-');
      return { from: from ?? '', to: to ?? '' };
    });
    week[Number(m[1]) as Weekday] = periods;
  }
  return week;
}
const closedText = (c: BusinessCalendar): string =>
  (c.closedDays ?? []).map((d) => `${d.date}${d.name ? ` ${d.name}` : ''}`).join('\n');
const parseClosed = (text: string) =>
  lines(text).map((l) => {
    const [date, ...name] = l.split(/\s+/);
    return name.length > 0 ? { date: date!, name: name.join(' ') } : { date: date! };
  });

/** Shortened days as lines 'YYYY-MM-DD HH:mm-HH:mm … name' (the periods replace that date's hours). */
const shortenedText = (c: BusinessCalendar): string =>
  (c.shortenedDays ?? [])
    .map((d) => [d.date, ...d.periods.map((p) => `${p.from}-${p.to}`), d.name ?? ''].join(' ').trim())
    .join('\n');
const parseShortened = (text: string) =>
  lines(text).map((l) => {
    const [date, ...rest] = l.split(/\s+/);
    const periods = rest.filter((w) => /^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/.test(w));
    const name = rest.filter((w) => !periods.includes(w)).join(' ');
    return {
      date: date!,
      periods: periods.map((p) => {
        const [from, to] = p.split('-');
        return { from: from!, to: to! };
      }),
      ...(name ? { name } : {}),
    };
  });

interface PolicyForm {
  name: string;
  week: string;
  closed: string;
  shortened: string;
  atRisk: string;
  aroundTheClock: boolean;
  targets: Array<{ response: TargetForm; resolution: TargetForm }>;
}
const policyForm = (p: SlaPolicy): PolicyForm => ({
  name: p.name,
  week: weekText(p.calendar),
  closed: closedText(p.calendar),
  shortened: shortenedText(p.calendar),
  atRisk: String(p.atRiskShare),
  aroundTheClock: p.criticalAroundTheClock,
  targets: p.priorities.map((x) => ({ response: toForm(x.response), resolution: toForm(x.resolution) })),
});

export function PolicySection({ api, now }: { api: Api; now: string }) {
  const styles = useSettingsStyles();
  const a = useAdminText();
  const { l, locale, t } = useT();
  const [desks, setDesks] = useState<Desk[] | null>(null);
  const [deskId, setDeskId] = useState('');
  const [loaded, setLoaded] = useState<AdminPolicyResponse | null>(null);
  const [form, setForm] = useState<PolicyForm | null>(null);
  const save = useSave();
  const [previewPriority, setPreviewPriority] = useState('');
  const [previewAt, setPreviewAt] = useState(isoToOsloLocal(new Date(now)));
  const [preview, setPreview] = useState<AdminPreviewResponse | null>(null);
  const previewSave = useSave();
  const icsId = useId('ics');
  const [skipped, setSkipped] = useState<string[]>([]);

  useEffect(() => {
    void api.get<AdminDesksResponse>('/api/admin/desks').then((r) => {
      setDesks(r.desks);
      setDeskId((id) => id || (r.desks[0]?.id ?? ''));
    });
  }, [api]);
  const show = useCallback((r: AdminPolicyResponse) => {
    setLoaded(r);
    setForm(policyForm(r.versions[0]!));
    setPreviewPriority(r.versions[0]!.priorities[0]?.id ?? '');
  }, []);
  useEffect(() => {
    if (deskId)
      void api.get<AdminPolicyResponse>(`/api/admin/policies/${encodeURIComponent(deskId)}`).then(show);
  }, [api, deskId, show]);

  if (!desks) return <Spinner />;
  const current = loaded?.versions[0];
  /** The draft policy from the form; null (with the field marked) when the hours cannot be read. */
  const draft = (): SlaPolicy | null => {
    if (!current || !form) return null;
    const week = parseWeek(form.week);
    if (!week) {
      save.setOutcome({
        kind: 'error',
        field: 'calendar.week',
        message: 'Skriv én ukedag per linje: 1 08:00-15:30.',
      });
      return null;
    }
    const { version: _v, ...rest } = current;
    return {
      ...rest,
      name: form.name,
      atRiskShare: Number(form.atRisk.replace(',', '.')),
      criticalAroundTheClock: form.aroundTheClock,
      calendar: {
        ...current.calendar,
        week,
        closedDays: parseClosed(form.closed),
        shortenedDays: parseShortened(form.shortened),
      },
      priorities: current.priorities.map((p, i) => ({
        ...p,
        response: fromForm(form.targets[i]!.response, p.response),
        resolution: fromForm(form.targets[i]!.resolution, p.resolution),
      })),
    };
  };
  const submit = async () => {
    const policy = draft();
    if (!policy || !loaded) return;
    await save.run(async () => {
      show(
        await api.put<AdminPolicyResponse>(`/api/admin/policies/${encodeURIComponent(deskId)}`, {
          version: loaded.version,
          policy,
        }),
      );
    }, a('saved'));
  };
  const runPreview = async () => {
    const policy = draft();
    if (!policy) return;
    await previewSave.run(async () => {
      setPreview(
        await api.post<AdminPreviewResponse>('/api/admin/policies/preview', {
          policy,
          priority: previewPriority,
          receivedAt: osloLocalToIso(previewAt),
        }),
      );
    }, '');
  };
  /** A field error from the server at `field` or below it (e.g. `calendar.week.3[0].to` at `calendar.week`). */
  const at = (field: string) => {
    const o = save.outcome?.kind === 'error' ? save.outcome : previewSave.outcome;
    return o?.kind === 'error' &&
      o.field &&
      (o.field === field || o.field.startsWith(`${field}.`) || o.field.startsWith(`${field}[`))
      ? o.message
      : undefined;
  };
  /** Closed and shortened days from an .ics file, read here in the browser and merged into the form. */
  const importIcs = async (file: File) => {
    if (!form || !current) return;
    const week = parseWeek(form.week) ?? current.calendar.week;
    const from = osloDate(new Date(now));
    const to = `${Number(from.slice(0, 4)) + 3}-12-31`;
    try {
      const days = importIcsDays(await file.text(), {
        calendar: { zone: current.calendar.zone, week },
        from,
        to,
      });
      const merged = mergeDays(
        {
          ...current.calendar,
          week,
          closedDays: parseClosed(form.closed),
          shortenedDays: parseShortened(form.shortened),
        },
        days,
      );
      setForm({ ...form, closed: closedText(merged), shortened: shortenedText(merged) });
      setSkipped(days.skipped.map((x) => `${x.summary ?? x.uid ?? ''}: ${l(x.reason)}`));
      save.setOutcome(null);
    } catch {
      save.setOutcome({ kind: 'error', field: 'ics', message: a('icsInvalid') });
    }
  };
  const due = (iso: string | undefined) => (iso ? formatDateTime(iso, locale) : a('noDeadline'));
  const setTarget = (i: number, which: 'response' | 'resolution', t: TargetForm) =>
    form && setForm({ ...form, targets: form.targets.map((x, j) => (j === i ? { ...x, [which]: t } : x)) });

  return (
    <form
      className={styles.form}
      data-testid="policy-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label={a('desk')}>
        <Select value={deskId} onChange={(_e, d) => setDeskId(d.value)} data-testid="policy-desk">
          {desks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      {!form || !current || !loaded ? (
        <Spinner />
      ) : (
        <>
          <Text data-testid="policy-versions">
            {loaded.versions
              .map(
                (v) =>
                  `${a('version')} ${v.version?.number ?? 1} ${a('validFrom')} ${formatDateTime(v.version?.validFrom ?? '1970-01-01T00:00:00Z', locale)}`,
              )
              .join(' · ')}
          </Text>
          <Field label={a('policyName')} validationMessage={at('name')}>
            <Input value={form.name} onChange={(_e, d) => setForm({ ...form, name: d.value })} />
          </Field>
          <div className={styles.row}>
            <Field label={a('hours')} validationMessage={at('calendar.week')} className={styles.grow}>
              <Textarea
                value={form.week}
                onChange={(_e, d) => setForm({ ...form, week: d.value })}
                rows={5}
              />
            </Field>
            <Field
              label={a('closedDays')}
              validationMessage={at('calendar.closedDays')}
              className={styles.grow}
            >
              <Textarea
                value={form.closed}
                onChange={(_e, d) => setForm({ ...form, closed: d.value })}
                rows={5}
              />
            </Field>
            <Field
              label={a('shortenedDays')}
              validationMessage={at('calendar.shortenedDays')}
              className={styles.grow}
            >
              <Textarea
                value={form.shortened}
                onChange={(_e, d) => setForm({ ...form, shortened: d.value })}
                rows={5}
                data-testid="policy-shortened"
              />
            </Field>
          </div>
          <div>
            <Label htmlFor={icsId}>{a('icsImport')}</Label>{' '}
            <input
              id={icsId}
              type="file"
              accept=".ics,text/calendar"
              data-testid="policy-ics"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void importIcs(f);
              }}
            />
            {save.at('ics') && <Text role="alert">{save.at('ics')}</Text>}
            {skipped.length > 0 && (
              <Text data-testid="policy-ics-skipped">
                {a('icsSkipped')} {skipped.join(' · ')}
              </Text>
            )}
          </div>
          <div className={styles.row}>
            <Field label={a('atRisk')} validationMessage={at('atRiskShare')}>
              <Input
                value={form.atRisk}
                onChange={(_e, d) => setForm({ ...form, atRisk: d.value })}
                data-testid="policy-at-risk"
              />
            </Field>
            <Checkbox
              label={a('aroundTheClock')}
              checked={form.aroundTheClock}
              onChange={(_e, d) => setForm({ ...form, aroundTheClock: d.checked === true })}
            />
          </div>
          {current.priorities.map((p, i) => (
            <fieldset key={p.id} className={styles.priority} data-policy-priority={p.id}>
              <legend>{l(p.label)}</legend>
              {(['response', 'resolution'] as const).map((which) => {
                const tf = form.targets[i]![which];
                const field = `priorities[${i}].${which}`;
                return (
                  <div key={which} className={styles.row}>
                    <Field label={`${a(which)}: ${a('kind')}`} className={styles.grow}>
                      <Select
                        value={tf.kind}
                        onChange={(_e, d) => setTarget(i, which, { kind: d.value as Kind, value: tf.value })}
                        data-testid={`${p.id}-${which}-kind`}
                      >
                        {KINDS.map((k) => (
                          <option key={k} value={k}>
                            {a(`kind_${k}`)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    {tf.kind !== 'none' && (
                      <Field
                        label={`${a(which)}: ${a('amount')}`}
                        validationMessage={at(field)}
                        className={styles.grow}
                      >
                        <Input
                          value={tf.value}
                          onChange={(_e, d) => setTarget(i, which, { kind: tf.kind, value: d.value })}
                          data-testid={`${p.id}-${which}-value`}
                        />
                      </Field>
                    )}
                  </div>
                );
              })}
            </fieldset>
          ))}
          <OutcomeBar outcome={save.outcome?.field ? null : save.outcome} testId="policy-outcome" />
          <div>
            <Button appearance="primary" type="submit" data-testid="policy-save">
              {a('savePolicy')}
            </Button>
          </div>
          <MoveOpenCases key={`${deskId}:${loaded.version}`} api={api} deskId={deskId} />
          <Subtitle2 as="h2">{a('previewTitle')}</Subtitle2>
          <div className={styles.row}>
            <Field label={t('priority')} className={styles.grow}>
              <Select
                value={previewPriority}
                onChange={(_e, d) => setPreviewPriority(d.value)}
                data-testid="preview-priority"
              >
                {current.priorities.map((p) => (
                  <option key={p.id} value={p.id}>
                    {l(p.label)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label={a('receivedAt')}
              validationMessage={previewSave.at('receivedAt')}
              className={styles.grow}
            >
              <Input
                type="datetime-local"
                value={previewAt}
                onChange={(_e, d) => setPreviewAt(d.value)}
                data-testid="preview-at"
              />
            </Field>
            <Button onClick={() => void runPreview()} data-testid="preview-run">
              {a('preview')}
            </Button>
          </div>
          <OutcomeBar
            outcome={
              previewSave.outcome?.kind === 'error' && !previewSave.outcome.field ? previewSave.outcome : null
            }
            testId="preview-outcome"
          />
          {preview && (
            <Text data-testid="preview-result" role="status">
              {l(
                current.priorities.find((p) => p.id === preview.priority)?.label ?? {
                  nb: preview.priority,
                  en: preview.priority,
                },
              )}{' '}
              ({formatDateTime(preview.receivedAt, locale)}) {a('previewLine')} {due(preview.response.dueAt)}{' '}
              {a('previewAnd')} {due(preview.resolution.dueAt)}.
            </Text>
          )}
        </>
      )}
    </form>
  );
}

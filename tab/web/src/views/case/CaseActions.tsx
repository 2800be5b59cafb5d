/** The desk's actions on a case in the tab (the channel card's: claim, priority, wait, resume, escalate, solve). */
import { Button, Field, Input, mergeClasses, Select, Subtitle2, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { LINE_LABELS, WAIT_REASON_LABELS } from '../../../../../shared/cases/labels';
import type { SupportLine, WaitReason } from '../../../../../shared/cases/model';
import type { CaseAction, CaseDetailResponse } from '../../../../common/api-types';
import { useT } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';

export function CaseActions({
  detail,
  run,
  busy,
  meId,
}: {
  meId: string;
  detail: CaseDetailResponse;
  run: (body: CaseAction) => void;
  busy: boolean;
}) {
  const styles = useCaseStyles();
  const { t, l } = useT();
  const c = detail.case;
  const [priority, setPriority] = useState<string>(c.priority);
  // Another person's change (a live reload) moves the chosen priority along; typed text stays.
  useEffect(() => setPriority(c.priority), [c.priority]);
  const [reason, setReason] = useState('');
  const [waitReason, setWaitReason] = useState<Exclude<WaitReason, 'approval'>>('supplier');
  const [supplierNo, setSupplierNo] = useState('');
  const [line, setLine] = useState<SupportLine>('third');
  const [note, setNote] = useState('');
  const [supplierPick, setSupplierPick] = useState(detail.suppliers?.[0]?.id ?? '');
  const [supplierName, setSupplierName] = useState('');
  const [solution, setSolution] = useState('');
  const working = c.status === 'new' || c.status === 'in_progress' || c.status === 'waiting';
  return (
    <section className={mergeClasses(styles.card, styles.wide)} data-testid="actions">
      <Subtitle2>{t('actions')}</Subtitle2>
      <div className={styles.actions}>
        <div className={styles.actionRow}>
          <Button
            appearance="primary"
            disabled={busy || !working || c.assignee?.id === meId}
            onClick={() => run({ action: 'claim' })}
          >
            {t('claim')}
          </Button>
          {c.status === 'waiting' && (
            <Button disabled={busy} onClick={() => run({ action: 'resume' })}>
              {t('resume')}
            </Button>
          )}
        </div>
        <div className={styles.actionRow}>
          <Field label={t('priority')}>
            <Select value={priority} onChange={(_e, d) => setPriority(d.value)} data-testid="priority-select">
              {detail.policy.priorities.map((p) => (
                <option key={p.id} value={p.id}>
                  {l(p.label)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('reason')}>
            <Input value={reason} onChange={(_e, d) => setReason(d.value)} />
          </Field>
          <Button
            disabled={busy || priority === c.priority}
            onClick={() => run({ action: 'priority', priority, ...(reason ? { reason } : {}) })}
          >
            {t('changePriority')}
          </Button>
        </div>
        <div className={styles.actionRow}>
          <Field label={t('waitReason')}>
            <Select
              value={waitReason}
              onChange={(_e, d) => setWaitReason(d.value as Exclude<WaitReason, 'approval'>)}
            >
              {(['supplier', 'third_line', 'reporter'] as const).map((r) => (
                <option key={r} value={r}>
                  {l(WAIT_REASON_LABELS[r])}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('supplierCaseNumber')}>
            <Input value={supplierNo} onChange={(_e, d) => setSupplierNo(d.value)} />
          </Field>
          <Button
            disabled={busy || !(c.status === 'in_progress' || c.status === 'waiting')}
            onClick={() =>
              run({
                action: 'wait',
                reason: waitReason,
                ...(supplierNo ? { supplierCaseNumber: supplierNo } : {}),
              })
            }
          >
            {t('wait')}
          </Button>
        </div>
        <div className={styles.actionRow}>
          <Field label={t('toLine')}>
            <Select value={line} onChange={(_e, d) => setLine(d.value as SupportLine)}>
              {(['second', 'third', 'supplier'] as const).map((x) => (
                <option key={x} value={x}>
                  {l(LINE_LABELS[x])}
                </option>
              ))}
            </Select>
          </Field>
          {line === 'supplier' && detail.suppliers && detail.suppliers.length > 0 && (
            <Field label={t('supplierPick')}>
              <Select value={supplierPick} onChange={(_e, d) => setSupplierPick(d.value)}>
                <option value="">{t('supplierNone')}</option>
                {detail.suppliers.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {line === 'supplier' && !supplierPick && (
            <Field label={t('supplierOther')}>
              <Input value={supplierName} onChange={(_e, d) => setSupplierName(d.value)} />
            </Field>
          )}
          <Field label={t('note')}>
            <Input value={note} onChange={(_e, d) => setNote(d.value)} />
          </Field>
          <Button
            disabled={busy || !working}
            onClick={() =>
              run({
                action: 'escalate',
                toLine: line,
                ...(line === 'supplier' && supplierPick ? { supplierId: supplierPick } : {}),
                ...(line === 'supplier' && !supplierPick && supplierName ? { supplier: supplierName } : {}),
                ...(note ? { note } : {}),
              })
            }
          >
            {t('escalate')}
          </Button>
        </div>
        <div className={styles.actionRow}>
          <Field label={t('solution')} style={{ flexGrow: 1 }}>
            <Textarea value={solution} onChange={(_e, d) => setSolution(d.value)} resize="vertical" />
          </Field>
          <Button
            disabled={busy || !working || solution.trim() === ''}
            onClick={() => run({ action: 'solve', solution })}
          >
            {t('solve')}
          </Button>
        </div>
      </div>
    </section>
  );
}

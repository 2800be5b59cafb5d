/** The change log: every admin change of one object (or, for administrators, of everything), newest first. */
import {
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../../shared/ports';
import type { AdminAuditResponse } from '../../../../api/handlers/admin/types';
import { formatDateTime, useT } from '../../i18n';
import type { Api } from '../../services/api';
import { OutcomeBar, useSave } from './common';
import { useSettingsStyles } from './Settings.styles';
import { useAdminText } from './text';

type ObjectType = AuditEntry['objectType'];
const TYPES: ObjectType[] = ['desk', 'policy', 'service', 'organisation'];

/** The top-level fields an entry changed. */
function changed(e: AuditEntry): string {
  const a = (e.before ?? {}) as Record<string, unknown>;
  const b = (e.after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort()
    .join(', ');
}

export function AuditSection({ api, admin }: { api: Api; admin: boolean }) {
  const styles = useSettingsStyles();
  const a = useAdminText();
  const { locale } = useT();
  const [type, setType] = useState<ObjectType | ''>(admin ? '' : 'desk');
  const [id, setId] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const show = useSave();
  const load = useCallback(
    (t: ObjectType | '', objectId: string) => {
      const q = t && objectId ? `?type=${t}&id=${encodeURIComponent(objectId)}` : '';
      void show.run(
        () => api.get<AdminAuditResponse>(`/api/admin/audit${q}`).then((r) => setEntries(r.entries)),
        '',
      );
    },
    [api],
  );
  useEffect(() => {
    if (admin) load('', '');
  }, [admin, load]);
  return (
    <div className={styles.form}>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          load(type, id);
        }}
      >
        <Field label={a('object')}>
          <Select
            value={type}
            onChange={(_e, d) => setType(d.value as ObjectType | '')}
            data-testid="audit-type"
          >
            {admin && <option value="">{a('everything')}</option>}
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {a(`type_${t}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Id" className={styles.grow}>
          <Input value={id} onChange={(_e, d) => setId(d.value)} data-testid="audit-id" />
        </Field>
        <Button type="submit" data-testid="audit-show">
          {a('show')}
        </Button>
      </form>
      <OutcomeBar outcome={show.outcome?.kind === 'error' ? show.outcome : null} testId="audit-outcome" />
      {entries &&
        (entries.length === 0 ? (
          <Text>{a('noEntries')}</Text>
        ) : (
          <Table className={styles.table} aria-label={a('sectionAudit')} data-testid="audit-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{a('when')}</TableHeaderCell>
                <TableHeaderCell>{a('who')}</TableHeaderCell>
                <TableHeaderCell>{a('object')}</TableHeaderCell>
                <TableHeaderCell>{a('what')}</TableHeaderCell>
                <TableHeaderCell>{a('fields')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{formatDateTime(e.at, locale)}</TableCell>
                  <TableCell>{e.actor.name ?? e.actor.id}</TableCell>
                  <TableCell>
                    {a(`type_${e.objectType}`)} {e.objectId}
                  </TableCell>
                  <TableCell>{e.action}</TableCell>
                  <TableCell>{changed(e)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </div>
  );
}

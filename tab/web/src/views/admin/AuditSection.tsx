/** The change log: every admin change of one object (or, for administrators, of everything), newest first. */
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { AdminAuditEntry, AdminAuditResponse } from '../../../../api/handlers/admin/types';
import { formatDateTime, useT } from '../../i18n';
import type { Api } from '../../services/api';
import { OutcomeBar, SimpleTable, useSave } from './common';
import { useSettingsStyles } from './Settings.styles';
import { useAdminText } from './text';

type ObjectType = AdminAuditEntry['objectType'];
const TYPES: ObjectType[] = ['desk', 'policy', 'service', 'organisation'];

export function AuditSection({ api, admin }: { api: Api; admin: boolean }) {
  const styles = useSettingsStyles();
  const a = useAdminText();
  const { locale } = useT();
  const [type, setType] = useState<ObjectType | ''>(admin ? '' : 'desk');
  const [id, setId] = useState('');
  const [entries, setEntries] = useState<AdminAuditEntry[] | null>(null);
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
          <SimpleTable
            label={a('sectionAudit')}
            testId="audit-table"
            columns={[a('when'), a('who'), a('object'), a('what'), a('fields')]}
            rows={entries.map((e) => ({
              key: e.id,
              cells: [
                formatDateTime(e.at, locale),
                e.actor.name ?? e.actor.id,
                `${a(`type_${e.objectType}`)} ${e.objectId}`,
                e.action,
                e.fields.join(', '),
              ],
            }))}
          />
        ))}
    </div>
  );
}

/** Organisations (virksomheter): name and who may report (all employees, or only named groups). */
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Textarea,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Organisation } from '../../../../../shared/desks/model';
import type {
  AdminOrganisationResponse,
  AdminOrganisationsResponse,
} from '../../../../api/handlers/admin/types';
import type { Api } from '../../services/api';
import { lines, OutcomeBar, SimpleTable, useSave } from './common';
import { useSettingsStyles } from './Settings.styles';
import { useAdminText } from './text';

const EMPTY = { id: '', name: '', kind: 'all' as 'all' | 'groups', groups: '', contact: '' };

export function OrganisationsSection({ api }: { api: Api }) {
  const styles = useSettingsStyles();
  const a = useAdminText();
  const [orgs, setOrgs] = useState<Organisation[] | null>(null);
  const [editing, setEditing] = useState<{ id: string; version: string } | null>(null);
  const [form, setForm] = useState(EMPTY);
  const save = useSave();
  const load = useCallback(() => {
    void api
      .get<AdminOrganisationsResponse>('/api/admin/organisations')
      .then((r) => setOrgs(r.organisations));
  }, [api]);
  useEffect(load, [load]);
  if (!orgs) return <Spinner />;

  const edit = async (id: string) => {
    const r = await api.get<AdminOrganisationResponse>(`/api/admin/organisations/${encodeURIComponent(id)}`);
    const rule = r.item.reporting ?? { kind: 'all' };
    setEditing({ id, version: r.version });
    setForm({
      id: r.item.id,
      name: r.item.name,
      kind: rule.kind,
      groups: rule.kind === 'groups' ? rule.groupIds.join('\n') : '',
      contact: rule.kind === 'groups' ? rule.contact : '',
    });
    save.setOutcome(null);
  };
  const submit = async () => {
    const reporting =
      form.kind === 'all'
        ? { kind: 'all' }
        : { kind: 'groups', groupIds: lines(form.groups), contact: form.contact };
    const body = { id: form.id, name: form.name, reporting };
    const ok = await save.run(
      () =>
        editing
          ? api.put(`/api/admin/organisations/${encodeURIComponent(editing.id)}`, {
              ...body,
              version: editing.version,
            })
          : api.post('/api/admin/organisations', body),
      a('saved'),
    );
    if (ok) {
      setEditing(null);
      setForm(EMPTY);
      load();
    }
  };
  return (
    <>
      <SimpleTable
        label={a('sectionOrgs')}
        columns={[a('name'), a('whoReports'), a('edit')]}
        rows={orgs.map((o) => ({
          key: o.id,
          cells: [
            o.name,
            o.reporting?.kind === 'groups' ? a('reportGroups') : a('reportAll'),
            <Button
              key="edit"
              size="small"
              onClick={() => void edit(o.id)}
              aria-label={`${a('edit')} ${o.name}`}
            >
              {a('edit')}
            </Button>,
          ],
        }))}
      />
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Subtitle2 as="h2">{editing ? a('editOrg') : a('newOrg')}</Subtitle2>
        <div className={styles.row}>
          <Field label={a('id')} validationMessage={save.at('id')} className={styles.grow}>
            <Input
              value={form.id}
              disabled={editing !== null}
              onChange={(_e, d) => setForm({ ...form, id: d.value })}
            />
          </Field>
          <Field label={a('name')} validationMessage={save.at('name')} className={styles.grow}>
            <Input value={form.name} onChange={(_e, d) => setForm({ ...form, name: d.value })} />
          </Field>
        </div>
        <Field label={a('whoReports')} validationMessage={save.at('reporting.kind')}>
          <RadioGroup
            value={form.kind}
            onChange={(_e, d) => setForm({ ...form, kind: d.value as 'all' | 'groups' })}
          >
            <Radio value="all" label={a('reportAll')} />
            <Radio value="groups" label={a('reportGroups')} />
          </RadioGroup>
        </Field>
        {form.kind === 'groups' && (
          <>
            <Field label={a('groups')} validationMessage={save.at('reporting.groupIds')}>
              <Textarea value={form.groups} onChange={(_e, d) => setForm({ ...form, groups: d.value })} />
            </Field>
            <Field label={a('contact')} validationMessage={save.at('reporting.contact')}>
              <Input value={form.contact} onChange={(_e, d) => setForm({ ...form, contact: d.value })} />
            </Field>
          </>
        )}
        <OutcomeBar outcome={save.outcome?.field ? null : save.outcome} testId="org-outcome" />
        <div className={styles.row}>
          <Button appearance="primary" type="submit">
            {editing ? a('save') : a('create')}
          </Button>
          {editing && (
            <Button
              onClick={() => {
                setEditing(null);
                setForm(EMPTY);
              }}
            >
              {a('cancel')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

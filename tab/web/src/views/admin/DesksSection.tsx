/** A desk's settings: name, phone, e-mail, after-hours text, members, member group, auto-close days. */
import { Button, Field, Input, Select, Spinner, Textarea } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Desk } from '../../../../../shared/desks/model';
import type { AdminDeskResponse, AdminDesksResponse } from '../../../../api/handlers/admin/types';
import type { Api } from '../../services/api';
import { lines, OutcomeBar, useSave } from './common';
import { useSettingsStyles } from './Settings.styles';
import { useAdminText } from './text';

export function DesksSection({ api }: { api: Api }) {
  const styles = useSettingsStyles();
  const a = useAdminText();
  const [desks, setDesks] = useState<Desk[] | null>(null);
  const [deskId, setDeskId] = useState('');
  const [loaded, setLoaded] = useState<AdminDeskResponse | null>(null);
  const [form, setForm] = useState({
    name: '',
    phone: '',
    email: '',
    afterHours: '',
    members: '',
    group: '',
    days: '',
  });
  const save = useSave();

  useEffect(() => {
    void api.get<AdminDesksResponse>('/api/admin/desks').then((r) => {
      setDesks(r.desks);
      setDeskId((id) => id || (r.desks[0]?.id ?? ''));
    });
  }, [api]);
  const load = useCallback(
    (id: string) =>
      api.get<AdminDeskResponse>(`/api/admin/desks/${encodeURIComponent(id)}`).then((r) => {
        setLoaded(r);
        const d = r.item;
        setForm({
          name: d.name,
          phone: d.phone,
          email: d.email ?? '',
          afterHours: d.afterHours ?? '',
          members: d.members.join('\n'),
          group: d.memberGroupId ?? '',
          days: String(d.autoCloseWorkingDays),
        });
      }),
    [api],
  );
  useEffect(() => {
    if (deskId) void load(deskId);
  }, [deskId, load]);

  if (!desks) return <Spinner />;
  const set = (k: keyof typeof form) => (_e: unknown, d: { value: string }) =>
    setForm({ ...form, [k]: d.value });
  const submit = async () => {
    if (!loaded) return;
    await save.run(async () => {
      const r = await api.put<AdminDeskResponse>(`/api/admin/desks/${encodeURIComponent(deskId)}`, {
        version: loaded.version,
        name: form.name,
        phone: form.phone,
        email: form.email,
        afterHours: form.afterHours,
        members: lines(form.members),
        memberGroupId: form.group,
        escalationContacts: loaded.item.escalationContacts,
        autoCloseWorkingDays: Number(form.days),
      });
      setLoaded(r);
    }, a('saved'));
  };
  return (
    <form
      className={styles.form}
      data-testid="desk-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label={a('desk')}>
        <Select value={deskId} onChange={(_e, d) => setDeskId(d.value)} data-testid="desk-select">
          {desks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={a('name')} validationMessage={save.at('name')}>
        <Input value={form.name} onChange={set('name')} />
      </Field>
      <div className={styles.row}>
        <Field label={a('phone')} validationMessage={save.at('phone')} className={styles.grow}>
          <Input value={form.phone} onChange={set('phone')} data-testid="desk-phone" />
        </Field>
        <Field label={a('email')} validationMessage={save.at('email')} className={styles.grow}>
          <Input value={form.email} onChange={set('email')} type="email" />
        </Field>
      </div>
      <Field label={a('afterHours')} validationMessage={save.at('afterHours')}>
        <Textarea value={form.afterHours} onChange={set('afterHours')} />
      </Field>
      <Field label={a('members')} validationMessage={save.at('members')}>
        <Textarea value={form.members} onChange={set('members')} />
      </Field>
      <div className={styles.row}>
        <Field label={a('memberGroup')} validationMessage={save.at('memberGroupId')} className={styles.grow}>
          <Input value={form.group} onChange={set('group')} />
        </Field>
        <Field label={a('autoClose')} validationMessage={save.at('autoCloseWorkingDays')}>
          <Input value={form.days} onChange={set('days')} type="number" min={1} max={60} />
        </Field>
      </div>
      <OutcomeBar outcome={save.outcome?.field ? null : save.outcome} testId="desk-outcome" />
      <div>
        <Button appearance="primary" type="submit" data-testid="desk-save">
          {a('save')}
        </Button>
      </div>
    </form>
  );
}

/**
 * A desk's settings: name, phone, e-mail, after-hours text, members (people found in the directory)
 * and/or an Entra group, escalation contacts, auto-close days; and its Teams channels (linked from
 * Teams with `koble`), each of which can be unlinked after a confirmation. An administrator can add a
 * desk ("Ny servicedesk", `NewDeskForm`); it opens here once made.
 */
import { Button, Field, Input, Select, Spinner, Subtitle2, Textarea } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Person } from '../../../../../shared/cases/model';
import type { Desk } from '../../../../../shared/desks/model';
import type { AdminDeskResponse, AdminDesksResponse } from '../../../../api/handlers/admin/types';
import type { Api } from '../../services/api';
import { ChannelsPanel } from './ChannelsPanel';
import { OutcomeBar, useSave, type Outcome } from './common';
import { NewDeskForm } from './NewDeskForm';
import { PeoplePicker } from './PeoplePicker';
import { useSettingsStyles } from './Settings.styles';
import { useAdminText } from './text';

interface DeskForm {
  name: string;
  phone: string;
  email: string;
  afterHours: string;
  members: Person[];
  group: string;
  contacts: Person[];
  days: string;
}

const formOf = (r: AdminDeskResponse): DeskForm => {
  const d = r.item;
  return {
    name: d.name,
    phone: d.phone,
    email: d.email ?? '',
    afterHours: d.afterHours ?? '',
    members: r.members,
    group: d.memberGroupId ?? '',
    contacts: d.escalationContacts,
    days: String(d.autoCloseWorkingDays),
  };
};

export function DesksSection({ api, admin = false }: { api: Api; admin?: boolean }) {
  const styles = useSettingsStyles();
  const a = useAdminText();
  const [desks, setDesks] = useState<Desk[] | null>(null);
  const [deskId, setDeskId] = useState('');
  const [loaded, setLoaded] = useState<AdminDeskResponse | null>(null);
  const [form, setForm] = useState<DeskForm | null>(null);
  const save = useSave();
  const [creating, setCreating] = useState(false);
  /** Said at the top once a desk is made (with how to link its channel); gone with the next save. */
  const [created, setCreated] = useState<Outcome | null>(null);

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
        setForm(formOf(r));
      }),
    [api],
  );
  useEffect(() => {
    if (deskId) void load(deskId);
  }, [deskId, load]);

  if (!desks || !form) return <Spinner />;
  if (creating)
    return (
      <NewDeskForm
        api={api}
        desks={desks}
        onCancel={() => setCreating(false)}
        onCreated={(r) => {
          setDesks([...desks, r.item]);
          setDeskId(r.item.id);
          setCreating(false);
          save.setOutcome(null);
          setCreated({ kind: 'ok', message: a('deskCreated').replace('{desk}', r.item.id) });
        }}
      />
    );
  const set =
    (k: 'name' | 'phone' | 'email' | 'afterHours' | 'group' | 'days') =>
    (_e: unknown, d: { value: string }) =>
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
        members: form.members.map((p) => p.id),
        memberGroupId: form.group,
        escalationContacts: form.contacts,
        autoCloseWorkingDays: Number(form.days),
      });
      setLoaded(r);
      setForm(formOf(r));
    }, a('saved'));
  };
  return (
    <>
      <form
        className={styles.form}
        data-testid="desk-form"
        // The server names every bad value at its field, in Norwegian (not the browser's own tooltip).
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className={styles.row}>
          <Field label={a('desk')} className={styles.grow}>
            <Select
              value={deskId}
              onChange={(_e, d) => {
                setDeskId(d.value);
                setCreated(null);
              }}
              data-testid="desk-select"
            >
              {desks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
          {admin && (
            <Button onClick={() => setCreating(true)} data-testid="new-desk">
              {a('newDesk')}
            </Button>
          )}
        </div>
        <OutcomeBar outcome={save.outcome ? null : created} testId="desk-created" />
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
        <PeoplePicker
          api={api}
          label={a('members')}
          searchLabel={a('searchMember')}
          testId="desk-members"
          people={form.members}
          onChange={(members) => setForm({ ...form, members })}
          error={save.at('members')}
        />
        <div className={styles.row}>
          <Field
            label={a('memberGroup')}
            validationMessage={save.at('memberGroupId')}
            className={styles.grow}
          >
            <Input value={form.group} onChange={set('group')} data-testid="desk-group" />
          </Field>
          <Field label={a('autoClose')} validationMessage={save.at('autoCloseWorkingDays')}>
            <Input value={form.days} onChange={set('days')} type="number" min={1} max={60} />
          </Field>
        </div>
        <PeoplePicker
          api={api}
          label={a('escalationContacts')}
          searchLabel={a('searchContact')}
          testId="desk-contacts"
          people={form.contacts}
          onChange={(contacts) => setForm({ ...form, contacts })}
          error={save.at('escalationContacts')}
        />
        <OutcomeBar outcome={save.outcome?.field ? null : save.outcome} testId="desk-outcome" />
        <div>
          <Button appearance="primary" type="submit" data-testid="desk-save">
            {a('save')}
          </Button>
        </div>
      </form>
      {loaded && (
        <section className={styles.form} aria-labelledby="desk-channels-title" data-testid="desk-channels">
          <Subtitle2 as="h2" id="desk-channels-title">
            {a('channels')}
          </Subtitle2>
          <ChannelsPanel api={api} desk={loaded} onChanged={setLoaded} />
        </section>
      )}
    </>
  );
}

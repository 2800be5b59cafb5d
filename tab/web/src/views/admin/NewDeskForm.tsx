/**
 * "Ny servicedesk" (administrators): a new desk's id, name, phone, e-mail, members, the organisations
 * it serves and its first SLA policy, copied from a preset or from an existing desk's policy in force.
 * The server checks every field and names a bad one at its field, in Norwegian; a taken id is refused.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Select,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Person } from '../../../../../shared/cases/model';
import type { Desk, Organisation } from '../../../../../shared/desks/model';
import { PRESET_IDS, PRESETS } from '../../../../../shared/sla/presets';
import type { AdminDeskResponse, AdminOrganisationsResponse } from '../../../../api/handlers/admin/types';
import type { Api } from '../../services/api';
import { OutcomeBar, useSave } from './common';
import { PeoplePicker } from './PeoplePicker';
import { useSettingsStyles } from './Settings.styles';
import { useAdminText } from './text';

interface Form {
  id: string;
  name: string;
  phone: string;
  email: string;
  members: Person[];
  orgIds: string[];
  /** `preset:<id>` or `desk:<id>`. */
  policyFrom: string;
}

const EMPTY: Form = {
  id: '',
  name: '',
  phone: '',
  email: '',
  members: [],
  orgIds: [],
  policyFrom: `preset:${PRESET_IDS[0]}`,
};

/** Fields side by side line up at the top: a hint or an error under one must not lift its neighbour. */
const useLocalStyles = makeStyles({ top: { alignItems: 'flex-start' } });

const policySource = (v: string): { preset: string } | { copyOf: string } =>
  v.startsWith('desk:') ? { copyOf: v.slice(5) } : { preset: v.replace(/^preset:/, '') };

export function NewDeskForm(props: {
  api: Api;
  desks: Desk[];
  onCreated: (d: AdminDeskResponse) => void;
  onCancel: () => void;
}) {
  const { api, desks } = props;
  const styles = useSettingsStyles();
  const local = useLocalStyles();
  const a = useAdminText();
  const [form, setForm] = useState<Form>(EMPTY);
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const save = useSave();

  useEffect(() => {
    void api
      .get<AdminOrganisationsResponse>('/api/admin/organisations')
      .then((r) => setOrgs([...r.organisations].sort((x, y) => x.name.localeCompare(y.name, 'nb'))));
  }, [api]);

  const set = (k: 'id' | 'name' | 'phone' | 'email') => (_e: unknown, d: { value: string }) =>
    setForm({ ...form, [k]: d.value });
  const submit = () =>
    save.run(
      async () => {
        const r = await api.post<AdminDeskResponse>('/api/admin/desks', {
          id: form.id.trim(),
          name: form.name,
          phone: form.phone,
          email: form.email,
          members: form.members.map((p) => p.id),
          orgIds: form.orgIds,
          policyFrom: policySource(form.policyFrom),
        });
        props.onCreated(r);
      },
      a('deskCreated').replace('{desk}', form.id.trim()),
    );

  return (
    <form
      className={styles.form}
      data-testid="new-desk-form"
      aria-labelledby="new-desk-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Subtitle2 as="h2" id="new-desk-title">
        {a('newDesk')}
      </Subtitle2>
      <div className={mergeClasses(styles.row, local.top)}>
        <Field
          label={a('deskIdLabel')}
          hint={a('deskIdHint')}
          validationMessage={save.at('id')}
          className={styles.grow}
        >
          <Input value={form.id} onChange={set('id')} data-testid="new-desk-id" />
        </Field>
        <Field label={a('name')} validationMessage={save.at('name')} className={styles.grow}>
          <Input value={form.name} onChange={set('name')} data-testid="new-desk-name" />
        </Field>
      </div>
      <div className={mergeClasses(styles.row, local.top)}>
        <Field label={a('phone')} validationMessage={save.at('phone')} className={styles.grow}>
          <Input value={form.phone} onChange={set('phone')} type="tel" data-testid="new-desk-phone" />
        </Field>
        <Field label={a('email')} validationMessage={save.at('email')} className={styles.grow}>
          <Input value={form.email} onChange={set('email')} type="email" data-testid="new-desk-email" />
        </Field>
      </div>
      <Field label={a('policyFrom')} hint={a('policyFromHint')} validationMessage={save.at('policyFrom')}>
        <Select
          value={form.policyFrom}
          onChange={(_e, d) => setForm({ ...form, policyFrom: d.value })}
          data-testid="new-desk-policy"
        >
          <optgroup label={a('presetGroup')}>
            {PRESET_IDS.map((id) => (
              <option key={id} value={`preset:${id}`}>
                {PRESETS[id].name}
              </option>
            ))}
          </optgroup>
          <optgroup label={a('copyGroup')}>
            {desks.map((d) => (
              <option key={d.id} value={`desk:${d.id}`}>
                {d.name}
              </option>
            ))}
          </optgroup>
        </Select>
      </Field>
      <fieldset className={styles.priority} data-testid="new-desk-orgs">
        <legend className={styles.legend}>{a('orgsServed')}</legend>
        {save.at('orgIds') && (
          <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
            {save.at('orgIds')}
          </Text>
        )}
        <div className={styles.row}>
          {orgs.map((o) => (
            <Checkbox
              key={o.id}
              label={o.name}
              data-org={o.id}
              checked={form.orgIds.includes(o.id)}
              onChange={(_e, d) =>
                setForm({
                  ...form,
                  orgIds: d.checked === true ? [...form.orgIds, o.id] : form.orgIds.filter((x) => x !== o.id),
                })
              }
            />
          ))}
        </div>
      </fieldset>
      <PeoplePicker
        api={api}
        label={a('members')}
        searchLabel={a('searchMember')}
        testId="new-desk-members"
        people={form.members}
        onChange={(members) => setForm({ ...form, members })}
        error={save.at('members')}
      />
      <OutcomeBar outcome={save.outcome?.field ? null : save.outcome} testId="new-desk-outcome" />
      <div className={styles.row}>
        <Button appearance="primary" type="submit" data-testid="new-desk-save">
          {a('create')}
        </Button>
        <Button onClick={props.onCancel}>{a('cancel')}</Button>
      </div>
    </form>
  );
}

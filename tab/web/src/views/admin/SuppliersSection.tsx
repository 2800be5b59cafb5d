/**
 * Operations suppliers (driftsleverandører), administrator only: the list, a form to create or change
 * one (what it operates, its services, the desk its incidents go to, contact, Entra client ids, the
 * webhook address and the NAME of the environment variable holding its signing secret), and its API
 * keys: a new key is shown once (only its hash is stored), at most two valid at a time, a revoke asks
 * first. Everything through `/api/admin/suppliers`; the server names every bad value at its field.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Desk, Service } from '../../../../../shared/desks/model';
import type { SupplierOperates, SupplierView } from '../../../../../shared/suppliers/model';
import type { AdminDesksResponse, AdminServicesResponse } from '../../../../api/handlers/admin/types';
import { formatDateTime, useT } from '../../i18n';
import type { Api } from '../../services/api';
import { lines, OutcomeBar, SimpleTable, useSave } from './common';
import { useSettingsStyles } from './Settings.styles';
import { useSupplierText } from './supplier-text';
import { useAdminText } from './text';

/** What the admin routes answer for one supplier. */
interface SupplierResponse {
  item: SupplierView;
  version: string;
  /** Only in the answer that creates a key: its text, never again. */
  key?: string;
  keyId?: string;
}

const useStyles = makeStyles({
  /** A group's message from the server (checkbox groups have no single field to carry it). */
  error: { color: tokens.colorPaletteRedForeground1 },
  stack: { display: 'flex', flexDirection: 'column' },
});

const OPERATES: SupplierOperates[] = ['application', 'infrastructure'];
const EMPTY = {
  id: '',
  name: '',
  operates: [] as SupplierOperates[],
  serviceIds: [] as string[],
  deskId: '',
  phone: '',
  email: '',
  entraAppIds: '',
  webhookUrl: '',
  secretName: '',
  previousSecretName: '',
  disabled: false,
};
type Form = typeof EMPTY;

const formOf = (s: SupplierView): Form => ({
  id: s.id,
  name: s.name,
  operates: [...s.operates],
  serviceIds: [...s.serviceIds],
  deskId: s.deskId,
  phone: s.phone,
  email: s.email,
  entraAppIds: s.entraAppIds.join('\n'),
  webhookUrl: s.webhook?.url ?? '',
  secretName: s.webhook?.secretName ?? '',
  previousSecretName: s.webhook?.previousSecretName ?? '',
  disabled: s.disabled === true,
});

/** The body the admin routes take; a field the page does not show (orgId) kept. */
function bodyOf(form: Form, current: SupplierView | undefined): Record<string, unknown> {
  const webhook =
    form.webhookUrl.trim() !== '' || form.secretName.trim() !== ''
      ? {
          url: form.webhookUrl.trim(),
          secretName: form.secretName.trim(),
          ...(form.previousSecretName.trim() !== ''
            ? { previousSecretName: form.previousSecretName.trim() }
            : {}),
        }
      : null;
  return {
    id: form.id.trim(),
    name: form.name,
    operates: form.operates,
    serviceIds: form.serviceIds,
    deskId: form.deskId,
    ...(current?.orgId ? { orgId: current.orgId } : {}),
    phone: form.phone,
    email: form.email,
    entraAppIds: lines(form.entraAppIds),
    webhook,
    disabled: form.disabled,
  };
}

export function SuppliersSection({ api }: { api: Api }) {
  const styles = { ...useSettingsStyles(), ...useStyles() };
  const a = useAdminText();
  const s = useSupplierText();
  const [suppliers, setSuppliers] = useState<SupplierView[] | null>(null);
  const [desks, setDesks] = useState<Desk[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const [editing, setEditing] = useState<SupplierResponse | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const save = useSave();

  const load = useCallback(() => {
    void api
      .get<{ suppliers: SupplierView[] }>('/api/admin/suppliers')
      .then((r) => setSuppliers(r.suppliers));
  }, [api]);
  useEffect(() => {
    load();
    void api.get<AdminDesksResponse>('/api/admin/desks').then((r) => {
      setDesks(r.desks);
      setForm((f) => (f.deskId === '' && r.desks[0] ? { ...f, deskId: r.desks[0].id } : f));
    });
    void api.get<AdminServicesResponse>('/api/admin/services').then((r) => setServices(r.services));
  }, [api, load]);
  if (!suppliers) return <Spinner />;

  const reset = () => {
    setEditing(null);
    setForm({ ...EMPTY, deskId: desks[0]?.id ?? '' });
  };
  const edit = async (id: string) => {
    const r = await api.get<SupplierResponse>(`/api/admin/suppliers/${encodeURIComponent(id)}`);
    setEditing(r);
    setForm(formOf(r.item));
    save.setOutcome(null);
  };
  const submit = async () => {
    const body = bodyOf(form, editing?.item);
    let saved: SupplierResponse | undefined;
    const ok = await save.run(async () => {
      saved = editing
        ? await api.put<SupplierResponse>(`/api/admin/suppliers/${encodeURIComponent(editing.item.id)}`, {
            ...body,
            version: editing.version,
          })
        : await api.post<SupplierResponse>('/api/admin/suppliers', body);
    }, a('saved'));
    if (ok && saved) {
      // Stay on the supplier just saved: its keys are made here next.
      setEditing(saved);
      setForm(formOf(saved.item));
      load();
    }
  };
  const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
  const deskName = (id: string) => desks.find((d) => d.id === id)?.name ?? id;

  return (
    <>
      {suppliers.length === 0 ? (
        <Text>{s('noSuppliers')}</Text>
      ) : (
        <SimpleTable
          label={s('section')}
          testId="supplier-table"
          columns={[a('name'), s('operates'), a('edit')]}
          rows={suppliers.map((x) => ({
            key: x.id,
            attrs: { 'data-supplier': x.id },
            cells: [
              // Three columns, so the list fits a phone: the desk and the state under the name.
              <div key="name" className={styles.stack}>
                <Text weight="semibold">{x.name}</Text>
                <Caption1>
                  {deskName(x.deskId)} · {x.disabled ? s('inactive') : s('active')}
                </Caption1>
              </div>,
              x.operates.map((o) => s(o)).join(', '),
              <Button
                key="edit"
                size="small"
                onClick={() => void edit(x.id)}
                aria-label={`${a('edit')} ${x.name}`}
              >
                {a('edit')}
              </Button>,
            ],
          }))}
        />
      )}

      <form
        className={styles.form}
        data-testid="supplier-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Subtitle2 as="h2">{editing ? s('editSupplier') : s('newSupplier')}</Subtitle2>
        <div className={styles.row}>
          <Field label={a('id')} validationMessage={save.at('id')} className={styles.grow}>
            <Input
              value={form.id}
              disabled={editing !== null}
              onChange={(_e, d) => setForm({ ...form, id: d.value })}
              data-testid="supplier-id"
            />
          </Field>
          <Field label={a('name')} validationMessage={save.at('name')} className={styles.grow}>
            <Input
              value={form.name}
              onChange={(_e, d) => setForm({ ...form, name: d.value })}
              data-testid="supplier-name"
            />
          </Field>
        </div>
        <fieldset className={styles.priority} data-testid="supplier-operates">
          <legend className={styles.legend}>{s('operates')}</legend>
          <div className={styles.row}>
            {OPERATES.map((o) => (
              <Checkbox
                key={o}
                label={s(o)}
                checked={form.operates.includes(o)}
                onChange={(_e, d) =>
                  setForm({ ...form, operates: toggle(form.operates, o, d.checked === true) })
                }
                data-testid={`supplier-operates-${o}`}
              />
            ))}
          </div>
          {save.at('operates') && (
            <Text role="alert" className={styles.error}>
              {save.at('operates')}
            </Text>
          )}
        </fieldset>
        <fieldset className={styles.priority} data-testid="supplier-services">
          <legend className={styles.legend}>{s('services')}</legend>
          <div className={styles.row}>
            {services
              .filter((x) => !x.retired || form.serviceIds.includes(x.id))
              .map((x) => (
                <Checkbox
                  key={x.id}
                  label={x.name}
                  checked={form.serviceIds.includes(x.id)}
                  onChange={(_e, d) =>
                    setForm({ ...form, serviceIds: toggle(form.serviceIds, x.id, d.checked === true) })
                  }
                  data-service-option={x.id}
                />
              ))}
          </div>
          {save.at('serviceIds') && (
            <Text role="alert" className={styles.error}>
              {save.at('serviceIds')}
            </Text>
          )}
        </fieldset>
        <div className={styles.row}>
          <Field label={s('desk')} validationMessage={save.at('deskId')} className={styles.grow}>
            <Select
              value={form.deskId}
              onChange={(_e, d) => setForm({ ...form, deskId: d.value })}
              data-testid="supplier-desk"
            >
              {desks.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s('phone')} validationMessage={save.at('phone')} className={styles.grow}>
            <Input
              type="tel"
              value={form.phone}
              onChange={(_e, d) => setForm({ ...form, phone: d.value })}
              data-testid="supplier-phone"
            />
          </Field>
          <Field label={s('email')} validationMessage={save.at('email')} className={styles.grow}>
            <Input
              type="email"
              value={form.email}
              onChange={(_e, d) => setForm({ ...form, email: d.value })}
              data-testid="supplier-email"
            />
          </Field>
        </div>
        <Field
          label={s('entraAppIds').replace('{id}', form.id || '<id>')}
          validationMessage={save.at('entraAppIds')}
        >
          <Textarea
            value={form.entraAppIds}
            onChange={(_e, d) => setForm({ ...form, entraAppIds: d.value })}
            data-testid="supplier-entra"
          />
        </Field>
        <div className={styles.row}>
          <Field label={s('webhookUrl')} validationMessage={save.at('webhook.url')} className={styles.grow}>
            <Input
              type="url"
              value={form.webhookUrl}
              onChange={(_e, d) => setForm({ ...form, webhookUrl: d.value })}
              data-testid="supplier-webhook-url"
            />
          </Field>
          <Field
            label={s('secretName')}
            hint={s('secretHint')}
            validationMessage={save.at('webhook.secretName')}
            className={styles.grow}
          >
            <Input
              value={form.secretName}
              onChange={(_e, d) => setForm({ ...form, secretName: d.value })}
              data-testid="supplier-secret-name"
            />
          </Field>
        </div>
        <Field
          label={s('previousSecretName')}
          hint={s('previousSecretHint')}
          validationMessage={save.at('webhook.previousSecretName')}
        >
          <Input
            value={form.previousSecretName}
            onChange={(_e, d) => setForm({ ...form, previousSecretName: d.value })}
            data-testid="supplier-previous-secret-name"
          />
        </Field>
        <Checkbox
          label={s('disabled')}
          checked={form.disabled}
          onChange={(_e, d) => setForm({ ...form, disabled: d.checked === true })}
          data-testid="supplier-disabled"
        />
        <OutcomeBar outcome={save.outcome?.field ? null : save.outcome} testId="supplier-outcome" />
        <div className={styles.row}>
          <Button appearance="primary" type="submit" data-testid="supplier-save">
            {editing ? a('save') : a('create')}
          </Button>
          {editing && <Button onClick={reset}>{a('cancel')}</Button>}
        </div>
      </form>

      {editing && (
        <KeysPanel
          api={api}
          supplier={editing}
          onChanged={(r) => {
            setEditing(r);
            load();
          }}
        />
      )}
    </>
  );
}

/** A supplier's API keys: the list, a new one shown once, a revoke after a confirmation. */
function KeysPanel(props: {
  api: Api;
  supplier: SupplierResponse;
  onChanged: (r: SupplierResponse) => void;
}) {
  const styles = useSettingsStyles();
  const a = useAdminText();
  const s = useSupplierText();
  const { locale } = useT();
  const save = useSave();
  const [shown, setShown] = useState<string | null>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const [confirming, setConfirming] = useState<{ id: string; hint: string } | null>(null);
  const sup = props.supplier.item;
  const active = sup.apiKeys.filter((k) => k.revokedAt === undefined);
  const base = `/api/admin/suppliers/${encodeURIComponent(sup.id)}/keys`;

  const create = async () => {
    setCopied(null);
    await save.run(async () => {
      const r = await props.api.post<SupplierResponse>(base, {});
      setShown(r.key ?? null);
      props.onChanged(r);
    }, s('keyMade'));
  };
  const revoke = async (id: string) => {
    setConfirming(null);
    await save.run(async () => {
      props.onChanged(await props.api.post<SupplierResponse>(`${base}/${encodeURIComponent(id)}/revoke`, {}));
    }, s('revoked'));
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className={styles.form} data-testid="supplier-keys" aria-labelledby="supplier-keys-title">
      <Subtitle2 as="h2" id="supplier-keys-title">
        {s('keys')}: {sup.name}
      </Subtitle2>
      <Text>{s('keysHelp')}</Text>
      {sup.apiKeys.length === 0 ? (
        <Text>{s('noKeys')}</Text>
      ) : (
        <SimpleTable
          label={s('keys')}
          testId="supplier-key-table"
          columns={[s('keyEnds'), s('keyCreated'), s('keyState'), s('revoke')]}
          rows={sup.apiKeys.map((k) => ({
            key: k.id,
            attrs: { 'data-key': k.id },
            cells: [
              `…${k.hint}`,
              formatDateTime(k.createdAt, locale),
              k.revokedAt
                ? s('keyRevoked').replace('{at}', formatDateTime(k.revokedAt, locale))
                : s('keyValid'),
              k.revokedAt ? (
                ''
              ) : (
                <Button
                  key="revoke"
                  size="small"
                  onClick={() => setConfirming({ id: k.id, hint: k.hint })}
                  aria-label={`${s('revoke')} …${k.hint}`}
                >
                  {s('revoke')}
                </Button>
              ),
            ],
          }))}
        />
      )}
      {shown && (
        <MessageBar intent="warning" data-testid="supplier-new-key" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s('keyOnceTitle')}</MessageBarTitle>
            {s('keyOnce')}
            <div className={styles.row}>
              <Field label={s('keyLabel')} className={styles.grow}>
                <Input readOnly value={shown} data-testid="supplier-key-text" />
              </Field>
              <Button onClick={() => void copy(shown)} data-testid="supplier-key-copy">
                {s('copy')}
              </Button>
              <Button
                onClick={() => {
                  setShown(null);
                  setCopied(null);
                }}
                data-testid="supplier-key-hide"
              >
                {s('hideKey')}
              </Button>
            </div>
            {copied && (
              <Text role="status" data-testid="supplier-key-copied">
                {copied === 'ok' ? s('copied') : s('copyFailed')}
              </Text>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {active.length >= 2 && <Text data-testid="supplier-max-keys">{s('maxKeys')}</Text>}
      <OutcomeBar outcome={save.outcome} testId="supplier-key-outcome" />
      <div className={styles.row}>
        <Button onClick={() => void create()} disabled={active.length >= 2} data-testid="supplier-key-new">
          {s('newKey')}
        </Button>
      </div>
      <Dialog open={confirming !== null} onOpenChange={(_e, d) => !d.open && setConfirming(null)}>
        <DialogSurface data-testid="revoke-dialog">
          <DialogBody>
            <DialogTitle>{s('revokeTitle')}</DialogTitle>
            <DialogContent>{confirming && s('revokeText').replace('{hint}', confirming.hint)}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => confirming && void revoke(confirming.id)}
                data-testid="revoke-confirm"
              >
                {s('revoke')}
              </Button>
              <Button onClick={() => setConfirming(null)}>{a('cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

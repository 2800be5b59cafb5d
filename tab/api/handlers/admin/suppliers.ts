/**
 * Operations suppliers in "Innstillinger" (administrator only): list, create, change, and their API
 * keys: a new key is answered ONCE (only its SHA-256 is stored), at most two are active at a time, and a
 * revoked key stops working at once. Every write is conditional on the version read and goes to the
 * admin audit log with the supplier as the admin sees it (no key hashes).
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { Catalogue } from '../../../../shared/app/catalogue';
import { newApiKey } from '../../../../shared/app/supplier-keys';
import type { RouteDef } from '../../../../shared/app/http-route';
import { FristvaktError } from '../../../../shared/errors';
import { deskId, isoInstant, orgId, serviceId, userId } from '../../../../shared/ids';
import type { AuditEntry } from '../../../../shared/ports';
import {
  activeKeys,
  MAX_ACTIVE_KEYS,
  SECRET_NAME,
  SUPPLIER_ID,
  supplierId,
  supplierView,
  type Supplier,
  type SupplierOperates,
} from '../../../../shared/suppliers/model';
import type { Caller } from '../../auth';
import { authed, type TabContext } from '../../context';
import { badRequest, forbidden, jsonBody, notFound, paramOf, sendJson } from '../../http';

type Obj = Record<string, unknown>;

/** The fields as the admin page names them, for messages shown at the field. */
const LABELS: Record<string, string> = {
  id: 'Id',
  name: 'Navn',
  phone: 'Telefon',
  email: 'E-post',
  deskId: 'Servicesenter',
  orgId: 'Virksomhet',
  url: 'Webhook-adresse',
  secretName: 'Navnet på signeringshemmeligheten',
  previousSecretName: 'Navnet på forrige signeringshemmelighet',
  operates: 'Drifter',
  serviceIds: 'Tjenester',
  entraAppIds: 'Entra-klient-id-er',
};
const label = (field: string): string => LABELS[field] ?? field;

function str(o: Obj, field: string, max = 200, required = true, at = field): string | undefined {
  const v = o[field];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (required) throw badRequest(at, `${label(field)} må fylles ut.`);
    return undefined;
  }
  if (typeof v !== 'string' || v.length > max)
    throw badRequest(at, `${label(field)} må være tekst (høyst ${max} tegn).`);
  return v.trim();
}
function list(o: Obj, field: string): string[] {
  const v = o[field] ?? [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== ''))
    throw badRequest(field, `${label(field)} må være en liste.`);
  return [...new Set((v as string[]).map((x) => x.trim()))];
}

/** The fields an administrator sets (keys have their own routes). */
function settings(body: Obj, current?: Supplier): Omit<Supplier, 'apiKeys'> {
  const id = current?.id ?? str(body, 'id', 63)!;
  if (!SUPPLIER_ID.test(id)) throw badRequest('id', 'Id må være små bokstaver, tall og bindestrek.');
  const operates = list(body, 'operates');
  if (operates.length === 0 || !operates.every((x) => x === 'application' || x === 'infrastructure'))
    throw badRequest('operates', 'Velg applikasjon og/eller infrastruktur.');
  const email = str(body, 'email')!;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw badRequest('email', 'E-post må være en e-postadresse.');
  const phone = str(body, 'phone', 40)!;
  if (!/^\+?[0-9 ()-]{5,20}$/.test(phone)) throw badRequest('phone', 'Telefon må være et telefonnummer.');
  const org = str(body, 'orgId', 64, false);
  let webhook: Supplier['webhook'];
  const w = body.webhook as Obj | undefined | null;
  if (w) {
    const url = str(w, 'url', 500, true, 'webhook.url')!;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.protocol !== 'https:') throw badRequest('webhook.url', 'Adressen må være https.');
    const secretName = str(w, 'secretName', 100, true, 'webhook.secretName')!;
    if (!SECRET_NAME.test(secretName))
      throw badRequest('webhook.secretName', 'Navnet må være FRISTVAKT_SUPPLIER_… (store bokstaver).');
    const previous = str(w, 'previousSecretName', 100, false, 'webhook.previousSecretName');
    if (previous !== undefined && !SECRET_NAME.test(previous))
      throw badRequest(
        'webhook.previousSecretName',
        'Navnet må være FRISTVAKT_SUPPLIER_… (store bokstaver).',
      );
    webhook = { url, secretName, ...(previous ? { previousSecretName: previous } : {}) };
  }
  return {
    id: supplierId(id),
    name: str(body, 'name')!,
    operates: operates as SupplierOperates[],
    serviceIds: list(body, 'serviceIds').map(serviceId),
    deskId: deskId(str(body, 'deskId', 64)!),
    ...(org ? { orgId: orgId(org) } : {}),
    phone,
    email,
    entraAppIds: list(body, 'entraAppIds'),
    ...(webhook ? { webhook } : {}),
    ...(body.disabled === true ? { disabled: true } : {}),
  };
}

/** The supplier admin routes; `catalogue` (this process's) is invalidated at once after each save. */
export function supplierAdminRoutes(ctx: TabContext, catalogue?: Pick<Catalogue, 'invalidate'>): RouteDef[] {
  const { store } = ctx.deps;
  const save: typeof store.admin.putSupplier = async (...args) => {
    const saved = await store.admin.putSupplier(...args);
    catalogue?.invalidate();
    return saved;
  };
  const route = (
    method: RouteDef['method'],
    path: string,
    name: string,
    fn: (req: Request, res: Response, caller: Caller) => Promise<void>,
  ): RouteDef => ({
    method,
    path,
    name: `tab.admin.suppliers.${name}`,
    handler: authed(ctx, async (req, res, caller) => {
      if (!caller.access.admin) throw forbidden('Du har ikke tilgang til å endre dette oppsettet.');
      await fn(req, res, caller);
    }),
  });
  const entry = (caller: Caller, after: Supplier, before?: Supplier): AuditEntry => ({
    id: randomUUID(),
    at: isoInstant(ctx.deps.now()),
    actor: { id: userId(caller.principal.id), name: caller.name },
    objectType: 'supplier',
    objectId: after.id,
    action: before ? 'update' : 'create',
    ...(before ? { before: supplierView(before) } : {}),
    after: supplierView(after),
  });
  const load = async (id: string) => {
    const found = await store.admin.getSupplier(id);
    if (!found) throw notFound(`Ukjent leverandør «${id}».`);
    return found;
  };
  const expected = (body: Obj, current: string): string => {
    const v = body.version;
    if (typeof v !== 'string') throw badRequest('version', 'version må oppgis.');
    if (v !== current) throw new FristvaktError('CONFLICT', 'Leverandøren er endret siden du åpnet den.');
    return v;
  };
  const answer = (res: Response, status: number, v: { value: Supplier; version: string }, extra: Obj = {}) =>
    sendJson(res, status, { item: supplierView(v.value), version: v.version, ...extra });

  return [
    route('get', '/api/admin/suppliers', 'list', async (_req, res) =>
      sendJson(res, 200, { suppliers: (await store.admin.listSuppliers()).map(supplierView) }),
    ),
    // One supplier with the version to change it against.
    route('get', '/api/admin/suppliers/:id', 'get', async (req, res) =>
      answer(res, 200, await load(paramOf(req, 'id'))),
    ),
    route('post', '/api/admin/suppliers', 'create', async (req, res, caller) => {
      const s: Supplier = { ...settings(await jsonBody(req)), apiKeys: [] };
      answer(res, 201, await save(s, undefined, entry(caller, s)));
    }),
    route('put', '/api/admin/suppliers/:id', 'put', async (req, res, caller) => {
      const cur = await load(paramOf(req, 'id'));
      const body = await jsonBody(req);
      const next: Supplier = { ...settings(body, cur.value), apiKeys: cur.value.apiKeys };
      answer(res, 200, await save(next, expected(body, cur.version), entry(caller, next, cur.value)));
    }),
    // A new API key: its text is in this answer and nowhere else, ever.
    route('post', '/api/admin/suppliers/:id/keys', 'keys.create', async (req, res, caller) => {
      const cur = await load(paramOf(req, 'id'));
      if (activeKeys(cur.value).length >= MAX_ACTIVE_KEYS)
        throw new FristvaktError(
          'CONFLICT',
          `Høyst ${MAX_ACTIVE_KEYS} gyldige nøkler: trekk tilbake en først.`,
        );
      const key = newApiKey(cur.value.id, isoInstant(ctx.deps.now()), userId(caller.principal.id));
      const next: Supplier = { ...cur.value, apiKeys: [...cur.value.apiKeys, key.stored] };
      const saved = await save(next, cur.version, entry(caller, next, cur.value));
      res.setHeader('Cache-Control', 'no-store');
      answer(res, 201, saved, { key: key.text, keyId: key.stored.id });
    }),
    route('post', '/api/admin/suppliers/:id/keys/:keyId/revoke', 'keys.revoke', async (req, res, caller) => {
      const cur = await load(paramOf(req, 'id'));
      const keyId = paramOf(req, 'keyId');
      if (!cur.value.apiKeys.some((k) => k.id === keyId && k.revokedAt === undefined))
        throw notFound('Ingen gyldig nøkkel med den id-en.');
      const at = isoInstant(ctx.deps.now());
      const next: Supplier = {
        ...cur.value,
        apiKeys: cur.value.apiKeys.map((k) =>
          k.id === keyId ? { ...k, revokedAt: at, revokedBy: userId(caller.principal.id) } : k,
        ),
      };
      answer(res, 200, await save(next, cur.version, entry(caller, next, cur.value)));
    }),
  ];
}

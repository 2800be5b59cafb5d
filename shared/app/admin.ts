/**
 * Setting Fristvakt up without touching code ("Innstillinger"): the one application service behind the
 * admin routes. Through the ports only. Every change:
 * - is allowed only to an administrator, or for their own desk (its settings and policy) to its desk
 *   lead (`maySetUpDesk`); services, organisations and imports are the administrator's;
 * - is validated (policies by the engine's own `validatePolicy`), every error naming its field, in
 *   Norwegian;
 * - is written conditional on the version the editor read: a stale version is a `CONFLICT` whose
 *   message says who changed the object, when and which fields (from the audit log);
 * - is written with its audit entry (who, when, before/after) and moves the catalogue marker, and the
 *   local catalogue is invalidated at once (other instances follow within `CATALOGUE_MARKER_CHECK_MS`).
 */
import { randomUUID } from 'node:crypto';
import { maySetUpAnything, maySetUpDesk, type UserAccess } from '../access';
import type { Desk, Organisation, ReportingRule, Service, ServiceCriticality } from '../desks/model';
import { parseServiceCsv, serviceCsv, type CsvFieldError } from '../desks/service-csv';
import { checkServiceOrder } from '../desks/service-order';
import { checkServiceThresholds } from '../desks/fellesfeil-thresholds';
import { ConflictError, FristvaktError, isFristvaktError } from '../errors';
import { deskId, isoInstant, orgId, serviceId, userId } from '../ids';
import type { AdminObjectType, AuditEntry, Store, Versioned } from '../ports';
import { MAX_IMPORT_ROWS } from '../ports';
import type { Person } from '../cases/model';
import type { SlaPolicy } from '../sla/policy';
import { PRESETS, isPresetId } from '../sla/presets';
import { previewDeadlines, type PolicyPreview } from '../sla/versions';
import { validatePolicy } from '../sla/validate';
import type { Catalogue } from './catalogue';
import { MAX_PEOPLE_RESULTS, MIN_PEOPLE_QUERY, type PeopleDirectory } from '../people';

export interface AdminActor {
  access: Pick<UserAccess, 'userId' | 'admin' | 'leadDeskIds'>;
  name?: string;
}

export interface AdminServiceDeps {
  store: Store;
  now: () => Date;
  /** This process's catalogue: invalidated after every change. */
  catalogue?: Catalogue;
  /** Where desk members and escalation contacts are found (absent: nobody is found). */
  people?: PeopleDirectory;
}

/** Which of a desk's channels to unlink: its triage channel, or one notice channel by its channel id. */
export type ChannelToUnlink = { kind: 'triage' } | { kind: 'notice'; channelId: string };

/** The desk settings a desk lead may change (the policy has its own route). */
export interface DeskSettings {
  name: string;
  phone: string;
  email?: string;
  /** Who takes critical faults outside opening hours (seed 002 §4.3), shown to reporters. */
  afterHours?: string;
  members: string[];
  memberGroupId?: string;
  escalationContacts: Person[];
  autoCloseWorkingDays: number;
}

export interface ImportChange {
  line: number;
  id: string;
  action: 'create' | 'update' | 'unchanged';
  /** Fields that change, for an update. */
  fields: string[];
}
export interface ImportReport {
  dryRun: boolean;
  applied: boolean;
  changes: ImportChange[];
  errors: Array<{ line: number } & CsvFieldError>;
}

const forbidden = () => new FristvaktError('FORBIDDEN', 'Du har ikke tilgang til å endre dette oppsettet.');
/** A field error in Norwegian, at the field. */
export const fieldError = (field: string, message: string): FristvaktError =>
  new FristvaktError('VALIDATION', message, { field });

// ---- the engine's policy errors, in Norwegian ---------------------------------------------------

const POLICY_MESSAGES: Array<[RegExp, string]> = [
  [/is not a known field/, 'er ikke et kjent felt'],
  [/is required/, 'må fylles ut'],
  [/must be an object/, 'mangler eller har feil form'],
  [/must be a non-empty string/, 'må fylles ut'],
  [/must be at most (\d+) characters/, 'kan være høyst $1 tegn'],
  [/must be true or false/, 'må være ja eller nei'],
  [/must be a positive number/, 'må være et tall større enn 0'],
  [/must be a whole number/, 'må være et helt tall'],
  [/must be a local time/, 'må være et klokkeslett TT:MM (00:00–24:00)'],
  [/must be 1, 2, 3 or 4/, 'må være 1, 2, 3 eller 4'],
  [/is used twice/, 'er brukt to ganger'],
  [/ordered most urgent/, 'prioritetene må stå med den mest alvorlige først'],
  [/is not one of the priorities/, 'er ikke en av prioritetene'],
  [/strictly between 0 and 1/, 'må være mellom 0 og 1 (f.eks. 0,75)'],
  [/must be a non-empty array/, 'må ha minst én'],
  [/must be an ISO instant/, 'må være et tidspunkt'],
  [/must be '[a-z_]+', /, 'må være en av måltypene'],
];

/** Turns the engine's `POLICY_INVALID` / `VALIDATION` into a Norwegian field error at the same field. */
export function norwegianPolicyError(err: unknown): unknown {
  if (!isFristvaktError(err) || (err.code !== 'POLICY_INVALID' && err.code !== 'VALIDATION')) return err;
  const field = typeof err.details.field === 'string' ? err.details.field : 'policy';
  const found = POLICY_MESSAGES.find(([re]) => re.test(err.message));
  const text = found ? err.message.match(found[0])![0].replace(found[0], found[1]) : 'har en ugyldig verdi';
  return fieldError(field, `${field}: ${text}.`);
}

// ---- checks of plain fields -----------------------------------------------------------------------

type Obj = Record<string, unknown>;

function text(o: Obj, field: string, label: string, max = 200, required = true): string | undefined {
  const v = o[field];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (required) throw fieldError(field, `${label} må fylles ut.`);
    return undefined;
  }
  if (typeof v !== 'string') throw fieldError(field, `${label} må være tekst.`);
  if (v.length > max) throw fieldError(field, `${label} kan være høyst ${max} tegn.`);
  return v.trim();
}

function ids(o: Obj, field: string, label: string): string[] {
  const v = o[field] ?? [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== ''))
    throw fieldError(field, `${label} må være en liste.`);
  return [...new Set((v as string[]).map((x) => x.trim()))];
}

const PHONE = /^\+?[0-9 ()-]{5,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** An Entra object id (groups are named by theirs in tokens' `groups` claim). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function deskSettings(body: Obj): DeskSettings {
  const name = text(body, 'name', 'Navn')!;
  const phone = text(body, 'phone', 'Telefon', 40)!;
  if (!PHONE.test(phone))
    throw fieldError('phone', 'Telefon må være et telefonnummer, f.eks. +47 71 11 10 00.');
  const email = text(body, 'email', 'E-post', 200, false);
  if (email !== undefined && !EMAIL.test(email))
    throw fieldError('email', 'E-post må være en e-postadresse.');
  const afterHours = text(body, 'afterHours', 'Utenom åpningstid', 2000, false);
  const members = ids(body, 'members', 'Medlemmer');
  const memberGroupId = text(body, 'memberGroupId', 'Entra-gruppe', 100, false);
  if (memberGroupId !== undefined && !GUID.test(memberGroupId))
    throw fieldError(
      'memberGroupId',
      'Entra-gruppe må være gruppens objekt-id, f.eks. 0b6c7a4e-1111-4c2d-8e3f-000000000002.',
    );
  const contacts = body.escalationContacts ?? [];
  if (
    !Array.isArray(contacts) ||
    !contacts.every(
      (c: unknown) =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as Obj).id === 'string' &&
        typeof (c as Obj).name === 'string' &&
        ((c as Obj).id as string).trim() !== '' &&
        ((c as Obj).email === undefined || typeof (c as Obj).email === 'string'),
    )
  )
    throw fieldError('escalationContacts', 'Eskaleringskontakter må ha id og navn.');
  if (new Set((contacts as Obj[]).map((c) => c.id)).size !== contacts.length)
    throw fieldError('escalationContacts', 'Samme person står to ganger blant eskaleringskontaktene.');
  const days = body.autoCloseWorkingDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 60)
    throw fieldError('autoCloseWorkingDays', 'Automatisk lukking må være et helt antall virkedager, 1–60.');
  return {
    name,
    phone,
    ...(email ? { email } : {}),
    ...(afterHours ? { afterHours } : {}),
    members,
    ...(memberGroupId ? { memberGroupId } : {}),
    escalationContacts: (contacts as Obj[]).map((c) => ({
      id: userId((c.id as string).trim()),
      name: c.name as string,
      ...(typeof c.email === 'string' && c.email.trim() !== '' ? { email: c.email.trim() } : {}),
    })),
    autoCloseWorkingDays: days,
  };
}

/** Where a new desk's first policy comes from: a preset, or a copy of an existing desk's policy in force. */
export type NewDeskPolicySource = { preset: string } | { copyOf: string };

/**
 * A new desk from its form: id (a slug), the settings every desk has (members and contacts may come
 * later), the organisations it serves and its first SLA policy, copied from a preset or a desk. The
 * copy is the new desk's own policy (its id, its name), version 1; it is validated by the engine.
 */
function newDeskInput(body: Obj, desks: readonly Desk[], orgs: readonly Organisation[]): Desk {
  const did = text(body, 'id', 'Id', 64)!;
  if (!ID.test(did))
    throw fieldError('id', 'Id må være små bokstaver, tall, punktum, bindestrek eller understrek.');
  const settings = deskSettings({
    members: [],
    escalationContacts: [],
    autoCloseWorkingDays: 5,
    ...body,
  });
  const orgIds = ids(body, 'orgIds', 'Virksomheter');
  if (orgIds.length === 0) throw fieldError('orgIds', 'Velg minst én virksomhet servicesenteret betjener.');
  const unknown = orgIds.filter((o) => !orgs.some((x) => x.id === o));
  if (unknown.length > 0) throw fieldError('orgIds', `Ukjente virksomheter: ${unknown.join(', ')}.`);
  const from = body.policyFrom as Obj | undefined;
  let source: SlaPolicy;
  if (from && typeof from.preset === 'string' && from.preset !== '') {
    if (!isPresetId(from.preset)) throw fieldError('policyFrom', `Ukjent mal «${from.preset}».`);
    source = PRESETS[from.preset];
  } else if (from && typeof from.copyOf === 'string' && from.copyOf !== '') {
    const other = desks.find((d) => d.id === from.copyOf);
    if (!other) throw fieldError('policyFrom', `Ukjent servicesenter «${from.copyOf}».`);
    source = other.policy;
  } else throw fieldError('policyFrom', 'Velg en SLA-mal eller et servicesenter å kopiere fra.');
  const draft: Obj = { ...source, id: did, name: settings.name };
  delete draft.version;
  let policy: SlaPolicy;
  try {
    policy = validatePolicy(draft);
  } catch (e) {
    throw norwegianPolicyError(e);
  }
  return {
    id: deskId(did),
    ...settings,
    members: settings.members.map(userId),
    orgIds: orgIds.map(orgId),
    policy,
    noticeChannels: [],
  };
}

const CRITICALITIES: readonly ServiceCriticality[] = [
  'life_and_health',
  'high_uptime',
  'citizen_facing',
  'normal',
];

function serviceInput(
  body: Obj,
  desks: readonly Desk[],
  orgs: readonly Organisation[],
  id?: string,
): Service {
  const sid = id ?? text(body, 'id', 'Id', 64)!;
  if (!ID.test(sid))
    throw fieldError('id', 'Id må være små bokstaver, tall, punktum, bindestrek eller understrek.');
  const name = text(body, 'name', 'Navn')!;
  const desk = text(body, 'deskId', 'Desk', 64)!;
  if (!desks.some((d) => d.id === desk)) throw fieldError('deskId', `Ukjent desk «${desk}».`);
  const criticality = body.criticality ?? 'normal';
  if (!CRITICALITIES.includes(criticality as ServiceCriticality))
    throw fieldError('criticality', 'Velg kritikalitet.');
  const orgIds = ids(body, 'orgIds', 'Virksomheter');
  const unknown = orgIds.filter((o) => !orgs.some((x) => x.id === o));
  if (unknown.length > 0) throw fieldError('orgIds', `Ukjente virksomheter: ${unknown.join(', ')}.`);
  const supplier = text(body, 'supplier', 'Leverandør', 200, false);
  const admin = body.administrator as Obj | undefined;
  let administrator: Person | undefined;
  if (admin !== undefined && admin !== null) {
    const aid = text(admin, 'id', 'Forvalterens id', 200, false);
    const aname = text(admin, 'name', 'Forvalterens navn', 200, false);
    if ((aid === undefined) !== (aname === undefined))
      throw fieldError('administrator', 'Forvalter trenger både id og navn.');
    if (aid && aname) administrator = { id: userId(aid), name: aname };
  }
  if (body.retired !== undefined && typeof body.retired !== 'boolean')
    throw fieldError('retired', 'Utgått må være ja eller nei.');
  const thresholds = checkServiceThresholds(body.fellesfeil);
  if (thresholds.error) throw fieldError(thresholds.error.field, thresholds.error.message);
  const orderTerms = checkServiceOrder(body.order);
  if (orderTerms.error) throw fieldError(orderTerms.error.field, orderTerms.error.message);
  return {
    id: serviceId(sid),
    name,
    deskId: deskId(desk),
    criticality: criticality as ServiceCriticality,
    ...(administrator ? { administrator } : {}),
    ...(supplier ? { supplier } : {}),
    ...(orgIds.length > 0 ? { orgIds: orgIds.map(orgId) } : {}),
    ...(body.retired === true ? { retired: true } : {}),
    ...(thresholds.value ? { fellesfeil: thresholds.value } : {}),
    ...(orderTerms.value ? { order: orderTerms.value } : {}),
  };
}

/** What a CSV row does not carry and an import keeps from the stored service. */
const keptOnImport = (current: Service | undefined): Partial<Service> => ({
  ...(current?.dependsOn ? { dependsOn: current.dependsOn } : {}),
  ...(current?.fellesfeil ? { fellesfeil: current.fellesfeil } : {}),
  ...(current?.order ? { order: current.order } : {}),
});

function organisationInput(body: Obj, id?: string): Organisation {
  const oid = id ?? text(body, 'id', 'Id', 64)!;
  if (!ID.test(oid))
    throw fieldError('id', 'Id må være små bokstaver, tall, punktum, bindestrek eller understrek.');
  const name = text(body, 'name', 'Navn')!;
  const r = (body.reporting ?? { kind: 'all' }) as Obj;
  let reporting: ReportingRule;
  if (r.kind === 'all') reporting = { kind: 'all' };
  else if (r.kind === 'groups') {
    const groupIds = ids(r, 'groupIds', 'Grupper');
    if (groupIds.length === 0)
      throw fieldError('reporting.groupIds', 'Nevn minst én gruppe som kan melde feil.');
    const contact = text(r, 'contact', 'Kontakt for andre', 500);
    if (!contact) throw fieldError('reporting.contact', 'Si hvem de andre skal kontakte.');
    reporting = { kind: 'groups', groupIds, contact };
  } else throw fieldError('reporting.kind', 'Velg hvem som kan melde feil.');
  return { id: orgId(oid), name, reporting };
}

/** The fields whose values differ between two versions of an object (top level). */
export function changedFields(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Obj;
  const b = (after ?? {}) as Obj;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

const osloTime = (iso: string): string =>
  new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));

export function createAdminService(deps: AdminServiceDeps) {
  const { store } = deps;

  const entry = (
    actor: AdminActor,
    objectType: AdminObjectType,
    objectId: string,
    after: unknown,
    before?: unknown,
    action: AuditEntry['action'] = before === undefined ? 'create' : 'update',
  ): AuditEntry => ({
    id: `${deps.now().toISOString()}-${randomUUID()}`,
    at: isoInstant(deps.now()),
    actor: { id: actor.access.userId, ...(actor.name ? { name: actor.name } : {}) },
    objectType,
    objectId,
    action,
    ...(before === undefined ? {} : { before }),
    after,
  });

  /** A stale write: says who changed the object last, when and which fields. */
  async function explainConflict(err: unknown, type: AdminObjectType, id: string): Promise<never> {
    if (!(err instanceof ConflictError)) throw err;
    const [last] = await store.admin.listAudit({ type, id }, 1);
    if (!last)
      throw new ConflictError('Noen andre har endret dette i mellomtiden. Last inn på nytt.', { id });
    const who = last.actor.name ?? last.actor.id;
    const fields = changedFields(last.before, last.after);
    throw new ConflictError(
      `${who} endret dette ${osloTime(last.at)}${fields.length ? ` (${fields.join(', ')})` : ''}. ` +
        'Det du skrev er ikke lagret: last inn på nytt og gjør endringen igjen.',
      { id, changedBy: who, changedAt: last.at, fields },
    );
  }

  const done = <T>(v: T): T => {
    deps.catalogue?.invalidate();
    return v;
  };

  const requireAdmin = (actor: AdminActor): void => {
    if (!actor.access.admin) throw forbidden();
  };
  const requireDesk = (actor: AdminActor, id: string): void => {
    if (!maySetUpDesk(actor.access, deskId(id))) throw forbidden();
  };
  const requireAny = (actor: AdminActor): void => {
    if (!maySetUpAnything(actor.access)) throw forbidden();
  };

  async function desk(id: string): Promise<Versioned<Desk>> {
    const d = await store.desks.get(deskId(id));
    if (!d) throw new FristvaktError('NOT_FOUND', `Fant ingen desk «${id}».`);
    return d;
  }

  function version(body: Obj): string {
    const v = body.version;
    if (typeof v !== 'string' || v === '') throw fieldError('version', 'Versjonen du leste mangler.');
    return v;
  }

  return {
    /** The desks this person may set up. */
    async listDesks(actor: AdminActor): Promise<Desk[]> {
      requireAny(actor);
      return (await store.desks.list()).filter((d) => maySetUpDesk(actor.access, d.id));
    },
    async getDesk(actor: AdminActor, id: string): Promise<Versioned<Desk>> {
      requireDesk(actor, id);
      return desk(id);
    },
    /** A new desk: the administrator's alone (a desk lead sets up only the desk they lead). */
    async createDesk(actor: AdminActor, body: Obj): Promise<Versioned<Desk>> {
      requireAdmin(actor);
      const d = newDeskInput(body, await store.desks.list(), await store.desks.listOrganisations());
      return store.admin.createDesk(d, entry(actor, 'desk', d.id, d)).then(done, (e: unknown) => {
        if (isFristvaktError(e, 'DUPLICATE'))
          throw new FristvaktError('DUPLICATE', `Det finnes alt et servicesenter med id «${d.id}».`, {
            field: 'id',
          });
        throw e;
      });
    },
    async updateDesk(actor: AdminActor, id: string, body: Obj): Promise<Versioned<Desk>> {
      requireDesk(actor, id);
      const expected = version(body);
      const settings = deskSettings(body);
      const current = await desk(id);
      const next: Desk = { ...current.value, ...settings, members: settings.members.map(userId) };
      if (!settings.email) delete next.email;
      if (!settings.memberGroupId) delete next.memberGroupId;
      if (!settings.afterHours) delete next.afterHours;
      const before = current.value;
      return store.admin
        .putDesk(next, expected, entry(actor, 'desk', id, next, before))
        .then(done, (e: unknown) => explainConflict(e, 'desk', id));
    },

    /**
     * People to add as members or escalation contacts: anyone who may set up a desk may search. A
     * directory that fails (Graph unreachable, the app not allowed) is `DIRECTORY_UNAVAILABLE`.
     */
    async searchPeople(actor: AdminActor, query: string): Promise<Person[]> {
      requireAny(actor);
      const q = query.trim();
      if (q.length < MIN_PEOPLE_QUERY)
        throw fieldError('q', `Skriv minst ${MIN_PEOPLE_QUERY} tegn for å søke.`);
      if (q.length > 100) throw fieldError('q', 'Søket kan være høyst 100 tegn.');
      if (!deps.people) return [];
      return deps.people.search(q, MAX_PEOPLE_RESULTS).catch((e: unknown) => {
        throw new FristvaktError(
          'DIRECTORY_UNAVAILABLE',
          'Katalogen svarer ikke nå. Prøv igjen om litt, eller bruk en Entra-gruppe.',
          { cause: e },
        );
      });
    },
    /** The desk's members as people (name and e-mail where the directory knows them; else the id). */
    async membersOf(desk: Desk): Promise<Person[]> {
      const known = deps.people ? await deps.people.lookup(desk.members).catch(() => []) : [];
      return desk.members.map((m) => known.find((p) => p.id === m) ?? { id: m, name: m });
    },
    /** Unlinks a channel linked with `koble` (the desk lead's or administrator's choice; audited). */
    async unlinkChannel(actor: AdminActor, id: string, body: Obj): Promise<Versioned<Desk>> {
      requireDesk(actor, id);
      const expected = version(body);
      const current = await desk(id);
      const which = body.channel as Obj | undefined;
      const next: Desk = { ...current.value };
      if (which?.kind === 'triage') {
        if (!current.value.triageChannel)
          throw fieldError('channel', 'Servicesenteret har ingen triasjekanal å koble fra.');
        delete next.triageChannel;
      } else if (which?.kind === 'notice' && typeof which.channelId === 'string') {
        const left = current.value.noticeChannels.filter((c) => c.channelId !== which.channelId);
        if (left.length === current.value.noticeChannels.length)
          throw fieldError('channel', 'Fant ikke den driftsmeldingskanalen på servicesenteret.');
        next.noticeChannels = left;
      } else throw fieldError('channel', 'Velg kanalen som skal kobles fra.');
      return store.admin
        .putDesk(next, expected, entry(actor, 'desk', id, next, current.value))
        .then(done, (e: unknown) => explainConflict(e, 'desk', id));
    },

    async getPolicy(actor: AdminActor, id: string): Promise<{ version: string; versions: SlaPolicy[] }> {
      requireDesk(actor, id);
      const d = await desk(id);
      return { version: d.version, versions: await store.admin.policyVersions(deskId(id)) };
    },
    async savePolicy(actor: AdminActor, id: string, body: Obj): Promise<Versioned<Desk>> {
      requireDesk(actor, id);
      const expected = version(body);
      let policy: SlaPolicy;
      try {
        // The engine's own validation; the version is the store's to give.
        const draft = { ...(body.policy as Obj) };
        delete draft.version;
        policy = validatePolicy(draft);
      } catch (e) {
        throw norwegianPolicyError(e);
      }
      const current = await desk(id);
      return store.admin
        .savePolicy(deskId(id), policy, expected, entry(actor, 'policy', id, policy, current.value.policy))
        .then(done, (e: unknown) => explainConflict(e, 'policy', id));
    },
    /** Anyone who may set something up may preview a draft (it changes nothing). */
    preview(actor: AdminActor, body: Obj): PolicyPreview {
      requireAny(actor);
      const at = typeof body.receivedAt === 'string' ? new Date(body.receivedAt) : new Date(NaN);
      if (Number.isNaN(at.getTime())) throw fieldError('receivedAt', 'Velg et gyldig tidspunkt.');
      const priority = typeof body.priority === 'string' ? body.priority : '';
      try {
        return previewDeadlines(body.policy, at, priority);
      } catch (e) {
        if (isFristvaktError(e, 'VALIDATION') && e.details.field === 'priority')
          throw fieldError('priority', 'Velg en av policyens prioriteter.');
        throw norwegianPolicyError(e);
      }
    },

    async listServices(actor: AdminActor): Promise<Service[]> {
      requireAdmin(actor);
      return store.desks.listServices();
    },
    async getService(actor: AdminActor, id: string): Promise<Versioned<Service>> {
      requireAdmin(actor);
      const s = await store.admin.getService(serviceId(id));
      if (!s) throw new FristvaktError('NOT_FOUND', `Fant ingen tjeneste «${id}».`);
      return s;
    },
    async createService(actor: AdminActor, body: Obj): Promise<Versioned<Service>> {
      requireAdmin(actor);
      const s = serviceInput(body, await store.desks.list(), await store.desks.listOrganisations());
      return store.admin
        .putService(s, undefined, entry(actor, 'service', s.id, s))
        .then(done, (e: unknown) => {
          if (isFristvaktError(e, 'DUPLICATE'))
            throw fieldError('id', `Det finnes alt en tjeneste med id «${s.id}».`);
          throw e;
        });
    },
    async updateService(actor: AdminActor, id: string, body: Obj): Promise<Versioned<Service>> {
      requireAdmin(actor);
      const expected = version(body);
      const current = await store.admin.getService(serviceId(id));
      if (!current) throw new FristvaktError('NOT_FOUND', `Fant ingen tjeneste «${id}».`);
      const input = serviceInput(body, await store.desks.list(), await store.desks.listOrganisations(), id);
      const next: Service = {
        ...input,
        ...(current.value.dependsOn ? { dependsOn: current.value.dependsOn } : {}),
      };
      return store.admin
        .putService(next, expected, entry(actor, 'service', id, next, current.value))
        .then(done, (e: unknown) => explainConflict(e, 'service', id));
    },
    async exportServices(actor: AdminActor): Promise<string> {
      requireAdmin(actor);
      return serviceCsv(await store.desks.listServices());
    },
    /**
     * Imports services from CSV: every row is checked first; with any error, or with `dryRun`, nothing
     * is written and the report lists what would change and every row's error. Otherwise all rows are
     * written in one all-or-nothing store write.
     */
    async importServices(actor: AdminActor, csv: string, dryRun: boolean): Promise<ImportReport> {
      requireAdmin(actor);
      const desks = await store.desks.list();
      const orgs = await store.desks.listOrganisations();
      const parsed = parseServiceCsv(csv, { deskIds: desks.map((d) => d.id), orgIds: orgs.map((o) => o.id) });
      const errors: ImportReport['errors'] = parsed.rows.flatMap((r) =>
        r.errors.map((e) => ({ line: r.line, ...e })),
      );
      if (parsed.fileError) errors.push({ line: 1, field: 'fil', message: parsed.fileError });
      if (parsed.rows.length > MAX_IMPORT_ROWS)
        errors.push({
          line: 1,
          field: 'fil',
          message: `Høyst ${MAX_IMPORT_ROWS} tjenester per import: del filen.`,
        });
      const changes: ImportChange[] = [];
      const writes: Array<{ service: Service; expectedVersion?: string; audit: AuditEntry }> = [];
      for (const row of parsed.rows) {
        if (!row.service) continue;
        const current = await store.admin.getService(row.service.id);
        // Order terms in the file replace the stored ones; a file without them keeps them.
        const next: Service = {
          ...row.service,
          ...keptOnImport(current?.value),
          ...(row.service.order ? { order: row.service.order } : {}),
        };
        if (!current) {
          changes.push({ line: row.line, id: next.id, action: 'create', fields: [] });
          writes.push({ service: next, audit: entry(actor, 'service', next.id, next, undefined, 'import') });
          continue;
        }
        const fields = changedFields(current.value, next);
        changes.push({ line: row.line, id: next.id, action: fields.length ? 'update' : 'unchanged', fields });
        if (fields.length)
          writes.push({
            service: next,
            expectedVersion: current.version,
            audit: entry(actor, 'service', next.id, next, current.value, 'import'),
          });
      }
      if (dryRun || errors.length > 0) return { dryRun, applied: false, changes, errors };
      try {
        await store.admin.importServices(writes);
      } catch (e) {
        if (e instanceof ConflictError || isFristvaktError(e, 'DUPLICATE'))
          throw new ConflictError(
            'Tjenestelisten ble endret mens du importerte. Ingenting er lagret: prøv igjen.',
          );
        throw e;
      }
      done(undefined);
      return { dryRun, applied: true, changes, errors };
    },

    async listOrganisations(actor: AdminActor): Promise<Organisation[]> {
      requireAdmin(actor);
      return store.desks.listOrganisations();
    },
    async getOrganisation(actor: AdminActor, id: string): Promise<Versioned<Organisation>> {
      requireAdmin(actor);
      const o = await store.admin.getOrganisation(orgId(id));
      if (!o) throw new FristvaktError('NOT_FOUND', `Fant ingen virksomhet «${id}».`);
      return o;
    },
    async createOrganisation(actor: AdminActor, body: Obj): Promise<Versioned<Organisation>> {
      requireAdmin(actor);
      const o = organisationInput(body);
      return store.admin
        .putOrganisation(o, undefined, entry(actor, 'organisation', o.id, o))
        .then(done, (e: unknown) => {
          if (isFristvaktError(e, 'DUPLICATE'))
            throw fieldError('id', `Det finnes alt en virksomhet med id «${o.id}».`);
          throw e;
        });
    },
    async updateOrganisation(actor: AdminActor, id: string, body: Obj): Promise<Versioned<Organisation>> {
      requireAdmin(actor);
      const expected = version(body);
      const current = await store.admin.getOrganisation(orgId(id));
      if (!current) throw new FristvaktError('NOT_FOUND', `Fant ingen virksomhet «${id}».`);
      const next = { ...current.value, ...organisationInput(body, id) };
      return store.admin
        .putOrganisation(next, expected, entry(actor, 'organisation', id, next, current.value))
        .then(done, (e: unknown) => explainConflict(e, 'organisation', id));
    },

    /**
     * The audit log: of one object, or everything (administrators). A desk lead reads their own desk's
     * and policy's entries only.
     */
    async audit(actor: AdminActor, object?: { type: AdminObjectType; id: string }, limit?: number) {
      requireAny(actor);
      if (!object) {
        requireAdmin(actor);
        return store.admin.listAudit(undefined, limit);
      }
      if (object.type === 'desk' || object.type === 'policy') requireDesk(actor, object.id);
      else requireAdmin(actor);
      return store.admin.listAudit(object, limit);
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;

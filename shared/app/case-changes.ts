/**
 * The one way a case changes. Every surface (chat commands, channel card verbs, the tab's API, the
 * auto-close job, and later the supplier API) calls `apply` or `create`; none of them builds an
 * outbox message or retries a write itself.
 *
 *   apply(ref, command, actor, now)
 *     → access: the one rule (`roleOn` in shared/access.ts); no role → NOT_FOUND, exactly as for a
 *       reference that does not exist
 *     → the pure lifecycle (`applyCommand`: FORBIDDEN, ILLEGAL_TRANSITION, VALIDATION)
 *     → who is told (`recipientsOf`, each person checked with the same access rule) and in which
 *       language (their last chat with the bot)
 *     → every message built from the events alone (`CaseMessages`, the Teams side)
 *     → one conditional store write with the outbox, retried on a version conflict by
 *       `retryOnConflict` — or, when the caller passes the version it showed the user, a
 *       `ConflictError` carrying the current case, so the user can decide again
 *     → the follow-ups the domain asks for (a hovedsak records its new undersak; solving a hovedsak
 *       solves its undersaker), each through this same path
 *     → the outbox sender is woken.
 *
 * Node side (it awaits the store) but free of any host: the Teams wording is behind `CaseMessages`.
 */
import { accessFor, roleOn, type Directory } from '../access';
import { addChildTo, solveChild } from '../cases/fellesfeil';
import { applyCommand, type CaseCommand, type CommandContext, type CommandResult } from '../cases/lifecycle';
import type { Actor, ActorRole, Case, CaseEvent, Person } from '../cases/model';
import { recipientsOf, type Recipients } from '../cases/recipients';
import type { Desk, Service } from '../desks/model';
import { ConflictError, FristvaktError, NotFoundError } from '../errors';
import type { Locale } from '../i18n-text';
import { userId, type CaseRef } from '../ids';
import type { SupplierId } from '../suppliers/model';
import type { ComputedSla } from '../sla/case-sla';
import type { Notice } from '../notices/model';
import { resolveNotice } from '../notices/rules';
import type { CaseAccess, NewCase, OutboxMessage, Store, Versioned } from '../ports';
import type { Catalogue, CatalogueSnapshot } from './catalogue';
import { userLocale } from './locales';
import { retryOnConflict } from './retry';
import type { CaseFeed } from './case-feed';
import type { Wakeup } from './wakeup';

/**
 * Who changes the case: a signed-in person with what they may see, the system itself, or an operations
 * supplier through the supplier API (it acts under its own name, on the cases it holds: `roleOn`).
 */
export type ChangeActor =
  | { kind: 'user'; person: Person; access: CaseAccess }
  | { kind: 'system'; name: string }
  | { kind: 'supplier'; supplierId: SupplierId; name: string; access: CaseAccess };

/** A supplier's actor: its access is its own cases only. */
export const supplierActor = (supplier: { id: SupplierId; name: string }): ChangeActor => ({
  kind: 'supplier',
  supplierId: supplier.id,
  name: supplier.name,
  access: { userId: userId(`supplier:${supplier.id}`), deskIds: [], orgIds: [], supplierId: supplier.id },
});

export const systemActor = (name = 'Fristvakt'): ChangeActor => ({ kind: 'system', name });

/** A user actor from a person, with their access resolved from the desks and the directory. */
export function userActor(person: Person, desks: readonly Desk[], directory: Directory): ChangeActor {
  return { kind: 'user', person, access: accessFor({ id: person.id }, desks, directory) };
}

/** What the message builder gets for one change: the case after it, and whom to tell of each event. */
export interface ChangeContext {
  desk: Desk;
  service: Service | undefined;
  catalogue: CatalogueSnapshot;
  directory: Directory;
  now: Date;
  /** Each addressable person's language (their last chat with the bot; bokmål when unknown). */
  localeOf(id: string): Locale;
  /** Whom to tell of `event`, already checked against the access rule. */
  recipients(event: CaseEvent): Recipients;
  /**
   * The case's SLA as of the change (`computedSla`): a new case's, when the caller of `create` computed
   * it; a changed case's, from the lifecycle (`CommandResult.known`). `caseSla` takes it only for that.
   */
  known?: ComputedSla;
}

/** The Teams side of a change: every outbox message, built from the events alone. */
export interface CaseMessages {
  /** A new case: its triage post, the forvalter of a technical fault, the followers named on the form. */
  created(c: Case, ctx: ChangeContext): OutboxMessage[];
  /** `events` were just applied to `after`. */
  changed(after: Case, events: readonly CaseEvent[], ctx: ChangeContext): OutboxMessage[];
}

/** A command, or how to make it from the case as it is now (re-run on a retried conflict). */
export type CommandInput = CaseCommand | ((current: Case, role: ActorRole) => CaseCommand);

export interface ApplyOptions {
  /**
   * The version the user acted on (the card's or the tab's). When the case changed since, nothing is
   * written and a `ConflictError` with `details.current` (the case now) is thrown. Without it a
   * conflicting write is retried on the newer case.
   */
  expectedVersion?: string;
}

export interface Applied {
  before: Versioned<Case>;
  after: Versioned<Case>;
  events: CaseEvent[];
  role: ActorRole;
  /** The case's SLA as of the change (`computedSla`), for the caller's own card of `after`. */
  known?: ComputedSla;
  /** Other cases changed as a follow-up (the hovedsak of a new link; undersaker solved with their hovedsak). */
  followUps: Case[];
}

export interface Created {
  case: Case;
  version: string;
  /** False when the client key had been seen: the earlier case, nothing written. */
  created: boolean;
}

export interface CaseChanges {
  apply(
    ref: CaseRef,
    command: CommandInput,
    actor: ChangeActor,
    now: Date,
    options?: ApplyOptions,
  ): Promise<Applied>;
  /** `known`: the new case's SLA at `now` (`computedSla`), when the caller computed it for its own card. */
  create(input: NewCase, year: number, now: Date, known?: ComputedSla): Promise<Created>;
  /** Reads a case as `actor` may see it, with the role it acts in; null when not visible (or missing). */
  read(
    ref: CaseRef,
    actor: ChangeActor,
  ): Promise<{ found: Versioned<Case>; role: ActorRole; desk: Desk } | null>;
}

export interface CaseChangesDeps {
  store: Store;
  catalogue: Catalogue;
  directory: Directory;
  messages: CaseMessages;
  wakeup?: Wakeup;
  /** Told of every stored change (the tab's live stream listens). */
  feed?: CaseFeed;
  log?: { info(msg: string): void; error(msg: string, err?: unknown): void };
  /**
   * The Teams side of a driftsmelding resolved as a follow-up (a solved supplier incident closes the
   * notices made from it): its copies edited, the linked reporters told. Absent: resolved silently.
   */
  noticeMessages?: (notice: Notice, change: NoticeResolution) => Promise<OutboxMessage[]> | OutboxMessage[];
}

/** A notice closed because its incident was solved: by whom (the one who solved it) and when. */
export interface NoticeResolution {
  kind: 'resolve';
  by: { id: string; name: string };
  at: Date;
}

const actorOf = (a: ChangeActor): Actor =>
  a.kind === 'user'
    ? { kind: 'user', ...a.person }
    : a.kind === 'supplier'
      ? { kind: 'system', name: a.name, supplierId: a.supplierId }
      : { kind: 'system', name: a.name };

/** What a command needs of the desk's policy: its newest version, and the older ones. */
const policiesOf = (desk: Desk): Pick<CommandContext, 'policy' | 'previousPolicies'> => ({
  policy: desk.policy,
  previousPolicies: desk.previousPolicies,
});

/**
 * People the bot can write to: known by their Entra id (not a name or address typed into a form, nor
 * a supplier reporting its own incident).
 */
export const addressable = (p: Person): boolean => !/^(name|email|supplier):/.test(p.id);

export function createCaseChanges(deps: CaseChangesDeps): CaseChanges {
  const { store } = deps;

  async function locales(ids: Iterable<string>): Promise<Map<string, Locale>> {
    const out = new Map<string, Locale>();
    for (const id of new Set(ids)) out.set(id, await userLocale(store, id));
    return out;
  }

  /** Whom to tell of an event: the domain's rule, and only people the access rule lets see the case. */
  function recipientsFor(c: Case, service: Service | undefined, catalogue: CatalogueSnapshot) {
    const sees = (p: Person): boolean =>
      addressable(p) && roleOn(c, accessFor({ id: p.id }, catalogue.desks, deps.directory)) !== null;
    return (event: CaseEvent): Recipients => {
      const r = recipientsOf(event, c, service);
      return {
        ...r,
        reporter: r.reporter && sees(c.reporter),
        followers: r.followers.filter(sees),
        // The forvalter is told by the agreement (seed 002 §5.1.2.3), not by seeing the case.
        ...(r.administrator && addressable(r.administrator) ? { administrator: r.administrator } : {}),
      } as Recipients;
    };
  }

  /**
   * What the message builder needs for a case of `deskId`/`serviceId`: the catalogue's view, and the
   * language of each person in `people(recipients)` (read once, before building). `forCase` then
   * gives the context of the stored case (the new case's reference is known only inside the write).
   */
  async function prepare(
    at: Pick<Case, 'deskId' | 'serviceId'>,
    now: Date,
    people: (service: Service | undefined, catalogue: CatalogueSnapshot) => string[],
  ): Promise<(c: Case) => ChangeContext> {
    const catalogue = await deps.catalogue.get();
    const desk = catalogue.desk(at.deskId);
    if (!desk) throw new FristvaktError('NOT_FOUND', `desk ${at.deskId} is not configured`);
    const service = catalogue.service(at.serviceId);
    const langs = await locales(people(service, catalogue));
    return (c) => ({
      desk,
      service,
      catalogue,
      directory: deps.directory,
      now,
      localeOf: (id) => langs.get(id) ?? 'nb',
      recipients: recipientsFor(c, service, catalogue),
    });
  }

  /** The context of `events` just applied to `c`: its recipients' languages read first. */
  async function contextFor(c: Case, events: readonly CaseEvent[], now: Date): Promise<ChangeContext> {
    const forCase = await prepare(c, now, (service, catalogue) => {
      const recipients = recipientsFor(c, service, catalogue);
      const people: string[] = [];
      for (const e of events) {
        const r = recipients(e);
        if (r.reporter) people.push(c.reporter.id);
        for (const f of r.followers) people.push(f.id);
        if (r.administrator) people.push(r.administrator.id);
      }
      return people;
    });
    return forCase(c);
  }

  /** Writes `result` over `version` with every message it causes; wakes the sender, tells the feed. */
  async function write(result: CommandResult, version: string, now: Date): Promise<Versioned<Case>> {
    // The SLA the lifecycle computed for the stored deadlines goes on to the summary row and the cards.
    const { known } = result;
    const ctx = await contextFor(result.case, result.events, now);
    const outbox = deps.messages.changed(result.case, result.events, known ? { ...ctx, known } : ctx);
    const stored = await store.cases.update(result.case, version, outbox, known);
    written(stored, outbox.length);
    return stored;
  }

  async function read(ref: CaseRef, actor: ChangeActor) {
    const deskId = await store.cases.locate(ref);
    if (!deskId) return null;
    const found =
      actor.kind === 'system'
        ? await store.cases.getForDesk(ref, deskId)
        : await store.cases.getVisible(ref, actor.access);
    if (!found) return null;
    const role: ActorRole | null = actor.kind === 'system' ? 'system' : roleOn(found.value, actor.access);
    const desk = (await deps.catalogue.get()).desk(found.value.deskId);
    if (!role || !desk) return null;
    return { found, role, desk };
  }

  /** After every stored write: wake the sender, tell the watchers. */
  function written(stored: Versioned<Case>, messages: number): void {
    if (messages > 0) deps.wakeup?.notify();
    deps.feed?.publish({ case: stored.value, version: stored.version });
  }

  const notFound = (ref: CaseRef): NotFoundError => new NotFoundError(`case ${ref} not found`);

  /** One attempt: read, apply, build the messages, write conditionally. */
  async function attempt(
    ref: CaseRef,
    command: CommandInput,
    actor: ChangeActor,
    now: Date,
    options: ApplyOptions,
  ): Promise<Omit<Applied, 'followUps'>> {
    const seen = await read(ref, actor);
    if (!seen) throw notFound(ref);
    const { found, role, desk } = seen;
    if (options.expectedVersion !== undefined && options.expectedVersion !== found.version)
      throw new ConflictError(`${ref} changed since it was shown`, { current: found });
    const cmd = typeof command === 'function' ? command(found.value, role) : command;
    const ctx: CommandContext = { actor: actorOf(actor), role, now, ...policiesOf(desk) };
    const result: CommandResult = applyCommand(found.value, cmd, ctx);
    try {
      const after = await write(result, found.version, now);
      return {
        before: found,
        after,
        events: result.events,
        role,
        ...(result.known ? { known: result.known } : {}),
      };
    } catch (err) {
      if (err instanceof ConflictError && options.expectedVersion !== undefined) {
        const current = await read(ref, actor);
        throw new ConflictError(`${ref} changed since it was shown`, { current: current?.found ?? found });
      }
      throw err;
    }
  }

  /** The domain's follow-ups of a change, each written through `applyRule` with the same actor. */
  async function followUps(done: Omit<Applied, 'followUps'>, actor: ChangeActor, now: Date): Promise<Case[]> {
    const out: Case[] = [];
    const c = done.after.value;
    const desk = (await deps.catalogue.get()).desk(c.deskId);
    if (!desk) return out;
    const ctx: CommandContext = { actor: actorOf(actor), role: done.role, now, ...policiesOf(desk) };
    const linked = done.events.find((e) => e.type === 'linked_to_parent');
    if (linked?.type === 'linked_to_parent') {
      const parent = await applyRule(linked.parent, c.deskId, (p) => addChildTo(p, c.ref, ctx), now);
      if (parent) out.push(parent);
    }
    const solved = done.events.find((e) => e.type === 'solved');
    if (solved?.type === 'solved' && c.childRefs.length > 0) {
      for (const child of c.childRefs) {
        try {
          const s = await applyRule(child, c.deskId, (x) => solveChild(x, c.ref, solved.solution, ctx), now);
          if (s) out.push(s);
        } catch (err) {
          // One undersak failing must not stop the others; the log names it for a retry by hand.
          deps.log?.error(`follow-up: could not solve ${child} with ${c.ref}`, err);
        }
      }
    }
    if (solved?.type === 'solved' && c.incident) {
      try {
        await resolveIncidentNotices(c, solved.solution, actor, now);
      } catch (err) {
        // The case is solved whatever happens to its notice; the log names it for "Løst" by hand.
        deps.log?.error(`follow-up: could not resolve the notices of ${c.ref}`, err);
      }
    }
    return out;
  }

  /**
   * A solved supplier incident (solved by the desk in Teams or the tab, or by the supplier, also "fixed
   * in a later version": M.2.1.8) resolves the active driftsmeldinger made from it, with the solution as
   * the closing text, as "Løst" on the notice does (its messages too).
   */
  async function resolveIncidentNotices(
    c: Case,
    solution: string,
    actor: ChangeActor,
    now: Date,
  ): Promise<void> {
    const by =
      actor.kind === 'user'
        ? { id: actor.person.id, name: actor.person.name }
        : actor.kind === 'supplier'
          ? { id: `supplier:${actor.supplierId}`, name: actor.name }
          : { id: 'system', name: actor.name };
    for (const n of await store.notices.listActive(c.deskId)) {
      if (n.caseRef !== c.ref && n.id !== c.incident?.noticeId) continue;
      await retryOnConflict(async () => {
        const found = await store.notices.get(n.id, c.deskId);
        if (!found || found.value.status !== 'active') return;
        const next = resolveNotice(found.value, now, solution);
        const outbox = (await deps.noticeMessages?.(next, { kind: 'resolve', by, at: now })) ?? [];
        await store.notices.update(next, found.version, outbox);
        if (outbox.length > 0) deps.wakeup?.notify();
      });
    }
  }

  /** A rule of the domain applied to a case of the same desk until the write wins; null: nothing to do. */
  function applyRule(
    ref: CaseRef,
    deskId: Case['deskId'],
    rule: (c: Case) => CommandResult | null,
    now: Date,
  ): Promise<Case | null> {
    return retryOnConflict(async () => {
      const current = await store.cases.getForDesk(ref, deskId);
      if (!current) return null;
      const r = rule(current.value);
      return r ? (await write(r, current.version, now)).value : null;
    });
  }

  return {
    read,
    async apply(ref, command, actor, now, options = {}) {
      const done =
        options.expectedVersion !== undefined
          ? await attempt(ref, command, actor, now, options)
          : await retryOnConflict(() => attempt(ref, command, actor, now, options), {
              onRetry: (n) => deps.log?.info(`${ref} changed meanwhile, applying again (attempt ${n + 1})`),
            });
      return { ...done, followUps: await followUps(done, actor, now) };
    },
    async create(input, year, now, known) {
      // A new case tells its followers and the service's administrator, not its reporter (who has the
      // confirmation in the chat): only their languages are read.
      const forCase = await prepare(input, now, (service) => [
        ...input.followers.map((f) => f.id),
        ...(service?.administrator ? [service.administrator.id] : []),
      ]);
      const result = await store.cases.create(
        input,
        year,
        (c) => deps.messages.created(c, known ? { ...forCase(c), known } : forCase(c)),
        known,
      );
      if (result.created) written(result.case, 1);
      return { case: result.case.value, version: result.case.version, created: result.created };
    },
  };
}

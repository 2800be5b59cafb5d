/**
 * The store contract: one jest suite that every `Store` implementation must pass. A test file calls
 * `describeStoreContract(name, factory)`; the factory opens a fresh, empty store for each test.
 */
import type { Case } from '../../cases/model';
import { ConflictError, isFristvaktError } from '../../errors';
import { caseRef, deskId, isCaseRef, noticeId, orgId, serviceId, userId, type DeskId } from '../../ids';
import type { BlobStore, NewCase, Page, PageRequest, Store } from '../../ports';
import { slaReportBuilder, type SlaReport } from '../../reports/figures';
import {
  FIXTURE_NOW,
  FIXTURE_PERIOD,
  FIXTURE_POLICY,
  fixtureCases,
} from '../../reports/test-support/fixture';
import { caseSummary } from '../../reports/summary';
import { applyCommand } from '../../cases/lifecycle';
import { caseSla, computedSla, type ComputedSla } from '../../sla/case-sla';
import { PRESETS } from '../../sla/presets';
import { POST_HEAD_START_MS } from '../common';
import { feedReport } from '../report-feed';
import { warningInstants } from '../warning-instants';
import { describeAdminContract } from './admin-contract';
import { describeSupplierContract } from './supplier-contract';
import { describeOrderRefContract } from './order-ref-contract';
import { access, at, desk, message, newCase, notice, person, triagePost } from './fixtures';

export interface StoreHandle {
  store: Store;
  /** Closes the store and removes whatever the factory made (temp dirs, databases). */
  dispose(): Promise<void>;
}

export interface StoreFactoryOptions {
  /** Page size `streamPeriod` reads with, small here so the test crosses pages. */
  streamPageSize: number;
}

export interface ContractOptions {
  /** Parallel creations in the concurrency test (1 000 unless the backend is too slow for a unit test). */
  parallelCreates?: number;
}

const ROR = deskId('ror-ikt');
const BYA = deskId('byarkivet');
const noOutbox = () => [];

/** Reads every page of a query, checking each page respects the limit. */
async function allPages<T>(
  fetch: (p: PageRequest) => Promise<Page<T>>,
  limit: number,
): Promise<{ pages: T[][]; items: T[] }> {
  const pages: T[][] = [];
  let token: string | undefined;
  do {
    const page = await fetch({ limit, ...(token === undefined ? {} : { continuationToken: token }) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    pages.push(page.items);
    token = page.continuationToken;
    if (pages.length > 1000) throw new Error('paging does not end');
  } while (token !== undefined);
  return { pages, items: pages.flat() };
}

const refs = (cases: Case[]) => cases.map((c) => c.ref);

/**
 * The blob part of the contract, on its own so a `BlobStore` used outside a `Store` (Azure Blob) runs
 * the same checks: round trip with content type, a missing key reads as null, bad keys are refused.
 */
export async function checkBlobStore(blobs: BlobStore): Promise<void> {
  const bytes = new Uint8Array([0, 1, 2, 250, 255]);
  await blobs.put('cases/FV-2026-000001/skjermbilde.png', bytes, 'image/png');
  expect(await blobs.get('cases/FV-2026-000001/skjermbilde.png')).toEqual({
    bytes,
    contentType: 'image/png',
  });
  expect(await blobs.get('cases/FV-2026-000001/other.png')).toBeNull();
  for (const bad of ['../escape', 'cases/../../etc/passwd', '/etc/passwd', 'a\\..\\b', '', 'a//b', '..']) {
    await expect(blobs.put(bad, bytes, 'text/plain')).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(blobs.get(bad)).rejects.toMatchObject({ code: 'VALIDATION' });
  }
}

export function describeStoreContract(
  name: string,
  factory: (options: StoreFactoryOptions) => Promise<StoreHandle>,
  options: ContractOptions = {},
): void {
  describe(`Store contract: ${name}`, () => {
    let handle: StoreHandle;
    let store: Store;

    beforeEach(async () => {
      handle = await factory({ streamPageSize: 5 });
      store = handle.store;
      await store.desks.put(desk('ror-ikt', ['molde', 'aukra']));
      await store.desks.put(desk('byarkivet', ['frogner']));
    });
    afterEach(async () => {
      await handle.dispose();
    });

    const create = async (input: NewCase, year = 2026) =>
      (await store.cases.create(input, year, noOutbox)).case;

    describe('cases: create and read', () => {
      it('gives a formatted reference number, stores the case and its outbox messages together', async () => {
        const res = await store.cases.create(newCase({ title: 'Skriver virker ikke' }), 2026, (c) => [
          triagePost(c),
        ]);
        expect(res.created).toBe(true);
        const c = res.case.value;
        expect(c.ref).toMatch(/^FV-2026-\d{6}$/);
        expect(isCaseRef(c.ref)).toBe(true);
        expect(c.title).toBe('Skriver virker ikke');
        expect(typeof res.case.version).toBe('string');

        const read = await store.cases.getForDesk(c.ref, ROR);
        expect(read).toEqual(res.case);
        expect(await store.cases.locate(c.ref)).toBe(ROR);
        expect(await store.cases.locate(caseRef('FV-2026-999999'))).toBeNull();
        expect(await store.cases.getForDesk(caseRef('FV-2026-999999'), ROR)).toBeNull();

        const queued = await store.outbox.get(`${c.ref}:triage`, ROR);
        expect(queued).toMatchObject({
          status: 'pending',
          attempts: 0,
          caseRef: c.ref,
          // A post: due from a minute before it was made (listed ahead of the follow-ups of that minute).
          nextAttemptAt: new Date(Date.parse(c.receivedAt) - POST_HEAD_START_MS).toISOString(),
        });
      });

      it('gives unique, never reused reference numbers per year', async () => {
        const made: string[] = [];
        for (let i = 0; i < 5; i += 1) made.push((await create(newCase())).value.ref);
        made.push((await create(newCase(), 2027)).value.ref);
        expect(new Set(made).size).toBe(6);
        expect(made.slice(0, 5).every((r) => r.startsWith('FV-2026-'))).toBe(true);
        expect(made[5]).toBe('FV-2027-000001');
        const seqs = made.slice(0, 5).map((r) => Number(r.slice(-6)));
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        expect(seqs[0]).toBe(1);
      });

      it('is idempotent on the client key: a replay returns the first case and writes nothing', async () => {
        const input = newCase({ clientKey: 'activity-42' });
        const first = await store.cases.create(input, 2026, (c) => [triagePost(c)]);
        const again = await store.cases.create({ ...input, title: 'endret' }, 2026, (c) => [
          triagePost(c, 'replay'),
        ]);
        expect(again.created).toBe(false);
        expect(again.case.value).toEqual(first.case.value);
        expect(await store.outbox.get(`${first.case.value.ref}:replay`, ROR)).toBeNull();
        const next = await create(newCase());
        expect(Number(next.value.ref.slice(-6))).toBeGreaterThan(Number(first.case.value.ref.slice(-6)));
        expect((await store.cases.listByReporter(input.reporter.id)).items).toHaveLength(2);
      });

      it('matches a replayed client key per reporter and desk: another user with the same key gets a case of their own', async () => {
        const kari = await store.cases.create(
          newCase({ clientKey: 'activity-7', reporter: 'u-kari' }),
          2026,
          noOutbox,
        );
        const ola = await store.cases.create(
          newCase({ clientKey: 'activity-7', reporter: 'u-ola' }),
          2026,
          noOutbox,
        );
        expect(ola.created).toBe(true);
        expect(ola.case.value.ref).not.toBe(kari.case.value.ref);
        expect(ola.case.value.reporter.id).toBe('u-ola');
        const otherDesk = await store.cases.create(
          newCase({ clientKey: 'activity-7', reporter: 'u-kari', desk: 'byarkivet', org: 'frogner' }),
          2026,
          noOutbox,
        );
        expect(otherDesk.created).toBe(true);
        const replay = await store.cases.create(
          newCase({ clientKey: 'activity-7', reporter: 'u-ola' }),
          2026,
          noOutbox,
        );
        expect(replay).toEqual({ case: ola.case, created: false });
      });
    });

    describe('cases: conditional update', () => {
      it('replaces when the version is current and refuses a stale one, writing nothing', async () => {
        const v1 = await create(newCase());
        const claimed: Case = { ...v1.value, status: 'in_progress', assignee: person('u-desk', 'Kari') };
        const v2 = await store.cases.update(claimed, v1.version, [
          message('claim-1', ROR, '2026-03-02T09:05:00Z'),
        ]);
        expect(v2.version).not.toBe(v1.version);
        expect(await store.cases.getForDesk(v1.value.ref, ROR)).toEqual(v2);
        expect(await store.outbox.get('claim-1', ROR)).not.toBeNull();

        const stale: Case = { ...v1.value, status: 'waiting' };
        const err = await store.cases
          .update(stale, v1.version, [message('stale-1', ROR, '2026-03-02T09:06:00Z')])
          .catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ConflictError);
        expect(isFristvaktError(err, 'CONFLICT')).toBe(true);
        // Neither the case nor the outbox message of the refused change was written.
        expect((await store.cases.getForDesk(v1.value.ref, ROR))!.value.status).toBe('in_progress');
        expect(await store.outbox.get('stale-1', ROR)).toBeNull();
        expect((await store.outbox.listDue(at('2027-01-01T00:00:00Z'), 50)).map((m) => m.id)).not.toContain(
          'stale-1',
        );
      });

      it('refuses to update a case that does not exist', async () => {
        const v1 = await create(newCase());
        const ghost: Case = { ...v1.value, ref: caseRef('FV-2026-999999') };
        await expect(store.cases.update(ghost, v1.version)).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(
          store.outbox.markDelivered('ghost', ROR, at('2026-03-02T10:00:00Z')),
        ).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
      });

      it('refuses to move a case to another desk by update', async () => {
        const v1 = await create(newCase());
        await expect(store.cases.update({ ...v1.value, deskId: BYA }, v1.version)).rejects.toMatchObject({
          code: 'VALIDATION',
        });
      });

      it('writes the summary row from the SLA the change computed (create and update), only when computed for that case', async () => {
        const desk = (await store.desks.get(ROR))!.value;
        const input = newCase({ receivedAt: '2026-05-05T09:17:00Z' });
        const rowOf = async (c: Case) => {
          const t = Date.parse(c.receivedAt);
          for await (const s of store.cases.streamSummaries(
            [ROR],
            at(c.receivedAt),
            at(new Date(t + 1).toISOString()),
          ))
            if (s.ref === c.ref) return s;
          return undefined;
        };
        /** `known` with the SLA of two hours later in it, passed off as this case's: taken, it shows. */
        const posing = (known: ComputedSla, c: Case, when: Date): ComputedSla => ({
          ...known,
          sla: caseSla(c, desk, new Date(when.getTime() + 2 * 3_600_000)),
        });
        const receipt = new Date(input.receivedAt);
        const known = computedSla(input, desk, receipt);
        const made = await store.cases.create(
          input,
          2026,
          noOutbox,
          posing(known, { ...input, ref: caseRef('FV-2026-000000') }, receipt),
        );
        const c1 = made.case.value;
        // The store passes it on to the summary: the row is the posing value's, not the one computed afresh.
        expect(await rowOf(c1)).not.toEqual(caseSummary(c1, desk));
        expect(await rowOf(c1)).toEqual(caseSummary(c1, desk, posing(known, c1, receipt)));

        const claimedAt = new Date(receipt.getTime() + 5 * 60_000);
        const claimed = applyCommand(
          c1,
          { type: 'claim' },
          {
            actor: { kind: 'user', ...person('u-desk', 'Kari') },
            role: 'desk',
            now: claimedAt,
            policy: desk.policy,
            previousPolicies: desk.previousPolicies,
          },
        );
        const v2 = await store.cases.update(claimed.case, made.case.version, [], claimed.known);
        // Computed for this case at this instant: the row equals the one computed afresh.
        expect(await rowOf(v2.value)).toEqual(caseSummary(v2.value, desk));
        const v3 = await store.cases.update(
          claimed.case,
          v2.version,
          [],
          posing(claimed.known!, claimed.case, claimedAt),
        );
        expect(await rowOf(v3.value)).not.toEqual(caseSummary(v3.value, desk));
        // Computed for the case before the claim (a shorter history): not taken, computed afresh.
        const v4 = await store.cases.update(claimed.case, v3.version, [], computedSla(c1, desk, claimedAt));
        expect(await rowOf(v4.value)).toEqual(caseSummary(v4.value, desk));
      });

      it('moves the case between the queue, the watcher window and the org view as its fields change', async () => {
        const v1 = await create(newCase({ org: 'molde', nextDueAt: '2026-03-02T10:00:00Z' }));
        expect(refs((await store.cases.listDeskQueue(ROR)).items)).toEqual([v1.value.ref]);
        const closed: Case = { ...v1.value, status: 'closed', orgId: orgId('aukra'), sla: {} };
        await store.cases.update(closed, v1.version);
        expect((await store.cases.listDeskQueue(ROR)).items).toEqual([]);
        expect((await store.cases.listDueBefore(ROR, at('2030-01-01T00:00:00Z'))).items).toEqual([]);
        expect((await store.cases.listByOrg(orgId('molde'))).items).toEqual([]);
        expect(refs((await store.cases.listByOrg(orgId('aukra'))).items)).toEqual([v1.value.ref]);
      });
    });

    describe('cases: queries, each with paging and a fixed sort', () => {
      it("lists a reporter's cases newest first, across desks, in pages", async () => {
        const made: Case[] = [];
        for (let i = 0; i < 8; i += 1) {
          const d = i % 2 === 0 ? 'ror-ikt' : 'byarkivet';
          // Two cases share each instant: the reference breaks the tie.
          const receivedAt = `2026-03-0${2 + Math.floor(i / 2)}T09:00:00Z`;
          made.push((await create(newCase({ reporter: 'u-kari', desk: d, receivedAt }))).value);
        }
        await create(newCase({ reporter: 'u-ola' }));
        const expected = [...made]
          .sort((a, b) => (`${a.receivedAt}|${a.ref}` < `${b.receivedAt}|${b.ref}` ? 1 : -1))
          .map((c) => c.ref);
        const { pages, items } = await allPages((p) => store.cases.listByReporter(userId('u-kari'), p), 3);
        expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
        expect(refs(items)).toEqual(expected);
      });

      it("lists a desk's open queue by nearest deadline, no deadline last, then by reference", async () => {
        const due = [
          '2026-03-02T12:00:00Z',
          '2026-03-02T10:00:00Z',
          null,
          '2026-03-02T10:00:00Z',
          null,
          '2026-03-02T11:00:00Z',
        ];
        const made: Case[] = [];
        for (const d of due) made.push((await create(newCase({ nextDueAt: d }))).value);
        await create(newCase({ status: 'closed', nextDueAt: null }));
        await create(newCase({ desk: 'byarkivet', org: 'frogner' }));
        const key = (c: Case) => `${c.sla.nextDueAt ?? 'none'}|${c.ref}`; // 'n' sorts after digits
        const expected = [...made].sort((a, b) => (key(a) < key(b) ? -1 : 1));
        const { pages, items } = await allPages((p) => store.cases.listDeskQueue(ROR, p), 4);
        expect(pages.map((p) => p.length)).toEqual([4, 2]);
        expect(refs(items)).toEqual(refs(expected));
        expect(items.every((c) => c.deskId === ROR && c.status !== 'closed')).toBe(true);
      });

      it("lists an organisation's cases newest first, only that organisation's", async () => {
        const made: Case[] = [];
        for (let i = 0; i < 5; i += 1)
          made.push(
            (await create(newCase({ org: 'aukra', receivedAt: `2026-03-0${i + 1}T08:00:00Z` }))).value,
          );
        await create(newCase({ org: 'molde' }));
        await create(newCase({ org: 'frogner', desk: 'byarkivet' }));
        const { items } = await allPages((p) => store.cases.listByOrg(orgId('aukra'), p), 2);
        expect(refs(items)).toEqual(refs([...made].reverse()));
      });

      it('lists the cases a user follows newest first, and follows changes of the followers', async () => {
        const a = await create(newCase({ followers: ['u-fol', 'u-x'], receivedAt: '2026-03-01T08:00:00Z' }));
        const b = await create(
          newCase({
            desk: 'byarkivet',
            org: 'frogner',
            followers: ['u-fol'],
            receivedAt: '2026-03-02T08:00:00Z',
          }),
        );
        const c = await create(newCase({ receivedAt: '2026-03-03T08:00:00Z' }));
        await create(newCase({ reporter: 'u-fol' })); // reported, not followed
        const { pages, items } = await allPages((p) => store.cases.listByFollower(userId('u-fol'), p), 1);
        expect(pages.map((p) => p.length)).toEqual([1, 1]);
        expect(refs(items)).toEqual([b.value.ref, a.value.ref]);

        await store.cases.update({ ...a.value, followers: [person('u-x')] }, a.version);
        await store.cases.update({ ...c.value, followers: [person('u-fol')] }, c.version);
        expect(refs((await store.cases.listByFollower(userId('u-fol'))).items)).toEqual([
          c.value.ref,
          b.value.ref,
        ]);
        expect(refs((await store.cases.listByFollower(userId('u-x'))).items)).toEqual([a.value.ref]);
        expect((await store.cases.listByFollower(userId('u-nobody'))).items).toEqual([]);
      });

      it('lists the children of a parent case by reference', async () => {
        const parent = (await create(newCase())).value;
        const kids: Case[] = [];
        for (let i = 0; i < 5; i += 1) kids.push((await create(newCase({ parentRef: parent.ref }))).value);
        await create(newCase());
        const { pages, items } = await allPages((p) => store.cases.listChildren(parent.ref, ROR, p), 2);
        expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
        expect(refs(items)).toEqual(refs(kids).sort());
        expect((await store.cases.listChildren(parent.ref, BYA)).items).toEqual([]);
      });

      it('lists open cases whose next deadline falls at or before the window end', async () => {
        const inside = [
          (await create(newCase({ nextDueAt: '2026-03-02T09:30:00Z' }))).value,
          (await create(newCase({ nextDueAt: '2026-03-02T10:00:00Z' }))).value,
          (await create(newCase({ nextDueAt: '2026-03-01T10:00:00Z' }))).value,
        ];
        await create(newCase({ nextDueAt: '2026-03-02T10:00:00.001Z' }));
        await create(newCase({ nextDueAt: null }));
        await create(newCase({ nextDueAt: '2026-03-02T09:00:00Z', status: 'closed' }));
        await create(newCase({ nextDueAt: '2026-03-02T09:00:00Z', desk: 'byarkivet' }));
        const { items } = await allPages(
          (p) => store.cases.listDueBefore(ROR, at('2026-03-02T10:00:00Z'), p),
          2,
        );
        expect(refs(items)).toEqual([inside[2]!.ref, inside[0]!.ref, inside[1]!.ref]);
      });

      it('streams all cases of a period for the given desks, across pages', async () => {
        const expected: string[] = [];
        for (let i = 0; i < 30; i += 1) {
          const d = i % 3 === 0 ? 'byarkivet' : 'ror-ikt';
          const c = await create(
            newCase({ desk: d, receivedAt: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z` }),
          );
          expected.push(c.value.ref);
        }
        await create(newCase({ receivedAt: '2026-02-28T23:59:59.999Z' }));
        await create(newCase({ receivedAt: '2026-04-01T00:00:00Z' }));
        await store.desks.put(desk('uke', ['oslo']));
        await create(newCase({ desk: 'uke', receivedAt: '2026-03-10T00:00:00Z' }));
        const seen: string[] = [];
        for await (const c of store.cases.streamPeriod(
          [ROR, BYA],
          at('2026-03-01T00:00:00Z'),
          at('2026-04-01T00:00:00Z'),
        ))
          seen.push(c.ref);
        expect(seen).toHaveLength(30);
        expect([...seen].sort()).toEqual([...expected].sort());
      });

      it('keeps a report summary with every write: the report from summaries equals the full one', async () => {
        const current = await store.desks.get(ROR);
        await store.desks.put({ ...current!.value, policy: FIXTURE_POLICY }, current!.version);
        // Each fixture case is created with its first event, then every later event is one update. One
        // of them, received in the period with a summary the aggregate takes, ended as an order: the
        // orders report counts it, the SLA report (full, from summaries, from the aggregate) does not.
        const fixtures = fixtureCases();
        const orderAt = fixtures.findIndex(
          (c) =>
            Date.parse(c.receivedAt) >= FIXTURE_PERIOD.from.getTime() &&
            !caseSummary(c, FIXTURE_POLICY).timelineNeeded,
        );
        expect(orderAt).toBeGreaterThanOrEqual(0);
        fixtures[orderAt] = { ...fixtures[orderAt]!, kind: 'order' };
        const orders = 1;
        const stored: string[] = [];
        for (const full of fixtures) {
          const { ref: _ref, ...input } = full;
          const first: NewCase = { ...input, events: full.events.slice(0, 1), status: 'new' };
          let v = await create(first);
          for (let i = 2; i <= full.events.length; i += 1) {
            const next: Case = { ...full, ref: v.value.ref, events: full.events.slice(0, i) };
            v = await store.cases.update(next, v.version);
          }
          stored.push(v.value.ref);
        }
        const from = at(new Date(FIXTURE_PERIOD.from.getTime() - 60 * 86_400_000).toISOString());
        const to = at(FIXTURE_PERIOD.to.toISOString());
        const summaryRefs: string[] = [];
        for await (const s of store.cases.streamSummaries([ROR], from, to)) summaryRefs.push(s.ref);
        const caseRefs: string[] = [];
        for await (const c of store.cases.streamPeriod([ROR], from, to)) caseRefs.push(c.ref);
        expect(summaryRefs).toEqual(caseRefs);
        expect(summaryRefs.length).toBeGreaterThan(5);

        const reports = async (): Promise<{
          full: SlaReport;
          fromSummaries: SlaReport;
          timelines: number;
          shown: SlaReport;
          fromAggregate: SlaReport;
          aggregated: number;
        }> => {
          const policy = (await store.desks.get(ROR))!.value.policy;
          const options = {
            period: FIXTURE_PERIOD,
            now: FIXTURE_NOW,
            notices: [],
            policies: { [ROR]: policy },
          };
          const full = slaReportBuilder(options);
          for await (const c of store.cases.streamPeriod([ROR], from, to)) full.add(c);
          const viaSummaries = slaReportBuilder(options);
          const fed = await feedReport(store.cases, viaSummaries, [ROR], from, to);
          expect(fed.summaries + fed.timelines).toBe(caseRefs.length);
          // The report the API shows (no rows, the earliest breaches): from the store's aggregate.
          const shown = { ...options, withRows: false, maxBreaches: 2 };
          const fullShown = slaReportBuilder(shown);
          for await (const c of store.cases.streamPeriod([ROR], from, to)) fullShown.add(c);
          const viaAggregate = slaReportBuilder(shown);
          const agg = await feedReport(store.cases, viaAggregate, [ROR], from, to);
          expect(agg.aggregated + agg.summaries + agg.timelines).toBe(caseRefs.length - orders);
          return {
            full: full.finish(),
            fromSummaries: viaSummaries.finish(),
            timelines: fed.timelines,
            shown: fullShown.finish(),
            fromAggregate: viaAggregate.finish(),
            aggregated: agg.aggregated,
          };
        };
        const before = await reports();
        expect(before.fromSummaries).toEqual(before.full);
        expect(before.fromAggregate).toEqual(before.shown);
        expect(before.aggregated).toBeGreaterThan(caseRefs.length / 2);
        expect(before.shown.breaches).toHaveLength(2);
        expect(before.shown.breachCount).toBeGreaterThan(2);
        expect(before.full.cases).toBeGreaterThan(0);
        // Only the case paused at its last change needs its timeline; the others come from summaries.
        expect(before.timelines).toBeLessThan(caseRefs.length / 2);

        // A new policy: the summaries written under the old one are refused, the figures still agree.
        const d = await store.desks.get(ROR);
        await store.desks.put({ ...d!.value, policy: PRESETS['uke-servicesenter'] }, d!.version);
        const after = await reports();
        expect(after.fromSummaries).toEqual(after.full);
        expect(after.fromAggregate).toEqual(after.shown);
        expect(after.aggregated).toBe(0);
        expect(after.timelines).toBe(caseRefs.length - orders);
        expect(after.full).not.toEqual(before.full);
      });

      it("lists the summaries whose warning instant falls in the watcher's window, each once, across pages", async () => {
        const policy = (await store.desks.get(ROR))!.value.policy;
        const made: Case[] = [];
        for (let i = 0; i < 9; i += 1)
          made.push((await create(newCase({ receivedAt: `2026-03-02T0${i}:10:00Z` }))).value);
        await create(newCase({ desk: 'byarkivet', receivedAt: '2026-03-02T08:00:00Z' }));
        // A closed case has no instants left; one updated later has its instants moved.
        const closing = (await store.cases.getForDesk(made[0]!.ref, ROR))!;
        const closed = { ...closing.value, status: 'closed' as const, updatedAt: at('2026-03-02T09:00:00Z') };
        await store.cases.update(closed, closing.version);
        const kept = made.slice(1);
        const instants = new Map(
          kept.map((c) => [c.ref, warningInstants(caseSummary(c, policy), policy).map((t) => Date.parse(t))]),
        );
        expect(warningInstants(caseSummary(closed, policy), policy)).toEqual([]);
        const windows: Array<[string | null, string]> = [
          [null, '2099-01-01T00:00:00Z'],
          [null, '2026-03-02T09:00:00Z'],
          ['2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z'],
          ['2026-03-02T12:00:00Z', '2026-03-03T12:00:00Z'],
        ];
        let nonEmpty = 0;
        for (const [after, until] of windows) {
          const lo = after === null ? Number.NEGATIVE_INFINITY : Date.parse(after);
          const hi = Date.parse(until);
          const expected = kept
            .filter((c) => instants.get(c.ref)!.some((t) => t > lo && t <= hi))
            .map((c) => c.ref)
            .sort();
          const { items } = await allPages(
            (p) => store.cases.listWarningsDue(ROR, after === null ? null : at(after), at(until), p),
            2,
          );
          const got = items.map((s) => s.ref);
          expect([...got].sort()).toEqual(expected);
          expect(items.every((s) => s.deskId === ROR && s.open)).toBe(true);
          if (expected.length > 0) nonEmpty += 1;
        }
        // Every case in the widest window has two or more instants, yet comes once.
        expect(nonEmpty).toBeGreaterThanOrEqual(3);
      });

      it('refuses a continuation token from another query', async () => {
        for (let i = 0; i < 3; i += 1) await create(newCase());
        const page = await store.cases.listDeskQueue(ROR, { limit: 1 });
        expect(page.continuationToken).toBeDefined();
        await expect(
          store.cases.listByReporter(userId('u-ansatt'), {
            limit: 1,
            continuationToken: page.continuationToken!,
          }),
        ).rejects.toMatchObject({ code: 'VALIDATION' });
        await expect(store.cases.listDeskQueue(ROR, { continuationToken: 'garbage' })).rejects.toMatchObject({
          code: 'VALIDATION',
        });
      });
    });

    describe('tenancy', () => {
      it('shows a case only to its desk, its organisation, its reporter, test contact and followers', async () => {
        const c = (
          await create(
            newCase({
              desk: 'ror-ikt',
              org: 'molde',
              reporter: 'u-rep',
              followers: ['u-fol'],
              testContact: 'u-test',
            }),
          )
        ).value;
        const visible = async (a: ReturnType<typeof access>) =>
          (await store.cases.getVisible(c.ref, a))?.value.ref;
        expect(await visible(access('u-rep'))).toBe(c.ref);
        expect(await visible(access('u-fol'))).toBe(c.ref);
        expect(await visible(access('u-test'))).toBe(c.ref);
        expect(await visible(access('u-desk', ['ror-ikt']))).toBe(c.ref);
        expect(await visible(access('u-super', [], ['molde']))).toBe(c.ref);
        expect(await visible(access('u-other'))).toBeUndefined();
        expect(await visible(access('u-byarkiv', ['byarkivet'], ['frogner']))).toBeUndefined();
        expect(await visible(access('u-super-aukra', [], ['aukra']))).toBeUndefined();
        expect(await store.cases.getVisible(caseRef('FV-2026-999999'), access('u-rep'))).toBeNull();
        expect(await store.cases.getForDesk(c.ref, BYA)).toBeNull();
      });

      it('keeps each query to its own desk, organisation or reporter', async () => {
        const a = (await create(newCase({ desk: 'ror-ikt', org: 'molde', reporter: 'u-a' }))).value;
        const b = (await create(newCase({ desk: 'byarkivet', org: 'frogner', reporter: 'u-b' }))).value;
        expect(refs((await store.cases.listDeskQueue(ROR)).items)).toEqual([a.ref]);
        expect(refs((await store.cases.listDeskQueue(BYA)).items)).toEqual([b.ref]);
        expect(refs((await store.cases.listByOrg(orgId('frogner'))).items)).toEqual([b.ref]);
        expect(refs((await store.cases.listByReporter(userId('u-a'))).items)).toEqual([a.ref]);
        expect(refs((await store.cases.listDueBefore(BYA, at('2030-01-01T00:00:00Z'))).items)).toEqual([
          b.ref,
        ]);
        const streamed: string[] = [];
        for await (const c of store.cases.streamPeriod(
          [BYA],
          at('2026-01-01T00:00:00Z'),
          at('2027-01-01T00:00:00Z'),
        ))
          streamed.push(c.ref);
        expect(streamed).toEqual([b.ref]);
      });
    });

    describe('outbox', () => {
      it("lists a post ahead of the last minute's updates and replies, not ahead of older ones", async () => {
        const followUp = (id: string, createdAt: string, operation: 'update' | 'reply') => ({
          ...message(id, ROR, createdAt),
          operation,
          conversationKey: 'channel:team-1:triage',
          threadKey: `case:${id}:triage`,
        });
        await store.outbox.enqueue([
          followUp('old-reply', '2026-03-02T09:58:30Z', 'reply'),
          followUp('update', '2026-03-02T09:59:10Z', 'update'),
          followUp('reply', '2026-03-02T09:59:20Z', 'reply'),
          message('new-case-post', ROR, '2026-03-02T09:59:40Z'),
          followUp('late-reply', '2026-03-02T09:59:50Z', 'reply'),
        ]);
        const due = (await store.outbox.listDue(at('2026-03-02T10:00:00Z'), 10)).map((m) => m.id);
        expect(due).toEqual(['old-reply', 'new-case-post', 'update', 'reply', 'late-reply']);
        // The first page of a backlog: the post is in it.
        expect((await store.outbox.listDue(at('2026-03-02T10:00:00Z'), 2)).map((m) => m.id)).toEqual([
          'old-reply',
          'new-case-post',
        ]);
      });

      it('runs the lifecycle: due, failed with a next attempt, delivered, parked', async () => {
        const added = await store.outbox.enqueue([
          message('m1', ROR, '2026-03-02T09:00:00Z'),
          message('m2', BYA, '2026-03-02T09:01:00Z'),
          message('m3', ROR, '2026-03-02T09:02:00Z'),
          message('later', ROR, '2026-03-02T12:00:00Z'),
        ]);
        expect(added).toEqual(['m1', 'm2', 'm3', 'later']);
        expect(
          await store.outbox.enqueue([
            message('m1', ROR, '2026-03-02T09:00:00Z'),
            message('m4', ROR, '2026-03-02T09:03:00Z'),
          ]),
        ).toEqual(['m4']);

        const now = at('2026-03-02T10:00:00Z');
        expect((await store.outbox.listDue(now, 10)).map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
        expect((await store.outbox.listDue(now, 2)).map((m) => m.id)).toEqual(['m1', 'm2']);

        await store.outbox.markFailed('m1', ROR, '502 from Bot Connector', at('2026-03-02T10:05:00Z'));
        expect(await store.outbox.get('m1', ROR)).toMatchObject({
          status: 'pending',
          attempts: 1,
          lastError: '502 from Bot Connector',
          nextAttemptAt: '2026-03-02T10:05:00.000Z',
        });
        await store.outbox.markDelivered('m2', BYA, at('2026-03-02T10:00:01Z'));
        await store.outbox.park('m3', ROR, '403 bot removed from team');
        expect((await store.outbox.listDue(now, 10)).map((m) => m.id)).toEqual(['m4']);
        expect((await store.outbox.listDue(at('2026-03-02T12:00:00Z'), 10)).map((m) => m.id)).toEqual([
          'm4',
          'm1',
          'later',
        ]);
        expect(await store.outbox.get('m2', BYA)).toMatchObject({
          status: 'delivered',
          deliveredAt: '2026-03-02T10:00:01.000Z',
        });
        expect(await store.outbox.get('m3', ROR)).toMatchObject({
          status: 'parked',
          lastError: '403 bot removed from team',
        });
        expect(await store.outbox.get('m2', ROR)).toBeNull();
        expect(await store.outbox.get('nope', ROR)).toBeNull();
      });

      it("lists a thread's pending messages that are due, oldest first, where the thread's messages live", async () => {
        const thread = 'case:FV-2026-000001:triage';
        const inThread = (id: string, createdAt: string, threadKey = thread) => ({
          ...message(id, ROR, createdAt),
          conversationKey: 'channel:team-1:triage',
          threadKey,
        });
        await store.outbox.enqueue([
          inThread('FV-2026-000001:e3:reply', '2026-03-02T09:02:00Z'),
          inThread('FV-2026-000001:e1:update', '2026-03-02T09:00:00Z'),
          inThread('FV-2026-000001:e2:update', '2026-03-02T09:01:00Z'),
          inThread('FV-2026-000001:e9:update', '2026-03-02T12:00:00Z'),
          inThread('FV-2026-000002:e1:update', '2026-03-02T09:00:30Z', 'case:FV-2026-000002:triage'),
          inThread('notice:n1:post', '2026-03-02T09:00:00Z', 'notice:n1:channel'),
          inThread('notice:n1:update', '2026-03-02T09:03:00Z', 'notice:n1:channel'),
          message('FV-2026-000001:e4:reporter', ROR, '2026-03-02T09:00:10Z'),
        ]);
        const now = at('2026-03-02T10:00:00Z');
        const of = { id: 'FV-2026-000001:e1:update', deskId: ROR, threadKey: thread };
        const ids = async (o: { id: string; deskId: DeskId; threadKey?: string }, limit = 10) =>
          (await store.outbox.pendingInThread(o, now, limit)).map((m) => m.id);
        expect(await ids(of)).toEqual([
          'FV-2026-000001:e1:update',
          'FV-2026-000001:e2:update',
          'FV-2026-000001:e3:reply',
        ]);
        expect(await ids(of, 2)).toEqual(['FV-2026-000001:e1:update', 'FV-2026-000001:e2:update']);
        await store.outbox.markDelivered('FV-2026-000001:e2:update', ROR, at('2026-03-02T10:00:01Z'));
        await store.outbox.park('FV-2026-000001:e3:reply', ROR, '403 bot removed from team');
        expect(await ids(of)).toEqual(['FV-2026-000001:e1:update']);
        expect(await ids({ id: 'notice:n1:update', deskId: ROR, threadKey: 'notice:n1:channel' })).toEqual([
          'notice:n1:post',
          'notice:n1:update',
        ]);
        expect(await ids({ id: 'FV-2026-000001:e4:reporter', deskId: ROR, threadKey: undefined })).toEqual(
          [],
        );
      });
    });

    describe('threads and conversations', () => {
      it('stores and replaces posted messages and conversation references by key', async () => {
        expect(await store.threads.get('case:FV-2026-000001:triage')).toBeNull();
        const posted = {
          conversationId: '19:abc@thread.tacv2',
          activityId: '1700000000',
          serviceUrl: 'https://smba.example/',
        };
        await store.threads.put('case:FV-2026-000001:triage', posted);
        expect(await store.threads.get('case:FV-2026-000001:triage')).toEqual(posted);
        await store.threads.put('case:FV-2026-000001:triage', { ...posted, activityId: '2' });
        expect((await store.threads.get('case:FV-2026-000001:triage'))!.activityId).toBe('2');

        const ref = {
          conversation: { id: 'a:1' },
          serviceUrl: 'https://smba.example/',
          user: { id: '29:x' },
        };
        await store.conversations.put('user:u-ansatt', ref);
        expect(await store.conversations.get('user:u-ansatt')).toEqual(ref);
        expect(await store.conversations.get('user:u-other')).toBeNull();
      });
    });

    describe('desks, services, organisations', () => {
      it('creates, refuses duplicates, replaces conditionally and lists', async () => {
        const v1 = await store.desks.get(ROR);
        expect(v1!.value.name).toBe('Desk ror-ikt');
        await expect(store.desks.put(desk('ror-ikt'))).rejects.toMatchObject({ code: 'DUPLICATE' });
        const v2 = await store.desks.put({ ...v1!.value, phone: '+47 99 99 99 99' }, v1!.version);
        expect(await store.desks.get(ROR)).toEqual(v2);
        await expect(store.desks.put({ ...v1!.value, phone: 'stale' }, v1!.version)).rejects.toBeInstanceOf(
          ConflictError,
        );
        expect((await store.desks.get(ROR))!.value.phone).toBe('+47 99 99 99 99');
        expect((await store.desks.list()).map((d) => d.id)).toEqual(['byarkivet', 'ror-ikt']);
        expect(await store.desks.get(deskId('nope'))).toBeNull();

        await store.desks.putService({
          id: serviceId('websak'),
          name: 'WebSak',
          deskId: BYA,
          criticality: 'high_uptime',
        });
        await store.desks.putService({
          id: serviceId('agresso'),
          name: 'Agresso',
          deskId: ROR,
          criticality: 'normal',
        });
        await store.desks.putService({
          id: serviceId('agresso'),
          name: 'Agresso ERP',
          deskId: ROR,
          criticality: 'citizen_facing',
        });
        expect((await store.desks.listServices()).map((s) => s.id)).toEqual(['agresso', 'websak']);
        expect(await store.desks.listServices(ROR)).toEqual([
          { id: 'agresso', name: 'Agresso ERP', deskId: ROR, criticality: 'citizen_facing' },
        ]);
        await store.desks.putOrganisation({ id: orgId('molde'), name: 'Molde kommune' });
        await store.desks.putOrganisation({ id: orgId('aukra'), name: 'Aukra kommune' });
        expect(await store.desks.listOrganisations()).toEqual([
          { id: 'aukra', name: 'Aukra kommune' },
          { id: 'molde', name: 'Molde kommune' },
        ]);
      });
    });

    describeAdminContract(() => store);
    describeSupplierContract(() => store);
    describeOrderRefContract(() => store);

    describe('notices', () => {
      it('creates with outbox, updates conditionally, lists active by service and by period', async () => {
        const n1 = await store.notices.create(notice('n1', 'ror-ikt'), [
          message('n1:post', ROR, '2026-03-02T08:05:00Z'),
        ]);
        expect(await store.outbox.get('n1:post', ROR)).not.toBeNull();
        await store.notices.create(
          notice('n2', 'ror-ikt', {
            serviceIds: [serviceId('websak')],
            startsAt: at('2026-03-03T08:00:00Z'),
          }),
        );
        await store.notices.create(notice('n3', 'byarkivet', { startsAt: at('2026-03-04T08:00:00Z') }));
        await expect(store.notices.create(notice('n1', 'ror-ikt'))).rejects.toMatchObject({
          code: 'DUPLICATE',
        });

        expect((await store.notices.listActive(ROR)).map((n) => n.id)).toEqual(['n2', 'n1']);
        expect((await store.notices.listActive(ROR, serviceId('agresso'))).map((n) => n.id)).toEqual(['n1']);

        const resolved = { ...n1.value, status: 'resolved' as const, resolvedAt: at('2026-03-02T11:00:00Z') };
        const n1v2 = await store.notices.update(resolved, n1.version, [
          message('n1:resolved', ROR, '2026-03-02T11:00:00Z'),
        ]);
        expect(await store.notices.get(noticeId('n1'), ROR)).toEqual(n1v2);
        await expect(
          store.notices.update({ ...n1.value, title: 'stale' }, n1.version, [
            message('n1:stale', ROR, '2026-03-02T11:01:00Z'),
          ]),
        ).rejects.toBeInstanceOf(ConflictError);
        expect(await store.outbox.get('n1:stale', ROR)).toBeNull();
        expect((await store.notices.listActive(ROR)).map((n) => n.id)).toEqual(['n2']);
        expect(
          (await store.notices.listPeriod(ROR, at('2026-03-01T00:00:00Z'), at('2026-03-03T08:00:00Z'))).map(
            (n) => n.id,
          ),
        ).toEqual(['n1']);
        expect(
          (await store.notices.listPeriod(ROR, at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'))).map(
            (n) => n.id,
          ),
        ).toEqual(['n1', 'n2']);
        expect(await store.notices.get(noticeId('n3'), ROR)).toBeNull();
      });

      it('lists active notices by service: exact service ids among several, newest first, resolved left out', async () => {
        const spec = (services: string[], startsAt: string) => ({
          serviceIds: services.map((s) => serviceId(s)),
          startsAt: at(startsAt),
        });
        await store.notices.create(
          notice('m1', 'ror-ikt', spec(['websak', 'agresso'], '2026-03-02T08:00:00Z')),
        );
        await store.notices.create(notice('m2', 'ror-ikt', spec(['agresso-lonn'], '2026-03-02T09:00:00Z')));
        await store.notices.create(notice('m3', 'ror-ikt', spec(['agresso'], '2026-03-02T10:00:00Z')));
        await store.notices.create(notice('m4', 'ror-ikt', spec([], '2026-03-02T11:00:00Z')));
        await store.notices.create(notice('m5', 'byarkivet', spec(['agresso'], '2026-03-02T12:00:00Z')));
        const m6 = await store.notices.create(
          notice('m6', 'ror-ikt', spec(['agresso', 'websak'], '2026-03-02T13:00:00Z')),
        );
        await store.notices.update(
          { ...m6.value, status: 'resolved' as const, resolvedAt: at('2026-03-02T14:00:00Z') },
          m6.version,
        );
        const ids = async (service: string) =>
          (await store.notices.listActive(ROR, serviceId(service))).map((n) => n.id);
        expect(await ids('agresso')).toEqual(['m3', 'm1']);
        expect(await ids('websak')).toEqual(['m1']);
        expect(await ids('agresso-lonn')).toEqual(['m2']);
        expect(await ids('agress')).toEqual([]);
        expect(await store.notices.listActive(ROR, serviceId('agresso'))).toEqual(
          (await store.notices.listActive(ROR)).filter((n) => n.serviceIds.includes(serviceId('agresso'))),
        );
      });
    });

    describe('leases', () => {
      it('has one holder at a time; expiry lets another take over; the holder renews and releases', async () => {
        const t = (m: number) => at(new Date(Date.parse('2026-03-02T09:00:00Z') + m * 60_000).toISOString());
        expect(await store.leases.tryAcquire('sla-watcher', 'a', t(0), 60_000)).toBe(true);
        expect(await store.leases.tryAcquire('sla-watcher', 'b', t(0.5), 60_000)).toBe(false);
        expect(await store.leases.tryAcquire('outbox', 'b', t(0.5), 60_000)).toBe(true);
        expect(await store.leases.tryAcquire('sla-watcher', 'a', t(0.9), 60_000)).toBe(true); // renewed to t(1.9)
        expect(await store.leases.tryAcquire('sla-watcher', 'b', t(1.5), 60_000)).toBe(false);
        expect(await store.leases.tryAcquire('sla-watcher', 'b', t(2), 60_000)).toBe(true); // expired: taken over
        expect(await store.leases.tryAcquire('sla-watcher', 'a', t(2.1), 60_000)).toBe(false);
        await store.leases.release('sla-watcher', 'a'); // not the holder: no effect
        expect(await store.leases.tryAcquire('sla-watcher', 'a', t(2.2), 60_000)).toBe(false);
        await store.leases.release('sla-watcher', 'b');
        expect(await store.leases.tryAcquire('sla-watcher', 'a', t(2.3), 60_000)).toBe(true);
      });

      it('keeps a named mark between runs, the last write winning', async () => {
        expect(await store.leases.getMark('sla-watcher|ror-ikt')).toBeNull();
        await store.leases.putMark('sla-watcher|ror-ikt', '{"sweptUntil":"2026-03-02T09:00:00.000Z"}');
        await store.leases.putMark('sla-watcher|ror-ikt', '{"sweptUntil":"2026-03-02T09:01:00.000Z"}');
        expect(await store.leases.getMark('sla-watcher|ror-ikt')).toBe(
          '{"sweptUntil":"2026-03-02T09:01:00.000Z"}',
        );
        expect(await store.leases.getMark('sla-watcher|byarkivet')).toBeNull();
      });

      it('gives a free lease to exactly one of many racing holders', async () => {
        const now = at('2026-03-02T09:00:00Z');
        const wins = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.leases.tryAcquire('race', `h${i}`, now, 60_000)),
        );
        expect(wins.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('the store itself', () => {
      it('says it was created just now when opened empty', () => {
        expect(store.createdNow).toBe(true);
      });

      it('passes its health probe repeatedly, without touching any case', async () => {
        const made = await create(newCase());
        await store.cases.create(newCase(), 2026, (c) => [triagePost(c)]);
        await expect(store.probe(at('2026-03-02T09:00:00Z'))).resolves.toBeUndefined();
        await expect(store.probe(at('2026-03-02T09:00:05Z'))).resolves.toBeUndefined();
        expect(await store.cases.getForDesk(made.value.ref, ROR)).toEqual(made);
        expect((await store.outbox.listDue(at('2027-01-01T00:00:00Z'), 10)).map((m) => m.id)).toHaveLength(1);
      });

      it('migrates to the current data model idempotently, counting every case, all still readable', async () => {
        const made = [
          (await store.cases.create(newCase(), 2026, (c) => [triagePost(c)])).case,
          await create(newCase({ desk: 'byarkivet', org: 'frogner' })),
          await create(newCase({ receivedAt: '2027-01-04T09:00:00Z' }), 2027),
        ];
        for (let run = 0; run < 2; run += 1)
          expect(await store.migrate()).toEqual({ moved: 0, cases: made.length });
        for (const v of made) expect(await store.cases.getForDesk(v.value.ref, v.value.deskId)).toEqual(v);
        expect(await store.outbox.get(`${made[0]!.value.ref}:triage`, ROR)).toMatchObject({
          status: 'pending',
        });
      });

      it("spans a desk's years: queue, watcher window, children, period and outbox see every year's cases", async () => {
        const old = await create(
          newCase({ receivedAt: '2026-12-30T09:00:00Z', nextDueAt: '2027-01-05T09:00:00Z' }),
        );
        const parent = await create(
          newCase({ receivedAt: '2027-01-04T09:00:00Z', nextDueAt: '2027-01-04T10:00:00Z' }),
          2027,
        );
        const child = await create(
          newCase({ parentRef: old.value.ref, receivedAt: '2027-01-04T09:30:00Z', nextDueAt: null }),
          2027,
        );
        const closed = await create(newCase({ receivedAt: '2025-06-02T09:00:00Z', status: 'closed' }), 2025);
        expect(refs((await store.cases.listDeskQueue(ROR)).items)).toEqual([
          parent.value.ref,
          old.value.ref,
          child.value.ref,
        ]);
        const { items: paged } = await allPages((p) => store.cases.listDeskQueue(ROR, p), 1);
        expect(refs(paged)).toEqual([parent.value.ref, old.value.ref, child.value.ref]);
        expect(refs((await store.cases.listDueBefore(ROR, at('2027-01-06T00:00:00Z'))).items)).toEqual([
          parent.value.ref,
          old.value.ref,
        ]);
        expect(refs((await store.cases.listChildren(old.value.ref, ROR)).items)).toEqual([child.value.ref]);
        const policy = (await store.desks.get(ROR))!.value.policy;
        const warnable = [old, parent, child]
          .filter((v) => warningInstants(caseSummary(v.value, policy), policy).length > 0)
          .map((v) => v.value.ref);
        expect(warnable).toEqual(expect.arrayContaining([old.value.ref, parent.value.ref]));
        const warned = await store.cases.listWarningsDue(ROR, null, at('2099-01-01T00:00:00Z'));
        expect(warned.items.map((s) => s.ref).sort()).toEqual([...warnable].sort());
        const streamed: string[] = [];
        for await (const c of store.cases.streamPeriod(
          [ROR],
          at('2025-01-01T00:00:00Z'),
          at('2028-01-01T00:00:00Z'),
        ))
          streamed.push(c.ref);
        expect([...streamed].sort()).toEqual(
          refs([closed.value, old.value, parent.value, child.value]).sort(),
        );
        // A message about a case of an earlier year, enqueued outside a change, is found and marked by id.
        const warning = {
          ...message(`${old.value.ref}:warn:1`, ROR, '2027-01-04T10:00:00Z'),
          caseRef: old.value.ref,
        };
        expect(await store.outbox.enqueue([warning])).toEqual([warning.id]);
        expect((await store.outbox.listDue(at('2027-01-05T00:00:00Z'), 10)).map((m) => m.id)).toContain(
          warning.id,
        );
        await store.outbox.markDelivered(warning.id, ROR, at('2027-01-04T10:00:01Z'));
        expect(await store.outbox.get(warning.id, ROR)).toMatchObject({ status: 'delivered' });
        // Closing the last open case of a year takes it out of the queue.
        await store.cases.update({ ...old.value, status: 'closed', sla: {} }, old.version);
        expect(refs((await store.cases.listDeskQueue(ROR)).items)).toEqual([
          parent.value.ref,
          child.value.ref,
        ]);
      });
    });

    describe('blobs', () => {
      it('round-trips bytes and content type, and refuses keys that leave the blob area', async () => {
        await checkBlobStore(store.blobs);
      });
    });

    describe('concurrency', () => {
      it('20 parallel claims of one case: exactly one winner, the others get a conflict', async () => {
        const c = await create(newCase());
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, async (_, i) => {
            const read = (await store.cases.getForDesk(c.value.ref, ROR))!;
            const claimed: Case = { ...read.value, status: 'in_progress', assignee: person(`u-super-${i}`) };
            return store.cases.update(claimed, read.version, [
              message(`claim:${i}`, ROR, '2026-03-02T09:10:00Z'),
            ]);
          }),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(19);
        expect(lost.every((r) => r.reason instanceof ConflictError)).toBe(true);
        const winner = results.findIndex((r) => r.status === 'fulfilled');
        const final = (await store.cases.getForDesk(c.value.ref, ROR))!.value;
        expect(final.assignee!.id).toBe(`u-super-${winner}`);
        const due = await store.outbox.listDue(at('2027-01-01T00:00:00Z'), 100);
        expect(due.filter((m) => m.id.startsWith('claim:')).map((m) => m.id)).toEqual([`claim:${winner}`]);
      });

      const n = options.parallelCreates ?? 1000;
      it(`${n} parallel creations with 10 % replayed client keys: exactly the distinct cases`, async () => {
        const distinct = Math.round(n / 1.1);
        const inputs = Array.from({ length: distinct }, (_, i) =>
          newCase({
            clientKey: `par-${i}`,
            reporter: `u-par-${i % 7}`,
            desk: i % 2 ? 'ror-ikt' : 'byarkivet',
          }),
        );
        const replays = inputs.slice(0, n - distinct);
        const all = [...inputs, ...replays].sort(() => Math.random() - 0.5);
        const results = await Promise.all(
          all.map((input) => store.cases.create(input, 2026, (c) => [triagePost(c)])),
        );
        const created = results.filter((r) => r.created);
        expect(created).toHaveLength(distinct);
        const byKey = new Map<string, string>();
        for (const r of results) {
          const prior = byKey.get(r.case.value.clientKey);
          if (prior) expect(r.case.value.ref).toBe(prior);
          else byKey.set(r.case.value.clientKey, r.case.value.ref);
        }
        expect(byKey.size).toBe(distinct);
        const createdRefs = created.map((r) => r.case.value.ref);
        expect(new Set(createdRefs).size).toBe(distinct);
        expect(createdRefs.every(isCaseRef)).toBe(true);
        let stored = 0;
        for (const d of [ROR, BYA]) {
          const { items } = await allPages((p) => store.cases.listDeskQueue(d, p), 200);
          stored += items.length;
        }
        expect(stored).toBe(distinct);
        const due = await store.outbox.listDue(at('2027-01-01T00:00:00Z'), 100_000);
        expect(due.filter((m) => m.id.endsWith(':triage'))).toHaveLength(distinct);
      }, 240_000); // ~10 s on the emulator; room for a loaded 2-core machine
    });
  });
}

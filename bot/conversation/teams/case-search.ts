/**
 * The compose box's case search (`composeExtension/query`, command `searchCases`): a reference, or
 * words that must all appear in a case's title (or reference), among the cases the user may see.
 *
 * Never a scan: a reference is read through the change service's `read` (the one access rule); words
 * are matched in the store's per-user listings — the user's own cases, the cases they follow, their
 * desks' open queues and their virksomheter's cases (superbruker) — each read up to `PER_LISTING`
 * cases, every case checked with `roleOn` again. A case the user may not see is never in the answer, so
 * searching for a stranger's reference answers exactly as for one that does not exist: an empty list.
 */
import type { MessagingExtensionQuery } from 'botbuilder';
import { roleOn } from '../../../shared/access';
import type { Case } from '../../../shared/cases/model';
import { parseCaseRef } from '../../../shared/ids';
import type { Page, PageRequest } from '../../../shared/ports';
import { strings } from '../../i18n/strings';
import { turnActor, type Turn } from '../turn';
import { caseResultItem } from './case-card';
import { extensionMessage, extensionResult, type InvokeReply } from './responses';

/** The search command's one parameter (the manifest's `parameters[0].name`). */
export const SEARCH_PARAMETER = 'query';
/** Shortest word query (a reference is always accepted). */
export const SEARCH_MIN_CHARS = 2;
/** Most cases read from one listing for a word search. */
export const PER_LISTING = 1000;
/** Most results Teams is given in one answer. */
const MAX_RESULTS = 25;

async function collect(
  fetch: (page: PageRequest) => Promise<Page<Case>>,
  take: (c: Case) => void,
): Promise<void> {
  let token: string | undefined;
  let read = 0;
  do {
    const page = await fetch({ limit: 200, ...(token ? { continuationToken: token } : {}) });
    for (const c of page.items) take(c);
    read += page.items.length;
    token = page.continuationToken;
  } while (token && read < PER_LISTING);
}

/** The cases the user may see whose title or reference holds every word, newest first. */
export async function visibleCasesMatching(turn: Turn, words: readonly string[]): Promise<Case[]> {
  const { cases } = turn.deps.store;
  const { access } = turn;
  const found = new Map<string, Case>();
  const take = (c: Case): void => {
    if (found.has(c.ref) || roleOn(c, access) === null) return;
    const hay = `${c.ref} ${c.title}`.toLowerCase();
    if (words.every((w) => hay.includes(w))) found.set(c.ref, c);
  };
  await collect((p) => cases.listByReporter(access.userId, p), take);
  await collect((p) => cases.listByFollower(access.userId, p), take);
  for (const desk of access.deskIds) await collect((p) => cases.listDeskQueue(desk, p), take);
  for (const org of access.orgIds) await collect((p) => cases.listByOrg(org, p), take);
  return [...found.values()].sort((a, b) =>
    a.receivedAt === b.receivedAt ? (a.ref < b.ref ? 1 : -1) : a.receivedAt < b.receivedAt ? 1 : -1,
  );
}

const paramOf = (q: MessagingExtensionQuery, name: string): string => {
  const p = (Array.isArray(q.parameters) ? q.parameters : []).find((x) => x?.name === name);
  return typeof p?.value === 'string' ? p.value : '';
};

const bounded = (n: unknown, min: number, max: number, fallback: number): number =>
  typeof n === 'number' && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;

export async function searchCases(turn: Turn, query: MessagingExtensionQuery): Promise<InvokeReply> {
  const initialRun = paramOf(query, 'initialRun') === 'true';
  const text = paramOf(query, SEARCH_PARAMETER).trim().slice(0, 200);
  const skip = bounded(query.queryOptions?.skip, 0, 10_000, 0);
  const count = bounded(query.queryOptions?.count, 1, MAX_RESULTS, MAX_RESULTS);

  const ref = parseCaseRef(text);
  if (ref) {
    const seen = await turn.deps.changes.read(ref, turnActor(turn));
    return extensionResult(seen && skip === 0 ? [caseResultItem(turn, seen.found.value)] : []);
  }
  if (!initialRun && text.length < SEARCH_MIN_CHARS)
    return extensionMessage(strings(turn.locale).teams.searchTooShort(SEARCH_MIN_CHARS));
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const matches = await visibleCasesMatching(turn, words);
  return extensionResult(matches.slice(skip, skip + count).map((c) => caseResultItem(turn, c)));
}

/**
 * Link unfurling (`composeExtension/queryLink`): a link on the app's domain (the manifest's
 * `messageHandlers`) that names a case — the tab's `…/tab/?case=FV-2026-000123`, or any path or query
 * holding a reference — becomes the case's compact card, for a user who may see the case (the change
 * service's `read`, the one access rule). For anyone else, and for a link naming no case or a made-up
 * one, the answer is the same empty result: Teams shows the plain link and learns nothing.
 *
 * A bare `FV-…` typed in a message is not a link, and Teams invokes the app only for links: such a
 * reference is found with the compose box's case search instead.
 */
import type { AppBasedLinkQuery } from 'botbuilder';
import { CASE_REF_IN_TEXT, parseCaseRef, type CaseRef } from '../../../shared/ids';
import { turnActor, type Turn } from '../turn';
import { caseResultItem } from './case-card';
import { extensionResult, type InvokeReply } from './responses';

const REF_IN_TEXT = CASE_REF_IN_TEXT;

/** The case reference a link names: its `case` parameter, else the first reference in its path or query. */
export function caseRefInUrl(url: string): CaseRef | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const param = parsed.searchParams.get('case');
  if (param) return parseCaseRef(param);
  let rest: string;
  try {
    rest = decodeURIComponent(`${parsed.pathname}${parsed.search}`);
  } catch {
    rest = `${parsed.pathname}${parsed.search}`;
  }
  const m = REF_IN_TEXT.exec(rest);
  return m ? parseCaseRef(m[0]) : null;
}

export async function unfurlLink(turn: Turn, query: AppBasedLinkQuery): Promise<InvokeReply> {
  const url = typeof query.url === 'string' ? query.url.slice(0, 2048) : '';
  const ref = caseRefInUrl(url);
  const seen = ref ? await turn.deps.changes.read(ref, turnActor(turn)) : null;
  if (!seen) return extensionResult([]);
  const link = url.startsWith('https://') ? url : undefined;
  return extensionResult([caseResultItem(turn, seen.found.value, link)]);
}

/**
 * Links from a card into the tab. With the Teams app's id, a Teams deep link to the app's personal tab
 * (`mine-saker` in appPackage/manifest.json) carrying the case as `subEntityId` (the tab reads it as
 * `page.subPageId`), with the tab's own address as the `webUrl` fallback; with only the tab's address,
 * that address (`/tab/?case=FV-…`, which the tab opens as the case view). Without either, no link.
 */
import type { Notice } from '../../../shared/notices/model';

export interface TabLinks {
  /** Where the tab is served (TAB_ENDPOINT), without a trailing slash. */
  tabUrl?: string;
  /** The Teams app's id (the manifest's `id`). */
  teamsAppId?: string;
}

/** The personal tab's entity id in the manifest. */
export const PERSONAL_TAB_ENTITY = 'mine-saker';

function tabAddress(links: TabLinks, query: string): string | undefined {
  return links.tabUrl ? `${links.tabUrl.replace(/\/+$/, '')}/tab/?${query}` : undefined;
}

function deepLink(links: TabLinks, subEntityId: string, label: string, web: string | undefined): string {
  const params = new URLSearchParams({
    ...(web ? { webUrl: web } : {}),
    label,
    context: JSON.stringify({ subEntityId }),
  });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.teamsAppId!)}/${PERSONAL_TAB_ENTITY}?${params.toString()}`;
}

/** The case in the tab, or undefined when the tab's address is not known. */
export function caseLink(links: TabLinks | undefined, ref: string): string | undefined {
  if (!links) return undefined;
  const web = tabAddress(links, `case=${encodeURIComponent(ref)}`);
  return links.teamsAppId ? deepLink(links, ref, ref, web) : web;
}

/**
 * A driftsmelding: its first posted copy in a Teams channel (a message link), else the tab's
 * Driftsmeldinger page; undefined when neither is known.
 */
export function noticeLink(links: TabLinks | undefined, notice: Notice): string | undefined {
  const copy = notice.posted[0];
  if (copy) {
    const params = new URLSearchParams({
      ...(copy.channel.tenantId ? { tenantId: copy.channel.tenantId } : {}),
      parentMessageId: copy.activityId,
    });
    return `https://teams.microsoft.com/l/message/${encodeURIComponent(copy.channel.channelId)}/${encodeURIComponent(copy.activityId)}?${params.toString()}`;
  }
  if (!links) return undefined;
  const web = tabAddress(links, 'page=notices');
  return links.teamsAppId ? deepLink(links, 'notices', notice.title, web) : web;
}

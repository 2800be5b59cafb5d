/**
 * What the channel tab shows, as the configuration page saves it: the desk queue (Saksoversikt) or the
 * SLA report, optionally for one desk. The URLs use the app's own query parameters (`?view=desk`,
 * `?page=report`, `desk=`; see `services/url-state.ts`, `common/case-query.ts`, `views/ReportView.tsx`).
 * Pure: no DOM, no teams-js, so it is tested under jest.
 */
export const TAB_CHOICES = ['desk', 'report'] as const;
export type TabChoice = (typeof TAB_CHOICES)[number];

/** The fields of teams-js `pages.InstanceConfig` this page sets. */
export interface ChannelTabConfig {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

const NAMES: Record<TabChoice, { nb: string; en: string }> = {
  desk: { nb: 'Saksoversikt', en: 'Case overview' },
  report: { nb: 'SLA-rapport', en: 'SLA report' },
};

/** The tab's address for a choice: `tabBase` is the tab's own folder, e.g. `https://host/tab/`. */
export function channelTabConfig(
  tabBase: string,
  choice: TabChoice,
  desk?: { id: string; name: string },
  locale: 'nb' | 'en' = 'nb',
): ChannelTabConfig {
  const url = new URL(tabBase);
  url.search = '';
  url.hash = '';
  const params = new URLSearchParams();
  if (choice === 'desk') params.set('view', 'desk');
  else params.set('page', 'report');
  if (desk) params.set('desk', desk.id);
  url.search = params.toString();
  const name = NAMES[choice][locale];
  return {
    contentUrl: url.toString(),
    websiteUrl: url.toString(),
    entityId: `fristvakt-${choice}${desk ? `-${desk.id}` : ''}`,
    suggestedDisplayName: desk ? `${name} – ${desk.name}` : name,
  };
}

/** The choice an existing tab was saved with (for "Innstillinger" on a tab already in the channel). */
export function parseChannelTabUrl(
  contentUrl: string | undefined,
): { choice: TabChoice; deskId?: string } | null {
  if (!contentUrl) return null;
  let url: URL;
  try {
    url = new URL(contentUrl);
  } catch {
    return null;
  }
  const p = url.searchParams;
  const choice: TabChoice | null =
    p.get('page') === 'report' ? 'report' : p.get('view') === 'desk' && !p.has('page') ? 'desk' : null;
  if (!choice) return null;
  const deskId = p.get('desk') ?? undefined;
  return deskId ? { choice, deskId } : { choice };
}

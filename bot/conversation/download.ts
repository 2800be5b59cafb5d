/**
 * Downloads an attachment with a size limit: stops reading (and fails) as soon as the limit is passed.
 *
 * The bot's Bot Framework token stays with Microsoft: it is sent only over https to the hosts Teams
 * serves attachments from (`TEAMS_ATTACHMENT_HOSTS`, documented in docs/operations.md). Any other URL
 * is fetched without it, and only over http(s). Redirects are followed by hand (at most
 * `MAX_REDIRECTS`): the token goes with a redirect only when it stays on the same https host it was
 * first sent to, so a redirect can never carry it to another host.
 */
import type { Downloader } from './deps';

export class TooLargeError extends Error {
  constructor() {
    super('attachment too large');
    this.name = 'TooLargeError';
  }
}

/**
 * Where Teams serves the attachments a bot must fetch with its token: the Bot Connector's attachment
 * API (`https://smba.trafficmanager.net/<region>/v3/attachments/…`, and the government clouds'
 * connectors) and Teams' media service (`https://<region>-api.asm.skype.com/v1/objects/…`). A leading
 * dot means "this domain's subdomains".
 */
export const TEAMS_ATTACHMENT_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
  '.asm.skype.com',
];

const MAX_REDIRECTS = 5;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether the bot's token may be sent to `url`: https, default port, and a Teams attachment host. */
export function mayCarryBotToken(url: string): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || u.port !== '' || u.username !== '' || u.password !== '') return false;
  const host = u.hostname.toLowerCase();
  return TEAMS_ATTACHMENT_HOSTS.some((h) => (h.startsWith('.') ? host.endsWith(h) : host === h));
}

export interface DownloaderOptions {
  /** The HTTP client (tests: one that routes Teams' hosts to a local server); default: global fetch. */
  fetch?: typeof fetch;
}

export function createFetchDownloader(options: DownloaderOptions = {}): Downloader {
  const fetchFn = options.fetch ?? fetch;
  return async (url, { maxBytes, bearer }) => {
    const first = parse(url);
    if (!first || (first.protocol !== 'https:' && first.protocol !== 'http:'))
      throw new Error('download refused: not an http(s) URL');
    // The token goes only where it may, and then only to that very host.
    const tokenHost = bearer && mayCarryBotToken(url) ? first.host : undefined;
    let current = first;
    let res: Response | undefined;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const withToken =
        tokenHost !== undefined && current.protocol === 'https:' && current.host === tokenHost;
      res = await fetchFn(current.href, {
        headers: withToken ? { Authorization: `Bearer ${bearer}` } : {},
        redirect: 'manual',
      });
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (location === null) break;
      await res.body?.cancel();
      const next = parse(new URL(location, current).href);
      if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
        throw new Error('download refused: a redirect to a URL that is not http(s)');
      current = next;
      res = undefined;
    }
    if (!res) throw new Error(`download failed: more than ${MAX_REDIRECTS} redirects`);
    if (!res.ok || !res.body) throw new Error(`download failed: HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body.cancel();
      throw new TooLargeError();
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new TooLargeError();
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const c of chunks) {
      bytes.set(c, offset);
      offset += c.byteLength;
    }
    return { bytes, contentType: res.headers.get('content-type') ?? undefined };
  };
}

export const fetchDownloader: Downloader = createFetchDownloader();

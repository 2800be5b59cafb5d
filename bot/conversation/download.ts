/** Downloads an attachment with a size limit: stops reading (and fails) as soon as the limit is passed. */
import type { Downloader } from './deps';

export class TooLargeError extends Error {
  constructor() {
    super('attachment too large');
    this.name = 'TooLargeError';
  }
}

export const fetchDownloader: Downloader = async (url, { maxBytes, bearer }) => {
  const res = await fetch(url, {
    headers: bearer ? { Authorization: `Bearer ${bearer}` } : {},
    redirect: 'follow',
  });
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

/**
 * `GET /api/attachment-links/:ref/:id?exp=…&sig=…`: one attachment of one case, for whoever holds a
 * link the server signed (shared/app/attachment-links.ts; an operations supplier gets them in its
 * webhook). No sign-in: the link is the permission, for one file until it expires. A bad, expired or
 * unknown link answers 404 alike; the file always comes as a download (never rendered inline).
 */
import type { Request, Response } from 'restify';
import type { AttachmentLinks } from '../../shared/app/attachment-links';
import { caseRef } from '../../shared/ids';
import type { Store } from '../../shared/ports';

export interface AttachmentLinkDeps {
  store: Pick<Store, 'cases' | 'blobs'>;
  links: AttachmentLinks;
  now: () => Date;
}

const param = (req: Request, name: string): string => {
  const v = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
};

function notFound(res: Response): void {
  const body = JSON.stringify({
    error: { code: 'NOT_FOUND', message: 'No such file, or the link has expired' },
  });
  res.writeHead(404, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function attachmentLinkHandler(deps: AttachmentLinkDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const ref = param(req, 'ref');
    const id = param(req, 'id');
    const url = req.url ?? '';
    const q = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
    if (!deps.links.valid(ref, id, q.get('exp') ?? undefined, q.get('sig') ?? undefined, deps.now()))
      return notFound(res);
    const r = caseRef(ref);
    const deskId = await deps.store.cases.locate(r);
    const found = deskId ? await deps.store.cases.getForDesk(r, deskId) : null;
    const meta = found?.value.attachments.find((a) => a.id === id);
    const blob = meta ? await deps.store.blobs.get(meta.blobKey) : null;
    if (!meta || !blob) return notFound(res);
    const name = meta.fileName.replace(/[^\w.\- ]/g, '_');
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': blob.bytes.byteLength,
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
    res.end(Buffer.from(blob.bytes));
  };
}

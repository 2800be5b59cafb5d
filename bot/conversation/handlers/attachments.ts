/**
 * Screenshots and files sent in the chat. Teams sends a file as
 * `application/vnd.microsoft.teams.file.download.info` (a pre-authenticated `downloadUrl`) and a pasted
 * image as `image/*` with a `contentUrl` (downloaded with the bot's token). Each is fetched with the
 * size limit, its type checked by its first bytes (PNG, JPEG, GIF, WebP, PDF), stored in blob storage
 * and recorded on the case as an `attachment_added` event; the user gets one line per file.
 *
 * Which case (DECISION): a reference in the message text (`FV-2026-000123`) picks that case, if the user
 * may add to it; otherwise the user's most recently reported case that is not Lukket.
 */
import { randomUUID } from 'node:crypto';
import type { Attachment } from 'botbuilder';
import type { Case } from '../../../shared/cases/model';
import { CASE_REF_IN_TEXT, isoInstant, parseCaseRef } from '../../../shared/ids';
import { TooLargeError } from '../download';
import { turnActor, type Turn } from '../turn';

const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';
const REF_IN_TEXT = CASE_REF_IN_TEXT;

interface Incoming {
  name: string;
  url: string;
  needsToken: boolean;
}

/** The attachments of a message that are files or images (Teams' HTML copy of the text is skipped). */
export function incomingFiles(attachments: Attachment[] | undefined): Incoming[] {
  const out: Incoming[] = [];
  for (const a of attachments ?? []) {
    if (a.contentType === FILE_INFO) {
      const content = a.content as { downloadUrl?: unknown } | undefined;
      if (typeof content?.downloadUrl === 'string')
        out.push({ name: a.name ?? 'fil', url: content.downloadUrl, needsToken: false });
    } else if (a.contentType?.startsWith('image/') && typeof a.contentUrl === 'string') {
      out.push({ name: a.name ?? `bilde.${a.contentType.slice(6)}`, url: a.contentUrl, needsToken: true });
    } else if (a.contentType !== 'text/html' && typeof a.contentUrl === 'string') {
      out.push({ name: a.name ?? 'fil', url: a.contentUrl, needsToken: true });
    }
  }
  return out;
}

/** The file's type from its first bytes; null when it is not an accepted type. */
export function sniffType(b: Uint8Array): string | null {
  const starts = (...sig: number[]): boolean => sig.every((x, i) => b[i] === x);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50)
    return 'image/webp';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

const safeName = (name: string): string =>
  name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 100) || 'fil';

async function targetCase(turn: Turn, text: string): Promise<Case | null> {
  const m = REF_IN_TEXT.exec(text);
  const ref = m ? parseCaseRef(m[0]) : null;
  if (ref) return (await turn.deps.store.cases.getVisible(ref, turn.access))?.value ?? null;
  const page = await turn.deps.store.cases.listByReporter(turn.user.id, { limit: 20 });
  return page.items.find((c) => c.status !== 'closed') ?? null;
}

export async function receiveAttachments(turn: Turn, files: Incoming[], text: string): Promise<void> {
  const { deps, s } = turn;
  const c = await targetCase(turn, text);
  if (!c) {
    await turn.send(s.attachments.noCase);
    return;
  }
  const maxMb = Math.round(deps.attachments.maxBytes / (1024 * 1024));
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      const bearer = f.needsToken ? await turn.botToken() : undefined;
      ({ bytes } = await deps.attachments.download(f.url, {
        maxBytes: deps.attachments.maxBytes,
        ...(bearer ? { bearer } : {}),
      }));
    } catch (err) {
      if (err instanceof TooLargeError) await turn.send(s.attachments.tooLarge(f.name, maxMb));
      else {
        deps.log.warn(`attachment download failed: ${(err as Error).message}`);
        await turn.send(s.attachments.failed(f.name));
      }
      continue;
    }
    const type = sniffType(bytes);
    if (!type) {
      await turn.send(s.attachments.badType(f.name));
      continue;
    }
    const id = randomUUID();
    const blobKey = `cases/${c.ref}/${id}-${safeName(f.name)}`;
    await deps.store.blobs.put(blobKey, bytes, type);
    await deps.changes.apply(
      c.ref,
      {
        type: 'add_attachment',
        attachment: {
          id,
          fileName: f.name.slice(0, 255),
          contentType: type,
          sizeBytes: bytes.byteLength,
          blobKey,
          addedAt: isoInstant(turn.now),
          addedBy: turn.user.id,
        },
      },
      turnActor(turn),
      turn.now,
    );
    await turn.send(s.attachments.saved(f.name, c.ref));
  }
}

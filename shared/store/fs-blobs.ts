/** Blob storage on local disk for the embedded default: attachments' bytes, one file per key. */
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, resolve, sep } from 'node:path';
import { ValidationError } from '../errors';
import type { BlobStore } from '../ports';
import { blobKeySegments } from './blob-keys';

export function blobPath(root: string, key: string): string {
  const segments = blobKeySegments(key);
  const path = resolve(root, ...segments);
  if (!path.startsWith(root + sep))
    throw new ValidationError('blobKey', 'blob key escapes the blob directory');
  return path;
}

export function openFsBlobStore(dir: string): BlobStore {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  return {
    async put(key, bytes, contentType) {
      const path = blobPath(root, key);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${randomUUID()}.tmp`;
      await writeFile(tmp, bytes);
      await writeFile(`${tmp}.type`, contentType, 'utf8');
      // Content type first, then the bytes: a reader never sees bytes without their type.
      await rename(`${tmp}.type`, `${path}.type`);
      await rename(tmp, `${path}.bin`);
    },
    async get(key) {
      const path = blobPath(root, key);
      try {
        const [bytes, contentType] = await Promise.all([
          readFile(`${path}.bin`),
          readFile(`${path}.type`, 'utf8'),
        ]);
        return { bytes: new Uint8Array(bytes), contentType };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}

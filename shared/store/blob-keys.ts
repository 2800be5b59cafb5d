/** Blob keys, shared by every `BlobStore` adapter (local disk, Azure Blob). No I/O here. */
import { ValidationError } from '../errors';

/** Keys are `/`-separated segments of letters, digits, `.`, `_` and `-`; no `.`/`..` segment, no absolute path. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/;

/** Checks a blob key and returns its segments; throws `ValidationError('blobKey')` for a bad one. */
export function blobKeySegments(key: string): string[] {
  const segments = key.split('/');
  if (key.length === 0 || key.length > 1024 || !segments.every((s) => SEGMENT.test(s) && s !== '..'))
    throw new ValidationError('blobKey', `invalid blob key: ${JSON.stringify(key.slice(0, 80))}`);
  return segments;
}

/**
 * The one retry on a version conflict: read, decide, write conditionally; when someone else wrote in
 * between (`CONFLICT`), do it all again on the newer record. Every read-modify-write of a stored
 * record (case, notice, desk) goes through here, so the number of attempts is decided once.
 */
import { isFristvaktError } from '../errors';

export const CONFLICT_ATTEMPTS = 10;

export async function retryOnConflict<T>(
  attempt: (n: number) => Promise<T>,
  options: { attempts?: number; onRetry?: (n: number, err: unknown) => void } = {},
): Promise<T> {
  const attempts = options.attempts ?? CONFLICT_ATTEMPTS;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!isFristvaktError(err, 'CONFLICT') || n >= attempts) throw err;
      options.onRetry?.(n, err);
    }
  }
}

/**
 * Why the process could not start, in one line that names the cause and the setting to look at, as a
 * bad setting already is (`Fristvakt cannot start: PORT must be …`). Used by the composition root
 * (`bot/index.ts`) for whatever `startApp` throws.
 */
import type { Config } from '../config';
import { ConfigError } from '../config';
import { isFristvaktError } from '../../shared/errors';

interface SystemishError {
  code?: unknown;
  syscall?: unknown;
  path?: unknown;
  message?: unknown;
  cause?: unknown;
  details?: { cause?: unknown };
}

/** The error and the errors it wraps (`cause`, a FristvaktError's `details.cause`), outermost first. */
function chain(err: unknown): SystemishError[] {
  const out: SystemishError[] = [];
  let e: unknown = err;
  while (typeof e === 'object' && e !== null && out.length < 5) {
    const s = e as SystemishError;
    out.push(s);
    e = s.details?.cause ?? s.cause;
  }
  return out;
}

const firstLine = (v: unknown): string =>
  String(v ?? '')
    .split('\n')[0]!
    .slice(0, 300);

/** The one line (without the "Fristvakt cannot start: " prefix) describing a start-up failure. */
export function startupFailure(err: unknown, config: Config): string {
  if (err instanceof ConfigError) return err.message;
  const where = `${config.host}:${config.port}`;
  const dataDir = `FRISTVAKT_DATA_DIR=${config.dataDir}`;
  for (const e of chain(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    const path = typeof e.path === 'string' ? e.path : undefined;
    if (e.syscall === 'listen') {
      if (code === 'EADDRINUSE')
        return `port ${config.port} on ${config.host} is already in use (is Fristvakt already running?); stop that program or set PORT`;
      if (code === 'EACCES' || code === 'EPERM')
        return `no permission to listen on ${where} (ports below 1024 need privileges); set PORT`;
      if (code === 'EADDRNOTAVAIL') return `HOST ${config.host} is not an address of this machine; set HOST`;
      return `cannot listen on ${where}: ${code || firstLine(e.message)}`;
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return `no permission to write ${path ?? config.dataDir} (${code}); give the server's user write access there, or set FRISTVAKT_DATA_DIR (now ${config.dataDir})`;
    if (code === 'ENOSPC') return `no space left on the device of ${path ?? config.dataDir} (${dataDir})`;
    if (config.store.kind === 'sqlite') {
      const file = config.store.file;
      if (code === 'SQLITE_NOTADB')
        return `${file} is not a Fristvakt database (SQLite: file is not a database); restore it from backup, or set FRISTVAKT_DATA_DIR to another directory`;
      if (code === 'SQLITE_CORRUPT') return `the database file ${file} is corrupt; restore it from backup`;
      if (code === 'SQLITE_CANTOPEN')
        return `the database file ${file} cannot be opened (does the directory exist and may the server write it?); check ${dataDir}`;
      if (code === 'SQLITE_READONLY' || code === 'SQLITE_PERM')
        return `the database file ${file} is read-only; give the server's user write access, or set FRISTVAKT_DATA_DIR`;
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
        return `the database file ${file} is locked by another process`;
    }
  }
  if (isFristvaktError(err)) return `${err.code}: ${firstLine(err.message)}`;
  return firstLine(err instanceof Error ? `${err.name}: ${err.message}` : err);
}

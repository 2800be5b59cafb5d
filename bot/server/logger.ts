/** The process's log: plain lines on stdout/stderr. Tests pass a silent or recording logger. */
import type { Logger } from '../../shared/errors';

export type { Logger } from '../../shared/errors';

export const consoleLogger: Logger = {
  info: (msg) => console.log(msg),
  warn: (msg) => console.warn(msg),
  error: (msg, err) => console.error(msg, err instanceof Error ? (err.stack ?? err.message) : (err ?? '')),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** The same log with a prefix on every line (e.g. `tab api: `). */
export const prefixedLogger = (log: Logger, prefix: string): Logger => ({
  info: (msg) => log.info(`${prefix}${msg}`),
  warn: (msg) => log.warn(`${prefix}${msg}`),
  error: (msg, err) => log.error(`${prefix}${msg}`, err),
});

/** A logger that keeps its lines (`info …`, `warn …`, `error … | cause`): tests read what was logged. */
export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m, err) => lines.push(`error ${m}${err === undefined ? '' : ` | ${String(err)}`}`),
  };
}

/**
 * `GET /healthz`: the process is up and the store can be read and written. The store's probe writes its
 * own probe record (never a case) and reads it back; a read-only data directory, a corrupt database or
 * an unreachable Cosmos account answers 503 with the reason, so App Service takes the instance out.
 * With the supplier API in a thread of its own, its state is shown beside (`supplierApiThread`): a thread
 * starting again answers the suppliers 503 for a moment, but the instance still serves chat and the tab.
 */
import type { Request, Response } from 'restify';
import { isoInstant } from '../../shared/ids';
import type { Store } from '../../shared/ports';
import type { Logger } from './logger';
import type { SupplierApiThreadHealth } from '../supplier-api-thread';

/** The reason shown to the caller: the error's first line, bounded. */
function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n')[0] ?? '').slice(0, 300) || 'the store failed';
}

export interface HealthDeps {
  store: Store;
  log?: Logger;
  /** Role `all`: the supplier API's thread (`../supplier-api-thread.ts`), shown, never failing the probe. */
  supplierApiThread?: () => SupplierApiThreadHealth;
}

export function healthzHandler(deps: HealthDeps): (req: Request, res: Response) => Promise<void> {
  let lastFailure: string | undefined;
  return async (_req, res) => {
    let desks: number;
    try {
      await deps.store.probe(isoInstant(new Date()));
      desks = (await deps.store.desks.list()).length;
    } catch (err) {
      const reason = reasonOf(err);
      // Logged when the reason changes, not on every probe of the load balancer.
      if (reason !== lastFailure)
        deps.log?.error(`health: the store cannot be read and written: ${reason}`, err);
      lastFailure = reason;
      res.json(503, { status: 'unavailable', reason });
      return;
    }
    if (lastFailure !== undefined) deps.log?.info('health: the store answers again');
    lastFailure = undefined;
    res.json({
      status: 'ok',
      desks,
      ...(deps.supplierApiThread ? { supplierApiThread: deps.supplierApiThread() } : {}),
    });
  };
}

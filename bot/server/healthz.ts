/** `GET /healthz`: the process is up and the store answers. */
import type { Request, Response } from 'restify';
import type { Store } from '../../shared/ports';

export function healthzHandler(deps: { store: Store }): (req: Request, res: Response) => Promise<void> {
  return async (_req, res) => {
    const desks = await deps.store.desks.list();
    res.json({ status: 'ok', desks: desks.length });
  };
}

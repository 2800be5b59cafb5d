/**
 * One entry of the server's route table. The bot's routes and the tab's API routes are both lists of
 * these; `bot/server/routes.ts` puts them together so the whole HTTP API reads on one screen.
 */
import type { Request, Response } from 'restify';

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'patch' | 'del';
  /** restify path, e.g. `/api/cases/:ref`. */
  path: string;
  /** A short name for logs, e.g. `cases.get`. */
  name: string;
  /** Answers the request; it sends the response itself. Thrown errors become coded JSON errors. */
  handler: (req: Request, res: Response) => Promise<void>;
}

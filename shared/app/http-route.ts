/**
 * One entry of the server's route table. The bot's routes and the tab's API routes are both lists of
 * these; the composition root mounts both on the one server (`bot/server/routes.ts`), so the whole HTTP API
 * reads on one screen. It lives here, beside the application services, so that the tab does not import
 * the bot.
 */
import type { Request, Response } from 'restify';

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'patch' | 'del';
  /** restify path, e.g. `/api/cases/:ref`. */
  path: string;
  /** A short name for logs, e.g. `cases.get`. */
  name: string;
  /**
   * The handler reads the request's body itself, as a stream (a proxy): the server's JSON body reader
   * leaves it unread.
   */
  streamsBody?: boolean;
  /** Answers the request; it sends the response itself. Thrown errors become coded JSON errors. */
  handler: (req: Request, res: Response) => Promise<void>;
}

/**
 * The route table: the whole HTTP API of the process on one screen. The tab's API routes are mounted
 * from `tab/api/routes.ts` by the composition root (passed in as `tabRoutes`).
 */
import type { Request, Response } from 'restify';
import type { RouteDef } from '../../shared/app/http-route';
import type { MessagesDeps } from './messages';
import { messagesHandler } from './messages';
import { healthzHandler, type HealthDeps } from './healthz';
import { staticHandler } from '../../tab/api/static-files';
import type { Store } from '../../shared/ports';
import { ATTACHMENT_LINK_PATH } from '../../shared/app/attachment-links';
import { attachmentLinkHandler, type AttachmentLinkDeps } from './attachment-links';
import type { AppRole } from '../config';
import { routesForRole } from './roles';

export interface RouteDeps extends MessagesDeps {
  store: Store;
  /** The tab's built web bundle. */
  tabDir: string;
  tabRoutes: RouteDef[];
  /** Signed, short-lived attachment downloads (operations suppliers' webhooks link to them). */
  attachmentLinks?: AttachmentLinkDeps;
  /** Which surfaces this instance serves (FRISTVAKT_ROLE; default all): `./roles.ts`. */
  role?: AppRole;
  /** Role `all`: the supplier API is served by a thread of its own, this forwards to it (`./roles.ts`). */
  supplierApiProxy?: RouteDef['handler'];
  /** The supplier API thread's state for /healthz. */
  supplierApiThread?: HealthDeps['supplierApiThread'];
}

const redirectTo =
  (location: string) =>
  async (_req: Request, res: Response): Promise<void> => {
    res.writeHead(302, { Location: location, 'Content-Length': 0 });
    res.end();
  };

export function routes(deps: RouteDeps): RouteDef[] {
  return routesForRole(
    deps.role ?? 'all',
    [
      { method: 'post', path: '/api/messages', name: 'bot.messages', handler: messagesHandler(deps) },
      { method: 'get', path: '/healthz', name: 'health', handler: healthzHandler(deps) },
      // Whoever opens the server's address in a browser lands in the tab.
      { method: 'get', path: '/', name: 'root', handler: redirectTo('/tab/') },
      ...deps.tabRoutes,
      ...(deps.attachmentLinks
        ? [
            {
              method: 'get' as const,
              path: `${ATTACHMENT_LINK_PATH}/:ref/:id`,
              name: 'attachment-links',
              handler: attachmentLinkHandler(deps.attachmentLinks),
            },
          ]
        : []),
      { method: 'get', path: '/tab/*', name: 'tab.static', handler: staticHandler(deps.tabDir) },
    ],
    deps.supplierApiProxy,
  );
}

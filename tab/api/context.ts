/** What every tab API handler gets: the dependencies, the authenticator and a way to read the desks. */
import type { Request, Response } from 'restify';
import type { Directory } from '../../shared/access';
import type { PeopleDirectory } from '../../shared/people';
import type { CaseChanges } from '../../shared/app/case-changes';
import type { CaseFeed } from '../../shared/app/case-feed';
import type { Catalogue } from '../../shared/app/catalogue';
import type { Notice } from '../../shared/notices/model';
import type { Desk } from '../../shared/desks/model';
import type { OutboxMessage, Store } from '../../shared/ports';
import type { OutboxForNoticeChange } from './handlers/notices';
import { createAuthenticator, type Authenticate, type Caller, type TabAuthSettings } from './auth';
import type { Logger } from '../../shared/errors';
import { sendFailure } from './http';

export interface TabApiDeps {
  store: Store;
  directory: Directory;
  auth: TabAuthSettings;
  now: () => Date;
  /** Where handler failures are logged (default: nowhere). */
  log?: Logger;
  /** The one way a case changes (access, lifecycle, every message, the store write): as in chat and the channel. */
  changes: CaseChanges;
  /** The cached catalogue of desks, services and organisations: admin writes refresh it at once. */
  catalogue?: Catalogue;
  /** Every stored case change, for the live stream (`GET /api/cases/events`); without it the route is absent. */
  feed?: CaseFeed;
  /** Messages a published notice causes (posting it to the desk's notice channels). */
  outboxForNotice?: (notice: Notice) => Promise<OutboxMessage[]> | OutboxMessage[];
  /** Messages a notice's update or "Løst" from the tab causes (copies edited in place, replies). */
  outboxForNoticeChange?: OutboxForNoticeChange;
  /** Where the admin pages find people (default: the configured directory's people; in Teams: Graph). */
  people?: PeopleDirectory;
  /** Most cases one list request loads (default 50 000). */
  maxListCases?: number;
}

export interface TabContext {
  deps: TabApiDeps;
  authenticate: Authenticate;
  log: Logger;
}

const SILENT: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function createContext(deps: TabApiDeps): TabContext {
  return {
    deps,
    authenticate: createAuthenticator(deps.auth, deps.directory),
    log: deps.log ?? SILENT,
  };
}

export type AuthedHandler = (req: Request, res: Response, caller: Caller, desks: Desk[]) => Promise<void>;

/** Authenticates, then runs `fn`; every error is answered as coded JSON here. */
export function authed(ctx: TabContext, fn: AuthedHandler): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      const desks = await ctx.deps.store.desks.list();
      const caller = await ctx.authenticate(req, desks);
      await fn(req, res, caller, desks);
    } catch (err) {
      sendFailure(res, err, ctx.log);
    }
  };
}

/** For the few routes that need no sign-in. */
export function open(ctx: TabContext, fn: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await fn(req, res);
    } catch (err) {
      sendFailure(res, err, ctx.log);
    }
  };
}

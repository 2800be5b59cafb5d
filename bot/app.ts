/**
 * Builds the running process from a validated configuration: store → seed → catalogue → bot logic →
 * adapter → route table → restify server, plus the background jobs. `bot/index.ts` calls it with the
 * environment's configuration; tests and the bench call it with their own (and the internal test
 * hooks in `AppOptions`, which no environment variable can reach).
 */
import { join } from 'node:path';
import type { Server } from 'restify';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { EMPTY_DIRECTORY, type Directory } from '../shared/access';
import { directoryPeople, type PeopleDirectory } from '../shared/people';
import { configuredPeople } from './directory/graph-people';
import type { BlobStore, Store } from '../shared/ports';
import type { AzureBlobStoreOptions } from '../shared/store/azure-blobs';
import { openSqliteStore } from '../shared/store/sqlite';
import { openCosmosStore } from '../shared/store/cosmos';
import { openFsBlobStore } from '../shared/store/fs-blobs';
import type { Config } from './config';
import { createCaseChanges } from '../shared/app/case-changes';
import { createCatalogue, type Catalogue } from '../shared/app/catalogue';
import { createCaseFeed, type CaseFeed } from '../shared/app/case-feed';
import { createWakeup } from '../shared/app/wakeup';
import { createTeamsCaseMessages } from './messages/case-messages';
import { noticeChangedMessages, noticePublishedMessages } from './messages/notice-messages';
import { systemClock } from './delivery/clock';
import { createBotLogic } from './conversation/bot';
import type { ConversationDeps, Downloader } from './conversation/deps';
import { fetchDownloader } from './conversation/download';
import { startAutoClose } from './jobs/auto-close';
import { startApprovalReminders } from './jobs/approval-reminder';
import { startFellesfeilWatch } from './jobs/fellesfeil';
import { startDelivery, startSlaWatcher } from './delivery';
import { createWebhookTransport } from './delivery/webhook-transport';
import { randomBytes } from 'node:crypto';
import { attachmentLinkSecret, createAttachmentLinks } from '../shared/app/attachment-links';
import { repoRoot } from '../scripts/repo-root';
import { DEMO_DIRECTORY, seedIfEmpty } from './seed';
import { FristvaktAdapter } from './server/adapter';
import { createBotAuthentication, type AuthEndpoints } from './server/auth';
import { createServer } from './server/create-server';
import { createSupplierApiProxy } from './server/supplier-api-proxy';
import { startSupplierApiThread, type SupplierApiThread } from './supplier-api-thread';
import { consoleLogger, prefixedLogger, type Logger } from './server/logger';
import type { RouteDef } from '../shared/app/http-route';
import { routes } from './server/routes';
import { tabRoutes } from '../tab/api/routes';
import { entraEndpoints, type TabAuthSettings } from '../tab/api/auth';

export interface AppOptions {
  clock?: () => Date;
  log?: Logger;
  /** Test hook: validate tokens against a local OpenID/JWKS server. */
  authEndpoints?: AuthEndpoints;
  /** Test hook: outbound credentials (default: from BOT_ID/BOT_PASSWORD). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  downloader?: Downloader;
  /**
   * Use this store instead of opening the configured one (the caller closes it). The supplier API is
   * then served on this thread: a thread of its own could not share this store.
   */
  store?: Store;
  /**
   * The process's write lock of the configured SQLite file, from the thread that started this one
   * (the supplier API's thread): the two threads' connections take turns through it.
   */
  sqliteWriteLock?: SharedArrayBuffer;
  directory?: Directory;
  /** Where the admin pages find people (default: Graph in a tenant, else the directory's people). */
  people?: PeopleDirectory;
  /** The tab's API routes (default: `tab/api/routes.ts` with the configured sign-in). */
  tabRoutes?: (deps: {
    store: Store;
    catalogue: Catalogue;
    directory: Directory;
    clock: () => Date;
  }) => RouteDef[];
  /** Test hook: the tab API's token settings (a local JWKS instead of Entra ID). */
  tabAuth?: TabAuthSettings;
  tabDir?: string;
  /** Run the background jobs (outbox sender, SLA watcher, auto-close); default true. */
  jobs?: boolean;
  /** An operations supplier's webhook signing secret by its variable's name (bot/index.ts: the environment). */
  supplierSecret?: (name: string) => string | undefined;
}

export interface RunningApp {
  server: Server;
  store: Store;
  catalogue: Catalogue;
  deps: ConversationDeps;
  /** Every stored case change (the tab's live stream and the fellesfeil watch listen). */
  feed: CaseFeed;
  /** `http://host:port` once listening. */
  url: string;
  /** The supplier API's thread, when this instance serves the supplier API from one. */
  supplierApiThread?: SupplierApiThread;
  close(): Promise<void>;
}

/**
 * Attachments' bytes: Azure Blob Storage through the managed identity when BLOB_ACCOUNT_URL is set
 * (production; the infra creates the container), else local disk under FRISTVAKT_DATA_DIR.
 * `credential` is a test hook (Azurite's account key).
 */
export async function openAttachmentBlobs(
  config: Config,
  credential?: AzureBlobStoreOptions['credential'],
): Promise<BlobStore> {
  const b = config.blobStorage;
  if (!b) return openFsBlobStore(config.store.blobDir);
  const { ManagedIdentityCredential } = await import('@azure/identity');
  const { openAzureBlobStore } = await import('../shared/store/azure-blobs');
  return openAzureBlobStore({
    accountUrl: b.accountUrl,
    container: b.container,
    credential:
      credential ??
      (b.managedIdentityClientId
        ? new ManagedIdentityCredential({ clientId: b.managedIdentityClientId })
        : new ManagedIdentityCredential()),
  });
}

async function openStore(config: Config, writeLock?: SharedArrayBuffer): Promise<Store> {
  const blobs = await openAttachmentBlobs(config);
  if (config.store.kind === 'sqlite') {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(config.dataDir, { recursive: true });
    const { file, blobDir } = config.store;
    return { ...openSqliteStore({ file, blobDir, ...(writeLock ? { writeLock } : {}) }), blobs };
  }
  const { ManagedIdentityCredential } = await import('@azure/identity');
  const c = config.store;
  return openCosmosStore({
    endpoint: c.endpoint,
    databaseId: c.database,
    // Outside production an empty account or emulator gets the database and containers from the
    // store's own definitions; in production the Bicep creates them and a missing one stops start-up.
    createIfMissing: config.env !== 'production',
    ...(c.key
      ? { key: c.key }
      : {
          credential: c.managedIdentityClientId
            ? new ManagedIdentityCredential({ clientId: c.managedIdentityClientId })
            : new ManagedIdentityCredential(),
        }),
    blobs,
  });
}

/** The tab API's sign-in from the configuration; without an Entra app no token is accepted. */
export function tabAuthSettings(config: Config): TabAuthSettings {
  const { clientId, tenantId, endpoint, devSignIn } = config.tab;
  if (!clientId || !tenantId)
    return {
      tenantId: 'not-configured',
      audiences: ['urn:fristvakt:tab-sign-in-not-configured'],
      jwksUrl: entraEndpoints('not-configured').jwksUrl,
      devSignIn,
    };
  const audiences = [clientId, ...(endpoint ? [`api://${new URL(endpoint).host}/${clientId}`] : [])];
  return { tenantId, audiences, jwksUrl: entraEndpoints(tenantId).jwksUrl, devSignIn };
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const log = options.log ?? consoleLogger;
  const clock = options.clock ?? (() => new Date());
  const ownStore = options.store === undefined;
  const store = options.store ?? (await openStore(config, options.sqliteWriteLock));
  if (config.seed && (await seedIfEmpty(store)))
    log.info('Seeded the three desks, the service catalogue and the organisations.');
  const directory = options.directory ?? (config.demoDirectory ? DEMO_DIRECTORY : EMPTY_DIRECTORY);
  const catalogue = createCatalogue(store);
  await catalogue.get();
  const wakeup = createWakeup();
  const feed = createCaseFeed();
  // Links from the cards to the tab: TAB_ENDPOINT, or in development the server itself when it serves /tab/.
  const tabUrl =
    config.tab.endpoint ??
    (config.env === 'development' && config.port > 0 && config.role !== 'supplier-api'
      ? `http://${config.host}:${config.port}`
      : undefined);
  const links = tabUrl ? { tabUrl } : undefined;
  const changes = createCaseChanges({
    store,
    catalogue,
    directory,
    messages: createTeamsCaseMessages(links),
    noticeMessages: (notice, change) => noticeChangedMessages(store, catalogue, notice, change),
    wakeup,
    feed,
    log,
  });

  const deps: ConversationDeps = {
    store,
    catalogue,
    directory,
    clock,
    log,
    changes,
    wakeup,
    ...(links ? { links } : {}),
    attachments: {
      maxBytes: config.attachmentMaxBytes,
      download: options.downloader ?? fetchDownloader,
      useBotToken: config.bot.appId !== undefined,
    },
  };
  // Attachments' signed links (suppliers' webhooks), on the server's public address once it listens.
  let publicUrl = tabUrl ?? '';
  // A store that cannot be written (read-only disk) must not stop start-up: /healthz says why, and the
  // links are then signed with this process's own secret until a restart finds the store writable.
  const linkSecret = await attachmentLinkSecret(store.leases).catch((err: unknown) => {
    log.error(
      'attachment links: the shared link secret could not be read or made; using this process’s own',
      err,
    );
    return randomBytes(32).toString('hex');
  });
  const attachmentLinks = createAttachmentLinks(linkSecret, () => publicUrl);
  const logic = createBotLogic(deps);
  const auth = createBotAuthentication(config.bot, {
    ...(options.authEndpoints ? { endpoints: options.authEndpoints } : {}),
    ...(options.credentialsFactory ? { credentialsFactory: options.credentialsFactory } : {}),
  });
  const adapter = new FristvaktAdapter(auth);
  // Role `all`: the supplier API in a thread of its own, on its own connection to the configured store.
  let supplierApiThread: SupplierApiThread | undefined;
  const supplierApiProxy =
    config.role === 'all' && config.supplierApiThread && ownStore
      ? createSupplierApiProxy({
          port: () => supplierApiThread?.port(),
          retryAfterSeconds: () => supplierApiThread?.retryAfterSeconds() ?? 1,
        })
      : undefined;
  const table = routes({
    role: config.role,
    ...(supplierApiProxy
      ? {
          supplierApiProxy: supplierApiProxy.handler,
          supplierApiThread: () => supplierApiThread?.health() ?? { state: 'starting', restarts: 0 },
        }
      : {}),
    adapter,
    auth,
    logic,
    log,
    store,
    tabDir: options.tabDir ?? join(repoRoot(), 'tab', 'web', 'dist'),
    attachmentLinks: { store, links: attachmentLinks, now: clock },
    tabRoutes: options.tabRoutes
      ? options.tabRoutes({ store, catalogue, directory, clock })
      : tabRoutes({
          store,
          directory,
          now: clock,
          auth: options.tabAuth ?? tabAuthSettings(config),
          changes,
          feed,
          catalogue,
          outboxForNotice: (notice) => noticePublishedMessages(notice, catalogue),
          outboxForNoticeChange: (notice, change) => noticeChangedMessages(store, catalogue, notice, change),
          people:
            options.people ?? configuredPeople(config.bot, config.demoDirectory, directoryPeople(directory)),
          log: prefixedLogger(log, 'tab api: '),
        }),
  });
  const server = createServer(table, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${address.port}`;
  publicUrl = config.tab.endpoint ?? url;
  const stops: Array<() => Promise<void> | void> = [];
  if (supplierApiProxy) {
    supplierApiThread = await startSupplierApiThread(config, { feed, wakeup, log, ...(links ?? {}) });
    const thread = supplierApiThread;
    stops.push(
      () => thread.close(),
      () => supplierApiProxy.close(),
    );
  }
  if (options.jobs !== false) {
    // Outbox sender and SLA watcher (bot/delivery), each under its own lease in the store.
    const jobClock = { ...systemClock, now: clock };
    const delivery = startDelivery({
      store,
      adapter,
      botAppId: config.bot.appId ?? '',
      log,
      clock: jobClock,
      webhook: createWebhookTransport({
        supplier: async (id) => (await store.admin.getSupplier(id))?.value ?? null,
        secretOf: options.supplierSecret ?? (() => undefined),
        links: attachmentLinks,
        now: clock,
      }),
    });
    const unlisten = wakeup.listen(() => delivery.kick());
    const watcher = startSlaWatcher({ store, log, clock: jobClock, onEnqueued: () => wakeup.notify() });
    const fellesfeil = startFellesfeilWatch({ store, catalogue, feed, clock, log });
    deps.fellesfeil = fellesfeil;
    stops.push(
      () => fellesfeil.stop(),
      startAutoClose({ store, catalogue, changes, clock, log }, config.autoCloseIntervalMinutes * 60_000),
      // Orders: an estimate without an answer for 3 working days (same sweep interval as auto-close).
      startApprovalReminders(
        { store, catalogue, changes, clock, log },
        config.autoCloseIntervalMinutes * 60_000,
      ),
      () => watcher.stop(),
      unlisten,
      () => delivery.stop(),
    );
  }

  return {
    server,
    store,
    catalogue,
    deps,
    feed,
    url,
    ...(supplierApiThread ? { supplierApiThread } : {}),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const stop of stops) await stop();
      if (ownStore) await store.close();
    },
  };
}

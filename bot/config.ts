/**
 * The bot process's configuration: read once from the environment by the composition root
 * (`bot/index.ts`), validated, and passed in. Nothing else reads `process.env`.
 *
 * A bad value stops start-up with a message naming it (`PORT must be an integer 1–65535, got 'abc'`).
 * Secrets (BOT_PASSWORD, COSMOS_KEY) come only from the environment.
 */
import { resolve } from 'node:path';

/** Every environment variable the app reads (H5's infra test checks the Bicep app settings against it). */
export const CONFIG_ENV_VARS = [
  'FRISTVAKT_ENV',
  'PORT',
  'HOST',
  'FRISTVAKT_DATA_DIR',
  'FRISTVAKT_STORE',
  'COSMOS_ENDPOINT',
  'COSMOS_DATABASE',
  'COSMOS_KEY',
  'AZURE_CLIENT_ID',
  'BLOB_ACCOUNT_URL',
  'BLOB_CONTAINER',
  'BOT_ID',
  'BOT_PASSWORD',
  'BOT_TENANT_ID',
  'BOT_TYPE',
  'FRISTVAKT_SEED',
  'FRISTVAKT_DEMO_DIRECTORY',
  'FRISTVAKT_ATTACHMENT_MAX_MB',
  'FRISTVAKT_AUTO_CLOSE_INTERVAL_MIN',
  'AAD_APP_CLIENT_ID',
  'AAD_APP_TENANT_ID',
  'TAB_ENDPOINT',
  'FRISTVAKT_ROLE',
  'FRISTVAKT_SUPPLIER_API_THREAD',
] as const;
export type ConfigEnvVar = (typeof CONFIG_ENV_VARS)[number];
export type Env = Partial<Record<string, string | undefined>>;

export type RuntimeEnv = 'development' | 'test' | 'production';
export type BotAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/**
 * Which surfaces an instance serves (FRISTVAKT_ROLE): `all` (default) the bot, the tab and the supplier
 * API (the last, if asked, from a worker thread of its own: `supplierApiThread`); `chat` all but the
 * supplier API; `supplier-api` only the supplier API and /healthz, so that suppliers' traffic runs on
 * machines of its own. Every role runs the lease-guarded background jobs.
 */
export const APP_ROLES = ['all', 'chat', 'supplier-api'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export type StoreConfig =
  | { kind: 'sqlite'; file: string; blobDir: string }
  | {
      kind: 'cosmos';
      endpoint: string;
      database: string;
      /** An account key; absent: Entra ID through the app's managed identity. */
      key?: string;
      /** A user-assigned managed identity's client id; absent: the system-assigned identity. */
      managedIdentityClientId?: string;
      blobDir: string;
    };

/** Attachments' bytes in Azure Blob Storage (production), signed in with the app's managed identity. */
export interface BlobStorageConfig {
  /** The account's blob endpoint, e.g. `https://stfristvaktprod.blob.core.windows.net/`. */
  accountUrl: string;
  container: string;
  /** A user-assigned managed identity's client id; absent: the system-assigned identity. */
  managedIdentityClientId?: string;
}

export interface BotAuthConfig {
  /** The bot's Entra app id. Absent: authentication is off (local development only). */
  appId?: string;
  password?: string;
  tenantId?: string;
  appType: BotAppType;
}

/** The tab's single sign-on: the Entra app whose tokens the tab API accepts. */
export interface TabConfig {
  clientId?: string;
  tenantId?: string;
  /** Where the tab is served, e.g. `https://app-fristvakt.azurewebsites.net` (its host is in the app id URI). */
  endpoint?: string;
  /**
   * Development sign-in without a token: on only when FRISTVAKT_ENV=development and the demo directory
   * (FRISTVAKT_DEMO_DIRECTORY) is on; never in test or production.
   */
  devSignIn: boolean;
}

export interface Config {
  env: RuntimeEnv;
  port: number;
  host: string;
  /** The surfaces this instance serves (FRISTVAKT_ROLE). */
  role: AppRole;
  /**
   * With role `all`: serve the supplier API from a worker thread of this process, an instance of role
   * `supplier-api` with its own store connection, to which the server forwards the supplier API's
   * paths, so suppliers' requests do not take chat's event loop (FRISTVAKT_SUPPLIER_API_THREAD,
   * default off: on the embedded store and two cores it slowed chat down more than the event loop
   * shared with the supplier API did; `bot/supplier-api-thread.ts`).
   */
  supplierApiThread: boolean;
  dataDir: string;
  store: StoreConfig;
  /** Set (BLOB_ACCOUNT_URL): attachments in Azure Blob Storage; absent: on local disk (`store.blobDir`). */
  blobStorage?: BlobStorageConfig;
  bot: BotAuthConfig;
  /** Load the three desks, the service catalogue and the organisations when the store has no desk. */
  seed: boolean;
  /** Dev only: use the demo directory (people, virksomheter, superbrukere) from `bot/seed/`. */
  demoDirectory: boolean;
  /** Largest attachment (screenshot) the bot accepts, in bytes. */
  attachmentMaxBytes: number;
  /** How often the auto-close job runs, in minutes. */
  autoCloseIntervalMinutes: number;
  tab: TabConfig;
}

/** A configuration value is bad: `variable` names it, the message says what is expected. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const quote = (v: string): string => `'${v}'`;

function oneOf<T extends string>(env: Env, name: ConfigEnvVar, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `${name} must be one of ${allowed.join(', ')}, got ${quote(raw)}`);
}

function int(env: Env, name: ConfigEnvVar, min: number, max: number, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new ConfigError(name, `${name} must be an integer ${min}–${max}, got ${quote(raw)}`);
  return n;
}

function flag(env: Env, name: ConfigEnvVar, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `${name} must be on or off, got ${quote(env[name] ?? '')}`);
}

function text(env: Env, name: ConfigEnvVar): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function required(env: Env, name: ConfigEnvVar, why: string): string {
  const v = text(env, name);
  if (v === undefined) throw new ConfigError(name, `${name} is required ${why}`);
  return v;
}

function url(env: Env, name: ConfigEnvVar, why: string): string {
  const v = required(env, name, why);
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new ConfigError(name, `${name} must be an http(s) URL, got ${quote(v)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new ConfigError(name, `${name} must be an http(s) URL, got ${quote(v)}`);
  return v;
}

/** Reads and validates the configuration; throws `ConfigError` naming the first bad variable. */
export function loadConfig(env: Env, cwd = '.'): Config {
  const runtime = oneOf(env, 'FRISTVAKT_ENV', ['development', 'test', 'production'], 'development');
  const production = runtime === 'production';
  const port = int(env, 'PORT', 1, 65535, 3978);
  const host = text(env, 'HOST') ?? (production ? '0.0.0.0' : '127.0.0.1');
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host))
    throw new ConfigError('HOST', `HOST must be a host name or IP address, got ${quote(host)}`);
  const dataDir = resolve(cwd, text(env, 'FRISTVAKT_DATA_DIR') ?? '.data');
  const blobDir = resolve(dataDir, 'blobs');

  const storeKind = oneOf(env, 'FRISTVAKT_STORE', ['sqlite', 'cosmos'], 'sqlite');
  const store: StoreConfig =
    storeKind === 'sqlite'
      ? { kind: 'sqlite', file: resolve(dataDir, 'fristvakt.sqlite'), blobDir }
      : {
          kind: 'cosmos',
          endpoint: url(env, 'COSMOS_ENDPOINT', 'when FRISTVAKT_STORE=cosmos'),
          database: text(env, 'COSMOS_DATABASE') ?? 'fristvakt',
          ...(text(env, 'COSMOS_KEY') ? { key: text(env, 'COSMOS_KEY') } : {}),
          ...(text(env, 'AZURE_CLIENT_ID') ? { managedIdentityClientId: text(env, 'AZURE_CLIENT_ID') } : {}),
          blobDir,
        };

  const blobContainer = text(env, 'BLOB_CONTAINER') ?? 'attachments';
  // Azure's container naming rule: 3–63 of a-z, 0-9 and single hyphens, starting with a letter or digit.
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(blobContainer))
    throw new ConfigError(
      'BLOB_CONTAINER',
      `BLOB_CONTAINER must be an Azure container name (3–63 of a-z, 0-9, single hyphens), got ${quote(blobContainer)}`,
    );
  const blobStorage: BlobStorageConfig | undefined = text(env, 'BLOB_ACCOUNT_URL')
    ? {
        accountUrl: url(env, 'BLOB_ACCOUNT_URL', ''),
        container: blobContainer,
        ...(text(env, 'AZURE_CLIENT_ID') ? { managedIdentityClientId: text(env, 'AZURE_CLIENT_ID') } : {}),
      }
    : undefined;

  const appId = text(env, 'BOT_ID');
  const tenantId = text(env, 'BOT_TENANT_ID');
  const appType = oneOf(
    env,
    'BOT_TYPE',
    ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'],
    tenantId ? 'SingleTenant' : 'MultiTenant',
  );
  const password = text(env, 'BOT_PASSWORD');
  if (appId !== undefined) {
    if (!/^[0-9a-fA-F-]{8,64}$/.test(appId))
      throw new ConfigError('BOT_ID', `BOT_ID must be an Entra app id (a GUID), got ${quote(appId)}`);
    if (appType !== 'UserAssignedMSI' && password === undefined)
      throw new ConfigError('BOT_PASSWORD', 'BOT_PASSWORD is required when BOT_ID is set');
    if (appType !== 'MultiTenant' && tenantId === undefined)
      throw new ConfigError('BOT_TENANT_ID', `BOT_TENANT_ID is required when BOT_TYPE=${appType}`);
  } else if (password !== undefined) {
    throw new ConfigError('BOT_ID', 'BOT_ID is required when BOT_PASSWORD is set');
  }

  const demoDirectory = flag(env, 'FRISTVAKT_DEMO_DIRECTORY', !production);
  // Dev-only settings cannot be switched on in production.
  if (production) {
    if (appId === undefined)
      throw new ConfigError(
        'BOT_ID',
        'BOT_ID is required when FRISTVAKT_ENV=production (authentication cannot be off)',
      );
    if (demoDirectory)
      throw new ConfigError(
        'FRISTVAKT_DEMO_DIRECTORY',
        'FRISTVAKT_DEMO_DIRECTORY is a development setting and cannot be on when FRISTVAKT_ENV=production',
      );
  }

  const tabClientId = text(env, 'AAD_APP_CLIENT_ID');
  const tabTenantId = text(env, 'AAD_APP_TENANT_ID');
  const tabEndpoint = text(env, 'TAB_ENDPOINT') ? url(env, 'TAB_ENDPOINT', '') : undefined;
  if (tabClientId && !tabTenantId)
    throw new ConfigError('AAD_APP_TENANT_ID', 'AAD_APP_TENANT_ID is required when AAD_APP_CLIENT_ID is set');
  if (production && !tabClientId)
    throw new ConfigError(
      'AAD_APP_CLIENT_ID',
      "AAD_APP_CLIENT_ID is required when FRISTVAKT_ENV=production (the tab's sign-in)",
    );

  return {
    env: runtime,
    port,
    host,
    role: oneOf(env, 'FRISTVAKT_ROLE', APP_ROLES, 'all'),
    supplierApiThread: flag(env, 'FRISTVAKT_SUPPLIER_API_THREAD', false),
    dataDir,
    store,
    ...(blobStorage ? { blobStorage } : {}),
    bot: { appId, password, tenantId, appType },
    seed: flag(env, 'FRISTVAKT_SEED', true),
    demoDirectory,
    attachmentMaxBytes: int(env, 'FRISTVAKT_ATTACHMENT_MAX_MB', 1, 100, 10) * 1024 * 1024,
    autoCloseIntervalMinutes: int(env, 'FRISTVAKT_AUTO_CLOSE_INTERVAL_MIN', 1, 1440, 15),
    tab: {
      ...(tabClientId ? { clientId: tabClientId } : {}),
      ...(tabTenantId ? { tenantId: tabTenantId } : {}),
      ...(tabEndpoint ? { endpoint: tabEndpoint } : {}),
      devSignIn: demoDirectory && runtime === 'development',
    },
  };
}

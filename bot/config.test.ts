import { CONFIG_ENV_VARS, ConfigError, loadConfig } from './config';

const fails = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env, '/tmp');
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('defaults to the embedded store on 127.0.0.1:3978 with .data/, auth off, demo directory on', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({
      env: 'development',
      port: 3978,
      host: '127.0.0.1',
      role: 'all',
      dataDir: '/srv/app/.data',
      store: { kind: 'sqlite', file: '/srv/app/.data/fristvakt.sqlite', blobDir: '/srv/app/.data/blobs' },
      bot: { appType: 'MultiTenant' },
      seed: true,
      demoDirectory: true,
      attachmentMaxBytes: 10 * 1024 * 1024,
    });
    expect(c.bot.appId).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', "PORT must be an integer 1–65535, got 'abc'"],
    [{ PORT: '70000' }, 'PORT', "PORT must be an integer 1–65535, got '70000'"],
    [{ PORT: '-1' }, 'PORT', "PORT must be an integer 1–65535, got '-1'"],
    [
      { FRISTVAKT_STORE: 'mongo' },
      'FRISTVAKT_STORE',
      "FRISTVAKT_STORE must be one of sqlite, cosmos, got 'mongo'",
    ],
    [
      { FRISTVAKT_STORE: 'cosmos' },
      'COSMOS_ENDPOINT',
      'COSMOS_ENDPOINT is required when FRISTVAKT_STORE=cosmos',
    ],
    [
      { FRISTVAKT_STORE: 'cosmos', COSMOS_ENDPOINT: 'nope' },
      'COSMOS_ENDPOINT',
      "COSMOS_ENDPOINT must be an http(s) URL, got 'nope'",
    ],
    [{ BOT_ID: 'x y' }, 'BOT_ID', "BOT_ID must be an Entra app id (a GUID), got 'x y'"],
    [
      { BOT_ID: '11111111-2222-3333-4444-555555555555' },
      'BOT_PASSWORD',
      'BOT_PASSWORD is required when BOT_ID is set',
    ],
    [{ BOT_PASSWORD: 'secret' }, 'BOT_ID', 'BOT_ID is required when BOT_PASSWORD is set'],
    [{ FRISTVAKT_SEED: 'maybe' }, 'FRISTVAKT_SEED', "FRISTVAKT_SEED must be on or off, got 'maybe'"],
    [
      { FRISTVAKT_ATTACHMENT_MAX_MB: '0' },
      'FRISTVAKT_ATTACHMENT_MAX_MB',
      "FRISTVAKT_ATTACHMENT_MAX_MB must be an integer 1–100, got '0'",
    ],
    [
      { FRISTVAKT_ENV: 'prod' },
      'FRISTVAKT_ENV',
      "FRISTVAKT_ENV must be one of development, test, production, got 'prod'",
    ],
    [
      { FRISTVAKT_ROLE: 'suppliers' },
      'FRISTVAKT_ROLE',
      "FRISTVAKT_ROLE must be one of all, chat, supplier-api, got 'suppliers'",
    ],
  ])('%j stops start-up naming %s', (env, variable, message) => {
    const err = fails(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toBe(message);
  });

  it('refuses dev-only settings in production', () => {
    expect(fails({ FRISTVAKT_ENV: 'production' }).variable).toBe('BOT_ID');
    const withBot = {
      FRISTVAKT_ENV: 'production',
      BOT_ID: '11111111-2222-3333-4444-555555555555',
      BOT_PASSWORD: 'secret',
      BOT_TENANT_ID: 'tenant',
      AAD_APP_CLIENT_ID: 'tab-app',
      AAD_APP_TENANT_ID: 'tenant',
    };
    expect(fails({ ...withBot, FRISTVAKT_DEMO_DIRECTORY: 'on' }).variable).toBe('FRISTVAKT_DEMO_DIRECTORY');
    const c = loadConfig(withBot, '/tmp');
    expect(c).toMatchObject({
      demoDirectory: false,
      host: '0.0.0.0',
      bot: { appType: 'SingleTenant', tenantId: 'tenant' },
    });
  });

  it('selects Cosmos with a key or with a managed identity', () => {
    const key = loadConfig(
      { FRISTVAKT_STORE: 'cosmos', COSMOS_ENDPOINT: 'https://x.documents.azure.com', COSMOS_KEY: 'k' },
      '/tmp',
    );
    expect(key.store).toMatchObject({ kind: 'cosmos', database: 'fristvakt', key: 'k' });
    const mi = loadConfig(
      { FRISTVAKT_STORE: 'cosmos', COSMOS_ENDPOINT: 'https://x.documents.azure.com', AZURE_CLIENT_ID: 'mi' },
      '/tmp',
    );
    expect(mi.store).toMatchObject({ kind: 'cosmos', managedIdentityClientId: 'mi' });
    expect(mi.store).not.toHaveProperty('key');
  });

  it('keeps attachments on local disk unless BLOB_ACCOUNT_URL is set, then in that account (container attachments)', () => {
    expect(loadConfig({}, '/srv/app')).not.toHaveProperty('blobStorage');
    expect(loadConfig({ BLOB_CONTAINER: 'vedlegg' }, '/srv/app')).not.toHaveProperty('blobStorage');
    const url = 'https://stfristvaktprodabc123.blob.core.windows.net/';
    expect(loadConfig({ BLOB_ACCOUNT_URL: url }, '/tmp').blobStorage).toEqual({
      accountUrl: url,
      container: 'attachments',
    });
    expect(
      loadConfig({ BLOB_ACCOUNT_URL: url, BLOB_CONTAINER: 'vedlegg-2026', AZURE_CLIENT_ID: 'mi' }, '/tmp')
        .blobStorage,
    ).toEqual({ accountUrl: url, container: 'vedlegg-2026', managedIdentityClientId: 'mi' });
  });

  it.each([
    [{ BLOB_ACCOUNT_URL: 'stfristvakt.blob.core.windows.net' }, 'BLOB_ACCOUNT_URL', 'must be an http(s) URL'],
    [{ BLOB_ACCOUNT_URL: 'ftp://stfristvakt.example/' }, 'BLOB_ACCOUNT_URL', 'must be an http(s) URL'],
    [{ BLOB_CONTAINER: 'Vedlegg' }, 'BLOB_CONTAINER', 'must be an Azure container name'],
    [{ BLOB_CONTAINER: 'ab' }, 'BLOB_CONTAINER', 'must be an Azure container name'],
    [{ BLOB_CONTAINER: 'a--b' }, 'BLOB_CONTAINER', 'must be an Azure container name'],
    [{ BLOB_CONTAINER: '-ab' }, 'BLOB_CONTAINER', 'must be an Azure container name'],
  ])('refuses bad blob settings: %j', (env, variable, message) => {
    const err = fails(env);
    expect(err.variable).toBe(variable);
    expect(err.message).toContain(message);
  });

  it.each(['all', 'chat', 'supplier-api'] as const)('reads FRISTVAKT_ROLE=%s', (role) => {
    expect(loadConfig({ FRISTVAKT_ROLE: ` ${role} ` }, '/tmp').role).toBe(role);
  });

  it('lists every variable it reads', () => {
    expect(CONFIG_ENV_VARS).toEqual(
      expect.arrayContaining([
        'PORT',
        'BOT_ID',
        'BOT_PASSWORD',
        'FRISTVAKT_DATA_DIR',
        'COSMOS_ENDPOINT',
        'BLOB_ACCOUNT_URL',
        'BLOB_CONTAINER',
        'FRISTVAKT_ROLE',
      ]),
    );
  });
});

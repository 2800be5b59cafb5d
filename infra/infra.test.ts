// One test file reads the Bicep: tree-sitter's native binding breaks when a jest worker loads it twice.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseEnvFile, placeholdersIn } from '../scripts/env-files';
import { repoRoot } from '../scripts/repo-root';
import { CONFIG_ENV_VARS, loadConfig } from '../bot/config';
import { type RouteDeps, routes } from '../bot/server/routes';
import { CONTAINER_DEFINITIONS } from '../shared/store/cosmos/model';
import {
  type BicepValue,
  type Declaration,
  declarations,
  hasDefault,
  parseBicep,
  resourceBody,
  resourceType,
  syntaxErrors,
  webAppSettingParts,
  webAppSettings,
} from './test-support/bicep';
import { keyVaultSecretNameOf, SECRET_NAME, supplierSecretFrom } from '../shared/suppliers/model';

const INFRA = join(repoRoot(), 'infra');
const bicepFiles = readdirSync(INFRA, { recursive: true, encoding: 'utf8' }).filter((f) =>
  f.endsWith('.bicep'),
);
const main = declarations(parseBicep(readFileSync(join(INFRA, 'main.bicep'), 'utf8')));

const byType = (prefix: string): Declaration[] =>
  main.filter((d) => d.kind === 'resource' && resourceType(d).startsWith(`${prefix}@`));
const one = (prefix: string): Record<string, BicepValue> => {
  const found = byType(prefix);
  expect(found.map(resourceType)).toHaveLength(1);
  return resourceBody(found[0]!);
};
/** The body of the resource declared as `name` (main.bicep has two sites when the supplier API is apart). */
const named = (name: string): Record<string, BicepValue> => {
  const found = main.find((d) => d.kind === 'resource' && d.name === name);
  expect(found?.name).toBe(name);
  return resourceBody(found!);
};
const props = (body: Record<string, BicepValue>): Record<string, BicepValue> =>
  body.properties as Record<string, BicepValue>;

describe('infra/*.bicep syntax (tree-sitter-bicep)', () => {
  it('finds the Bicep files', () => {
    expect(bicepFiles).toContain('main.bicep');
  });

  it.each(bicepFiles)('%s parses without ERROR or MISSING nodes', (file) => {
    expect(syntaxErrors(parseBicep(readFileSync(join(INFRA, file), 'utf8')))).toEqual([]);
  });

  it('would notice a syntax error (the check has teeth)', () => {
    const broken =
      "resource r 'Microsoft.Web/sites@2023-12-01' = {\n  name: 'x'\n  properties: { httpsOnly: }\n";
    expect(syntaxErrors(parseBicep(broken))).not.toEqual([]);
    expect(syntaxErrors(parseBicep('param p string\nvar v = {\n  a: 1\n'))).not.toEqual([]);
  });
});

describe('parameters', () => {
  const params = main.filter((d) => d.kind === 'param');
  const parameterFile = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as {
    parameters: Record<string, { value: unknown }>;
  };

  it('documents every parameter and output with @description', () => {
    const undocumented = [...params, ...main.filter((d) => d.kind === 'output')]
      .filter(
        (d) => typeof d.decorators.description !== 'string' || String(d.decorators.description).length < 20,
      )
      .map((d) => d.name);
    expect(undocumented).toEqual([]);
  });

  it('marks the secret parameter @secure()', () => {
    expect(params.find((p) => p.name === 'botAadAppClientSecret')!.decorators).toHaveProperty('secure');
  });

  it('main.parameters.json names only parameters main.bicep declares and gives every required one', () => {
    const declared = params.map((p) => p.name);
    expect(Object.keys(parameterFile.parameters).filter((n) => !declared.includes(n))).toEqual([]);
    const required = params.filter((p) => !hasDefault(p)).map((p) => p.name);
    expect(required.filter((n) => !(n in parameterFile.parameters))).toEqual([]);
  });

  it('uses in teamsapp.yml and the manifests only names env/.env.dev defines (or provisioning writes as secrets)', () => {
    const envDev = parseEnvFile(readFileSync(join(repoRoot(), 'env', '.env.dev'), 'utf8'));
    for (const file of [
      'teamsapp.yml',
      'infra/entra/aad.manifest.json',
      'appPackage/manifest.json',
      'appPackage/en-US.json',
    ]) {
      const used = placeholdersIn(readFileSync(join(repoRoot(), file), 'utf8'));
      expect([file, used.filter((n) => !(n in envDev) && !n.startsWith('SECRET_'))]).toEqual([file, []]);
    }
  });

  it('fills main.parameters.json only from names env/.env.dev defines or provisioning writes as secrets', () => {
    const envDev = parseEnvFile(readFileSync(join(repoRoot(), 'env', '.env.dev'), 'utf8'));
    const used = placeholdersIn(JSON.stringify(parameterFile));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((n) => !(n in envDev) && !n.startsWith('SECRET_'))).toEqual([]);
  });
});

describe('resources', () => {
  it('runs the app on App Service for Linux with Node 22 LTS, HTTPS only, TLS 1.2, no FTP, a managed identity', () => {
    const site = named('site');
    expect(site.identity).toEqual({ type: 'SystemAssigned' });
    const p = props(site);
    expect(p.httpsOnly).toBe(true);
    const config = p.siteConfig as Record<string, BicepValue>;
    expect(config).toMatchObject({
      linuxFxVersion: 'NODE|22-lts',
      minTlsVersion: '1.2',
      scmMinTlsVersion: '1.2',
      ftpsState: 'Disabled',
      healthCheckPath: '/healthz',
    });
    expect(props(named('plan'))).toMatchObject({ reserved: true });
    expect(props(named('ftpPublishing'))).toEqual({ allow: false });
  });

  it('points the health check, the bot endpoint and the tab at routes the server has', () => {
    // Only the paths are read; no handler runs.
    const table = routes({ tabDir: '/nonexistent', tabRoutes: [] } as unknown as RouteDeps).map(
      (r) => `${r.method.toUpperCase()} ${r.path}`,
    );
    const site = props(named('site'));
    expect(table).toContain(`GET ${String((site.siteConfig as Record<string, BicepValue>).healthCheckPath)}`);
    const endpoint = (props(one('Microsoft.BotService/botServices')).endpoint as { expr: string }).expr;
    expect(table).toContain(`POST ${/\}(\/[^']*)'$/.exec(endpoint)![1]}`);
    const manifest = readFileSync(join(repoRoot(), 'appPackage', 'manifest.json'), 'utf8');
    for (const [, path] of manifest.matchAll(/\$\{\{TAB_ENDPOINT\}\}(\/[^"?#]*)/g)) {
      expect([path, table.some((r) => r === 'GET /tab/*' && path!.startsWith('/tab/'))]).toEqual([
        path,
        true,
      ]);
    }
  });

  it('registers a single-tenant Azure Bot pointing at /api/messages, with the Teams channel', () => {
    const bot = props(one('Microsoft.BotService/botServices'));
    expect(bot.msaAppType).toBe('SingleTenant');
    expect(bot.msaAppTenantId).toEqual({ expr: 'aadAppTenantId' });
    expect(String((bot.endpoint as { expr: string }).expr)).toMatch(/\/api\/messages'$/);
    const channel = one('Microsoft.BotService/botServices/channels');
    expect(channel.name).toBe('MsTeamsChannel');
    expect(props(channel)).toEqual({ channelName: 'MsTeamsChannel', properties: { isEnabled: true } });
  });

  it('gives the web app a Cosmos DB data-plane role (Built-in Data Contributor), so no key is needed', () => {
    const assignment = props(named('cosmosDataRole'));
    expect(JSON.stringify(assignment.roleDefinitionId)).toContain('roles.cosmosDataContributor');
    expect(assignment.principalId).toEqual({ expr: 'site.identity.principalId' });
    const rolesVar = main.find((d) => d.kind === 'var' && d.name === 'roles')!;
    expect(rolesVar.node.text).toContain("cosmosDataContributor: '00000000-0000-0000-0000-000000000002'");
    expect(props(one('Microsoft.DocumentDB/databaseAccounts'))).toMatchObject({
      disableLocalAuth: { expr: "cosmosAuth == 'managedIdentity'" },
      minimalTlsVersion: 'Tls12',
      backupPolicy: { type: 'Continuous' },
    });
  });

  it("creates exactly the store's Cosmos containers, partition keys and indexing policies", () => {
    const json = JSON.parse(readFileSync(join(INFRA, 'cosmos-containers.json'), 'utf8')) as unknown;
    // cosmos-containers.json is the store's CONTAINER_DEFINITIONS; after a data-model change run
    // `npm run build && node dist/scripts/write-cosmos-containers.js`.
    expect(json).toEqual(JSON.parse(JSON.stringify(CONTAINER_DEFINITIONS)));
    const containers = byType('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    expect(containers).toHaveLength(1);
    expect(containers[0]!.node.text).toContain('for container in cosmosContainers');
    expect(main.find((d) => d.name === 'cosmosContainers')!.node.text).toContain(
      "loadJsonContent('cosmos-containers.json')",
    );
  });

  it('keeps attachments private: no public blob access, no shared keys, HTTPS and TLS 1.2 only', () => {
    expect(props(one('Microsoft.Storage/storageAccounts'))).toMatchObject({
      allowBlobPublicAccess: false,
      allowSharedKeyAccess: false,
      minimumTlsVersion: 'TLS1_2',
      supportsHttpsTrafficOnly: true,
    });
    expect(props(one('Microsoft.Storage/storageAccounts/blobServices/containers'))).toEqual({
      publicAccess: 'None',
    });
  });

  it('keeps the bot secret in an RBAC Key Vault, read by the app through a Key Vault reference', () => {
    expect(props(one('Microsoft.KeyVault/vaults'))).toMatchObject({ enableRbacAuthorization: true });
    const settings = webAppSettings(main);
    expect(settings.get('BOT_PASSWORD')).toEqual({
      expr: "'@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${botPasswordSecretName})'",
    });
    const assignments = byType('Microsoft.Authorization/roleAssignments').map((d) => d.node.text);
    expect(
      assignments.some((t) => t.includes('scope: keyVault') && t.includes('roles.keyVaultSecretsUser')),
    ).toBe(true);
    expect(
      assignments.some((t) => t.includes('scope: storage') && t.includes('roles.storageBlobDataContributor')),
    ).toBe(true);
  });

  it('sends telemetry to a workspace-based Application Insights', () => {
    expect(props(one('Microsoft.Insights/components'))).toMatchObject({
      WorkspaceResourceId: { expr: 'logs.id' },
    });
    expect(webAppSettings(main).get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toEqual({
      expr: 'insights.properties.ConnectionString',
    });
  });

  it('outputs what teamsapp writes back to env/.env.<env> for the manifest and deploy steps', () => {
    const outputs = main.filter((d) => d.kind === 'output').map((d) => d.name);
    for (const name of [
      'BOT_AZURE_APP_SERVICE_RESOURCE_ID',
      'TAB_DOMAIN',
      'TAB_ENDPOINT',
      'BOT_DOMAIN',
      'BOT_ENDPOINT',
    ]) {
      expect(outputs).toContain(name);
    }
    const teamsapp = readFileSync(join(repoRoot(), 'teamsapp.yml'), 'utf8');
    expect(teamsapp).toContain('resourceId: ${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(teamsapp).toContain('path: ./infra/main.bicep');
    expect(teamsapp).toContain('parameters: ./infra/main.parameters.json');
  });
});

// ---------------------------------------------------------------------------------------------------
/*
 * The web app's settings in infra/main.bicep against what the app reads (bot/config.ts): every variable
 * the app reads is set (or deliberately left to the platform), every setting is read by someone, and
 * the app's own config loader accepts the result.
 */
const settings = webAppSettings(main);

/** Variables the app reads that the template leaves unset on purpose. */
const NOT_SET: Record<string, string> = {
  PORT: 'App Service tells the Node process which port to listen on',
  AZURE_CLIENT_ID: 'only for a user-assigned identity; unset, the app uses its system-assigned identity',
  FRISTVAKT_SUPPLIER_API_THREAD:
    'unset, off: a site of role all serves the supplier API on its event loop (a worker thread measured slower)',
};

/** Settings no code of ours reads: App Service and its agents do. */
const READ_BY_PLATFORM: Record<string, string> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service build on zip deploy',
  CUSTOM_BUILD_COMMAND: 'the command that build runs (production dependencies only)',
  ApplicationInsightsAgent_EXTENSION_VERSION: 'Application Insights auto-instrumentation',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'where the auto-instrumentation sends telemetry',
};

/**
 * Settings the infrastructure provides before the app reads them: each names what will read it.
 * When the app starts reading one, it moves into CONFIG_ENV_VARS and out of this list.
 */
const AHEAD_OF_THE_APP: Record<string, string> = {};

/** Stand-ins for the values Azure computes at deployment (endpoints, Key Vault references). */
function sample(name: string, value: BicepValue): string {
  if (typeof value === 'string') return value;
  const samples: Record<string, string> = {
    FRISTVAKT_ENV: 'production',
    FRISTVAKT_ROLE: 'all',
    COSMOS_ENDPOINT: 'https://cosmos-fristvaktprod-abc123.documents.azure.com:443/',
    COSMOS_DATABASE: 'fristvakt',
    BOT_ID: '0b6c7a4e-1111-4c2d-8e3f-000000000002',
    BOT_PASSWORD: 'secret-resolved-from-key-vault',
    BOT_TENANT_ID: '0b6c7a4e-1111-4c2d-8e3f-0000000000aa',
    FRISTVAKT_ATTACHMENT_MAX_MB: '10',
    BLOB_ACCOUNT_URL: 'https://stfristvaktprodabc123.blob.core.windows.net/',
    AAD_APP_CLIENT_ID: '0b6c7a4e-1111-4c2d-8e3f-000000000003',
    AAD_APP_TENANT_ID: '0b6c7a4e-1111-4c2d-8e3f-0000000000aa',
    TAB_ENDPOINT: 'https://app-fristvaktprod-abc123.azurewebsites.net',
    BLOB_CONTAINER: 'attachments',
    APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
  };
  const s = samples[name];
  if (s === undefined) throw new Error(`No sample value for app setting ${name} = ${JSON.stringify(value)}`);
  return s;
}

describe('web app settings (infra/main.bicep) against bot/config.ts', () => {
  it('sets every variable the app reads, except PORT (App Service sets it) and AZURE_CLIENT_ID', () => {
    const missing = CONFIG_ENV_VARS.filter((name) => !settings.has(name) && !(name in NOT_SET));
    expect(missing).toEqual([]);
    for (const name of Object.keys(NOT_SET)) expect(settings.has(name)).toBe(false);
  });

  it('sets nothing that neither the app nor the platform reads', () => {
    const read = new Set<string>([
      ...CONFIG_ENV_VARS,
      ...Object.keys(READ_BY_PLATFORM),
      ...Object.keys(AHEAD_OF_THE_APP),
    ]);
    expect([...settings.keys()].filter((name) => !read.has(name))).toEqual([]);
    // A setting the app now reads must leave the "ahead" list.
    expect(
      Object.keys(AHEAD_OF_THE_APP).filter((n) => (CONFIG_ENV_VARS as readonly string[]).includes(n)),
    ).toEqual([]);
  });

  it('gives the app a configuration its own loader accepts, in production and in test', () => {
    expect(settings.get('FRISTVAKT_ENV')).toEqual({ expr: 'fristvaktEnv' });
    const allowed = main.find((d) => d.kind === 'param' && d.name === 'fristvaktEnv')!.decorators.allowed;
    expect(allowed).toEqual(['production', 'test']);
    // COSMOS_KEY is empty under managed identity (the default) and a Key Vault reference under cosmosAuth = 'key'.
    const cosmosAuth = main.find((d) => d.kind === 'param' && d.name === 'cosmosAuth')!;
    expect(cosmosAuth.node.text).toMatch(/= 'managedIdentity'$/);
    expect(JSON.stringify(settings.get('COSMOS_KEY'))).toMatch(/cosmosAuth == 'key'[\s\S]*: ''/);
    for (const [cosmosKey, expectedKey] of [
      ['', undefined],
      ['key-resolved-from-key-vault', 'key-resolved-from-key-vault'],
    ] as const) {
      const env = Object.fromEntries(
        [...settings].map(([name, value]) => [name, name === 'COSMOS_KEY' ? cosmosKey : sample(name, value)]),
      );
      for (const runtime of allowed as string[]) {
        const config = loadConfig({ ...env, FRISTVAKT_ENV: runtime, PORT: '8080' }, '/home/site/wwwroot');
        expect(config).toMatchObject({
          env: runtime,
          port: 8080,
          host: '0.0.0.0',
          dataDir: '/home/fristvakt-data',
          demoDirectory: false,
          seed: true,
          store: { kind: 'cosmos', database: 'fristvakt', endpoint: env.COSMOS_ENDPOINT },
          bot: { appType: 'SingleTenant', appId: env.BOT_ID, tenantId: env.BOT_TENANT_ID },
          // The tab's sign-in: the SSO app, and never the development sign-in.
          tab: {
            clientId: env.AAD_APP_CLIENT_ID,
            tenantId: env.AAD_APP_TENANT_ID,
            endpoint: env.TAB_ENDPOINT,
            devSignIn: false,
          },
        });
        expect(config.store).toEqual(
          expect.not.objectContaining({ managedIdentityClientId: expect.anything() }),
        );
        expect((config.store as { key?: string }).key).toBe(expectedKey);
      }
    }
  });

  it('reads the secrets through Key Vault references, never as plain values', () => {
    expect(settings.get('BOT_PASSWORD')).toEqual({
      expr: "'@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${botPasswordSecretName})'",
    });
    expect(JSON.stringify(settings.get('COSMOS_KEY'))).toContain(
      '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${cosmosKeySecretName})',
    );
  });
});

// ---------------------------------------------------------------------------------------------------
/*
 * The operations suppliers' webhook signing secrets: one app setting per name in `supplierSecretNames`,
 * each a Key Vault reference, so a provision (which replaces the web app's settings with the
 * template's) keeps them.
 */
describe('supplier signing secrets (infra/main.bicep)', () => {
  const { loops } = webAppSettingParts(main);
  const param = main.find((d) => d.kind === 'param' && d.name === 'supplierSecretNames')!;

  it('adds one setting per listed name to the fixed list, and nothing else is generated', () => {
    expect(loops.map((l) => l.variable)).toEqual(['supplierSecretSettings']);
    const [loop] = loops;
    expect(loop!.over).toBe("filter(split(supplierSecretNames, ','), n => !empty(trim(n)))");
    expect(loop!.name).toEqual({ expr: `trim(${loop!.item})` });
    expect(param.node.text).toMatch(/^param supplierSecretNames string = ''$/);
    const parameterFile = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: unknown }>;
    };
    expect(parameterFile.parameters.supplierSecretNames).toEqual({ value: '${{SUPPLIER_SECRET_NAMES}}' });
  });

  it('makes each a versionless Key Vault reference to the same name in lower case with dashes', () => {
    const [loop] = loops;
    expect(loop!.value).toEqual({
      expr:
        "'@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=" +
        `\${toLower(replace(trim(${loop!.item}), '_', '-'))})'`,
    });
  });

  it('the app reads what the loop makes from a documented list (the same names, the same vault secrets)', () => {
    // The loop's expressions, in TypeScript: split, drop empties, trim; the vault secret's name.
    const listed = ' FRISTVAKT_SUPPLIER_SECRET_SOPRA, FRISTVAKT_SUPPLIER_SECRET_VISMA_2 ,';
    const made = listed
      .split(',')
      .filter((n) => n.trim() !== '')
      .map((n) => ({ name: n.trim(), secret: n.trim().replace(/_/g, '-').toLowerCase() }));
    expect(made).toEqual([
      { name: 'FRISTVAKT_SUPPLIER_SECRET_SOPRA', secret: 'fristvakt-supplier-secret-sopra' },
      { name: 'FRISTVAKT_SUPPLIER_SECRET_VISMA_2', secret: 'fristvakt-supplier-secret-visma-2' },
    ]);
    for (const m of made) {
      expect(SECRET_NAME.test(m.name)).toBe(true);
      expect(keyVaultSecretNameOf(m.name)).toBe(m.secret);
      // Resolved, the app signs with the value; left unresolved by App Service, it signs nothing.
      expect(supplierSecretFrom({ [m.name]: 'resolved' }, m.name)).toBe('resolved');
      expect(
        supplierSecretFrom({ [m.name]: `@Microsoft.KeyVault(VaultName=kv;SecretName=${m.secret})` }, m.name),
      ).toBeUndefined();
    }
  });

  it('the parser reads a concatenated list (the check has teeth)', () => {
    const source = readFileSync(join(INFRA, 'main.bicep'), 'utf8').replace(
      '], supplierSecretSettings)',
      '], supplierSecretSettings, otherSettings)',
    );
    expect(() => webAppSettingParts(declarations(parseBicep(source)))).toThrow(/cannot read otherSettings/);
  });
});

// ---------------------------------------------------------------------------------------------------
/*
 * The supplier API on a site of its own (separateSupplierApi): its own plan (other machines), the main
 * site's settings with FRISTVAKT_ROLE=supplier-api (the main site then chat), and the main site's
 * access to Cosmos DB, the attachments and Key Vault, given to its own identity.
 */
describe('separate supplier API site (infra/main.bicep)', () => {
  const decl = (name: string): Declaration => main.find((d) => d.kind === 'resource' && d.name === name)!;
  const conditional = (name: string): boolean =>
    /^resource \w+ '[^']+' = if \(separateSupplierApi\) \{/.test(decl(name).node.text);

  it('is off by default and, when on, has its own plan, sized by its own parameters', () => {
    const param = main.find((d) => d.kind === 'param' && d.name === 'separateSupplierApi')!;
    expect(param.node.text).toBe('param separateSupplierApi bool = false');
    for (const name of ['supplierPlan', 'supplierSite', 'supplierFtpPublishing', 'supplierSiteDiagnostics'])
      expect([name, conditional(name)]).toEqual([name, true]);
    expect(resourceType(decl('supplierPlan'))).toBe(resourceType(decl('plan')));
    expect(named('supplierPlan')).toMatchObject({
      name: { expr: 'names.supplierPlan' },
      sku: { name: { expr: 'supplierApiSku' }, capacity: { expr: 'supplierApiInstanceCount' } },
      properties: { reserved: true },
    });
    expect(props(named('supplierSite')).serverFarmId).toEqual({ expr: 'supplierPlan.id' });
    expect(props(named('site')).serverFarmId).toEqual({ expr: 'plan.id' });
    const names = main.find((d) => d.kind === 'var' && d.name === 'names')!.node.text;
    expect(names).toContain("supplierPlan: 'plan-${resourceBaseName}-api-${suffix}'");
    expect(names).toContain("supplierSite: 'app-${resourceBaseName}-api-${suffix}'");
  });

  it('runs the same app with the same hardening as the main site', () => {
    const main_ = named('site');
    const apart = named('supplierSite');
    expect(apart.identity).toEqual(main_.identity);
    expect(resourceType(decl('supplierSite'))).toBe(resourceType(decl('site')));
    const { siteConfig: mainConfig, serverFarmId: _m, ...mainRest } = props(main_);
    const { siteConfig: apartConfig, serverFarmId: _a, ...apartRest } = props(apart);
    expect(apartRest).toEqual(mainRest);
    const { appSettings: _ms, ...mainSite } = mainConfig as Record<string, BicepValue>;
    const { appSettings: _as, ...apartSite } = apartConfig as Record<string, BicepValue>;
    expect(apartSite).toEqual(mainSite);
    expect(props(named('supplierFtpPublishing'))).toEqual({ allow: false });
  });

  it('has the main site’s settings with FRISTVAKT_ROLE=supplier-api; the main site is then chat', () => {
    const apart = webAppSettingParts(main, 'supplierSite');
    const own = webAppSettingParts(main, 'site');
    expect(apart.fixed.get('FRISTVAKT_ROLE')).toBe('supplier-api');
    expect(own.fixed.get('FRISTVAKT_ROLE')).toEqual({ expr: "separateSupplierApi ? 'chat' : 'all'" });
    const without = (m: Map<string, BicepValue>) => [...m].filter(([name]) => name !== 'FRISTVAKT_ROLE');
    expect(without(apart.fixed)).toEqual(without(own.fixed));
    expect(apart.loops).toEqual(own.loops);
    // The app accepts them and serves only the supplier API and the health check there.
    const env = Object.fromEntries(
      [...apart.fixed].map(([name, value]) => [name, name === 'COSMOS_KEY' ? '' : sample(name, value)]),
    );
    const config = loadConfig({ ...env, PORT: '8080' }, '/home/site/wwwroot');
    expect(config.role).toBe('supplier-api');
    const table = routes({
      tabDir: '/nonexistent',
      tabRoutes: [],
      role: config.role,
    } as unknown as RouteDeps).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    const health = (props(named('supplierSite')).siteConfig as Record<string, BicepValue>).healthCheckPath;
    expect(table).toEqual([`GET ${String(health)}`]);
    for (const role of ['chat', 'all'])
      expect(loadConfig({ ...env, FRISTVAKT_ROLE: role, PORT: '8080' }, '/home/site/wwwroot').role).toBe(
        role,
      );
  });

  it('gives its identity the main site’s roles on Cosmos DB, the attachments and Key Vault', () => {
    const twins: Array<[string, string]> = [
      ['cosmosDataRole', 'supplierCosmosDataRole'],
      ['storageBlobRole', 'supplierStorageBlobRole'],
      ['keyVaultSecretsRole', 'supplierKeyVaultSecretsRole'],
    ];
    for (const [own, apart] of twins) {
      expect([apart, conditional(apart)]).toEqual([apart, true]);
      expect(resourceType(decl(apart))).toBe(resourceType(decl(own)));
      // The same assignment, with the supplier site in place of the main site.
      const expected = JSON.stringify(named(own))
        .replace(/\bsite\.id\b/g, 'supplierSite.id')
        .replace(/\bsite\.identity\b/g, 'supplierSite.identity');
      expect(JSON.stringify(named(apart))).toBe(expected);
      expect(JSON.stringify(named(apart))).toContain('supplierSite.identity.principalId');
    }
    // Every role assignment of the main site has its twin (a new one must be given to both).
    const mainAssignments = main.filter(
      (d) =>
        d.kind === 'resource' &&
        /RoleAssignments?@|roleAssignments@/.test(resourceType(d)) &&
        /principalId: site\.identity\.principalId/.test(d.node.text),
    );
    expect(mainAssignments.map((d) => d.name).sort()).toEqual(twins.map(([own]) => own).sort());
  });

  it('has the main site’s server-error and health alerts, on its own site', () => {
    for (const [own, apart] of [
      ['serverErrorsAlert', 'supplierServerErrorsAlert'],
      ['healthAlert', 'supplierHealthAlert'],
    ] as const) {
      expect([apart, conditional(apart)]).toEqual([apart, true]);
      const { name: ownName, properties: ownProps } = named(own) as {
        name: { expr: string };
        properties: object;
      };
      const { name: apartName, properties: apartProps } = named(apart) as {
        name: { expr: string };
        properties: { description: string; scopes: unknown };
      };
      expect(apartName.expr).toBe(ownName.expr.replace('-${suffix}', '-api-${suffix}'));
      expect(apartProps.scopes).toEqual([{ expr: 'supplierSite.id' }]);
      expect(apartProps.description).toContain('supplier API site');
      const { description: _d, scopes: _s, ...rest } = apartProps;
      const { description: _od, scopes: _os, ...ownRest } = ownProps as typeof apartProps;
      expect(rest).toEqual(ownRest);
    }
  });

  it('outputs the supplier API’s base URL: its own site when apart, else the main site', () => {
    const output = main.find((d) => d.kind === 'output' && d.name === 'SUPPLIER_API_ENDPOINT')!;
    expect(output.node.text).toContain(
      "'https://${separateSupplierApi ? names.supplierSite : names.site}.azurewebsites.net'",
    );
    const siteName = main.find((d) => d.kind === 'output' && d.name === 'SUPPLIER_API_SITE_NAME')!;
    expect(siteName.node.text).toMatch(/= separateSupplierApi \? names\.supplierSite : ''$/);
  });
});

import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseEnvFile, placeholdersIn } from '../scripts/env-files';
import { repoRoot } from '../scripts/repo-root';
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
} from './test-support/bicep';

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

  it('fills main.parameters.json only from names env/.env.dev defines or provisioning writes as secrets', () => {
    const envDev = parseEnvFile(readFileSync(join(repoRoot(), 'env', '.env.dev'), 'utf8'));
    const used = placeholdersIn(JSON.stringify(parameterFile));
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((n) => !(n in envDev) && !n.startsWith('SECRET_'))).toEqual([]);
  });
});

describe('resources', () => {
  it('runs the app on App Service for Linux with Node 22 LTS, HTTPS only, TLS 1.2, no FTP, a managed identity', () => {
    const site = one('Microsoft.Web/sites');
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
    expect(props(one('Microsoft.Web/serverfarms'))).toMatchObject({ reserved: true });
    expect(props(one('Microsoft.Web/sites/basicPublishingCredentialsPolicies'))).toEqual({ allow: false });
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

  it('gives the web app a Cosmos DB data-plane role (Built-in Data Contributor) instead of a key', () => {
    const assignment = props(one('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments'));
    expect(JSON.stringify(assignment.roleDefinitionId)).toContain('roles.cosmosDataContributor');
    expect(assignment.principalId).toEqual({ expr: 'site.identity.principalId' });
    const rolesVar = main.find((d) => d.kind === 'var' && d.name === 'roles')!;
    expect(rolesVar.node.text).toContain("cosmosDataContributor: '00000000-0000-0000-0000-000000000002'");
    expect(props(one('Microsoft.DocumentDB/databaseAccounts'))).toMatchObject({
      disableLocalAuth: { expr: 'cosmosDisableKeyAuth' },
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
    const settings = appSettings();
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
    expect(appSettings().get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toEqual({
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

/** The web app's app settings: name → value. */
function appSettings(): Map<string, BicepValue> {
  const config = props(one('Microsoft.Web/sites')).siteConfig as {
    appSettings: Array<{ name: string; value: BicepValue }>;
  };
  return new Map(config.appSettings.map((s) => [s.name, s.value]));
}

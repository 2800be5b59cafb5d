// Fristvakt on Azure: everything one environment needs, in one resource group.
//
//   App Service (Linux, Node 22 LTS) ── serves the bot (/api/messages), the tab (/tab/) and its API (/api/...)
//     (with separateSupplierApi: a second site on a plan of its own serves the supplier API, /api/suppliers/v1)
//     │ system-assigned managed identity, no keys in app settings:
//     ├─ Cosmos DB (NoSQL)       data-plane role "Cosmos DB Built-in Data Contributor", keys off
//     │                          (or, with cosmosAuth = 'key', the account key from Key Vault)
//     ├─ Storage (attachments)   role "Storage Blob Data Contributor"
//     └─ Key Vault (secrets)     role "Key Vault Secrets User": the bot secret (and the Cosmos key)
//                                 reach the app as Key Vault references
//   Azure Bot (single tenant, Teams channel) ── posts to App Service's /api/messages
//   Application Insights + Log Analytics ── logs, requests, metrics; alerts on 429s, 5xx and health
//
// Deployed by `teamsapp provision` (arm/deploy, parameters from infra/main.parameters.json) or by hand
// with `az deployment group create` (docs/deployment.md). Outputs in UPPER_SNAKE_CASE are written to
// env/.env.<env> by Teams Toolkit under the same names.

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------

@description('Short lowercase name every resource name is built from, e.g. "fristvaktprod" (letters and digits, 3-12 characters). A 6-character suffix derived from the resource group keeps global names unique.')
@minLength(3)
@maxLength(12)
param resourceBaseName string

@description('Azure region of the resources (not the bot, which is global). Norway East keeps data in Norway.')
param location string = resourceGroup().location

@description('Name of the environment as the app sees it (FRISTVAKT_ENV). "production" switches off every development-only feature, such as the tab\'s development sign-in.')
@allowed([
  'production'
  'test'
])
param fristvaktEnv string = 'production'

@description('App Service plan SKU, B1 or larger: Free and Shared plans have no Always On, which the SLA watcher needs to keep running. B1 suffices for a test environment; P0v3 or larger for production (several instances, deployment slots).')
param appServiceSku string = 'B1'

@description('Number of App Service instances. More than one is safe: the SLA watcher and the outbox sender take a lease in Cosmos DB so only one instance runs them at a time.')
@minValue(1)
@maxValue(10)
param appServiceInstanceCount int = 1

@description('Serve the operations suppliers\' API (/api/suppliers/v1) from a second web app on an App Service plan of its own (separate machines), so suppliers\' traffic cannot take the CPU the bot and the tab need. That site runs with FRISTVAKT_ROLE=supplier-api, the main site with FRISTVAKT_ROLE=chat; false: the main site serves everything (FRISTVAKT_ROLE=all). Both use the same Cosmos DB account, storage and Key Vault.')
param separateSupplierApi bool = false

@description('App Service plan SKU of the separate supplier API site (when separateSupplierApi is true), B1 or larger.')
param supplierApiSku string = 'B1'

@description('Number of instances of the separate supplier API site (when separateSupplierApi is true).')
@minValue(1)
@maxValue(10)
param supplierApiInstanceCount int = 1

@description('Client id of the Entra app the bot authenticates as (BOT_ID, created by teamsapp botAadApp/create or by hand).')
param botAadAppClientId string

@description('Client secret of the bot\'s Entra app. Stored in Key Vault as "bot-password"; the app reads it through a Key Vault reference.')
@secure()
param botAadAppClientSecret string

@description('Display name of the bot in Azure.')
param botDisplayName string = 'Fristvakt'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are free anyway) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Client id of the Entra app used for single sign-on in the tab (AAD_APP_CLIENT_ID): the audience of the tokens the tab sends to /api/...')
param aadAppClientId string

@description('Tenant id of the Entra apps; also the bot\'s tenant (single tenant). Defaults to the tenant of the subscription.')
param aadAppTenantId string = subscription().tenantId

@description('Cosmos DB capacity: "serverless" (pay per request; good up to a few hundred thousand cases a month) or "autoscale" (provisioned throughput shared by the containers, scaling between 10 % and 100 % of cosmosAutoscaleMaxThroughput).')
@allowed([
  'serverless'
  'autoscale'
])
param cosmosCapacityMode string = 'serverless'

@description('Autoscale only: the maximum RU/s of the database (shared by its containers). 1000 is the minimum.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Cosmos DB database name (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'fristvakt'

@description('Cosmos DB continuous backup tier: point-in-time restore over the last 7 days (free) or 30 days.')
@allowed([
  'Continuous7Days'
  'Continuous30Days'
])
param cosmosBackupTier string = 'Continuous7Days'

@description('How the app authenticates to Cosmos DB. "managedIdentity" (recommended): account keys are switched off; the app\'s system-assigned identity has the data-plane role "Cosmos DB Built-in Data Contributor". "key": the account key is kept in Key Vault as "cosmos-key" and reaches the app as COSMOS_KEY through a Key Vault reference.')
@allowed([
  'key'
  'managedIdentity'
])
param cosmosAuth string = 'managedIdentity'

@description('Blob container for screenshots and other case attachments.')
param attachmentsContainerName string = 'attachments'

@description('Largest attachment (screenshot) the bot accepts, in megabytes (FRISTVAKT_ATTACHMENT_MAX_MB).')
@minValue(1)
@maxValue(100)
param attachmentMaxMegabytes int = 10

@description('Days Log Analytics keeps logs and Application Insights telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Key Vault purge protection: a deleted vault or secret cannot be purged during the retention period. Recommended in production; it cannot be switched off again.')
param keyVaultPurgeProtection bool = false

@description('E-mail address that receives Azure Monitor alerts (Cosmos DB throttling, server errors, failing health check). Empty: alerts only show in the portal.')
param alertEmail string = ''

@description('The operations suppliers\' webhook signing secrets: the names of their app settings, comma-separated, exactly as entered in Innstillinger › Leverandører (FRISTVAKT_SUPPLIER_…, upper case), e.g. "FRISTVAKT_SUPPLIER_SECRET_SOPRA,FRISTVAKT_SUPPLIER_SECRET_VISMA". Each becomes an app setting that is a Key Vault reference to the secret named in lower case with dashes (fristvakt-supplier-secret-sopra); put the secret in Key Vault first (docs/operations.md). Empty: no supplier webhooks are signed.')
param supplierSecretNames string = ''

@description('Tags put on every resource.')
param tags object = {
  app: 'fristvakt'
}

// ---------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------

var suffix = take(uniqueString(resourceGroup().id), 6)
var names = {
  plan: 'plan-${resourceBaseName}-${suffix}'
  site: 'app-${resourceBaseName}-${suffix}'
  supplierPlan: 'plan-${resourceBaseName}-api-${suffix}'
  supplierSite: 'app-${resourceBaseName}-api-${suffix}'
  bot: 'bot-${resourceBaseName}-${suffix}'
  cosmos: 'cosmos-${resourceBaseName}-${suffix}'
  storage: 'st${resourceBaseName}${suffix}'
  keyVault: 'kv-${resourceBaseName}-${suffix}'
  logs: 'log-${resourceBaseName}-${suffix}'
  insights: 'appi-${resourceBaseName}-${suffix}'
  actionGroup: 'ag-${resourceBaseName}-${suffix}'
}

// The containers, partition keys and indexing policies of the store's data model
// (docs/adr/0001-cosmos-data-model.md). The JSON is the store's CONTAINER_DEFINITIONS; a test keeps
// the two equal.
var cosmosContainers = loadJsonContent('cosmos-containers.json')

// Built-in role definition ids.
var roles = {
  cosmosDataContributor: '00000000-0000-0000-0000-000000000002'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

var botPasswordSecretName = 'bot-password'
var cosmosKeySecretName = 'cosmos-key'

// The suppliers' signing secrets, read by the app by name (bot/index.ts, FRISTVAKT_SUPPLIER_…): one app
// setting each, a versionless Key Vault reference to the secret of the same name in lower case with
// dashes (Key Vault secret names take no underscores).
var supplierSecretSettings = [
  for name in filter(split(supplierSecretNames, ','), n => !empty(trim(n))): {
    name: trim(name)
    value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${toLower(replace(trim(name), '_', '-'))})'
  }
]

// ---------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  tags: tags
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
    RetentionInDays: logRetentionDays
  }
}

// ---------------------------------------------------------------------------------------------------
// Cosmos DB
// ---------------------------------------------------------------------------------------------------

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: names.cosmos
  location: location
  kind: 'GlobalDocumentDB'
  tags: tags
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: cosmosCapacityMode == 'serverless'
      ? [
          {
            name: 'EnableServerless'
          }
        ]
      : []
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: cosmosBackupTier
      }
    }
    disableLocalAuth: cosmosAuth == 'managedIdentity'
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: cosmosDatabaseName
  properties: {
    resource: {
      id: cosmosDatabaseName
    }
    // Serverless accounts take no throughput setting; autoscale is shared by the database's containers.
    options: cosmosCapacityMode == 'autoscale'
      ? {
          autoscaleSettings: {
            maxThroughput: cosmosAutoscaleMaxThroughput
          }
        }
      : {}
  }
}

resource cosmosContainer 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for container in cosmosContainers: {
    parent: cosmosDatabase
    name: container.id
    properties: {
      resource: union(
        {
          id: container.id
          partitionKey: {
            paths: container.partitionKey.paths
            kind: 'Hash'
            version: 2
          }
        },
        // Not every container sets these; any() lets the guarded branch read them.
        contains(container, 'indexingPolicy') ? { indexingPolicy: any(container).indexingPolicy } : {},
        contains(container, 'defaultTtl') ? { defaultTtl: any(container).defaultTtl } : {}
      )
    }
  }
]

// The web app's identity may read and write items (data plane), nothing on the control plane.
resource cosmosDataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmos
  name: guid(cosmos.id, site.id, roles.cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${roles.cosmosDataContributor}'
    principalId: site.identity.principalId
    scope: cosmos.id
  }
}

// The separate supplier API site's identity: the same data-plane role.
resource supplierCosmosDataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = if (separateSupplierApi) {
  parent: cosmos
  name: guid(cosmos.id, supplierSite.id, roles.cosmosDataContributor)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${roles.cosmosDataContributor}'
    principalId: supplierSite.identity.principalId
    scope: cosmos.id
  }
}

// ---------------------------------------------------------------------------------------------------
// Storage for attachments
// ---------------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  tags: tags
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource attachments 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: attachmentsContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource storageBlobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, site.id, roles.storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource supplierStorageBlobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (separateSupplierApi) {
  scope: storage
  name: guid(storage.id, supplierSite.id, roles.storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: supplierSite.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------
// Key Vault (RBAC) with the bot's client secret
// ---------------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.keyVault
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: keyVaultPurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: botPasswordSecretName
  properties: {
    value: botAadAppClientSecret
    contentType: 'Client secret of the Entra app ${botAadAppClientId} (BOT_PASSWORD)'
  }
}

// The Cosmos DB account key, while the app authenticates with it (cosmosAuth = 'key').
resource cosmosKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (cosmosAuth == 'key') {
  parent: keyVault
  name: cosmosKeySecretName
  properties: {
    value: cosmos.listKeys().primaryMasterKey
    contentType: 'Primary key of Cosmos DB account ${names.cosmos} (COSMOS_KEY)'
  }
}

resource keyVaultSecretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, site.id, roles.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource supplierKeyVaultSecretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (separateSupplierApi) {
  scope: keyVault
  name: guid(keyVault.id, supplierSite.id, roles.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: supplierSite.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------------
// App Service: the one Node process (bot, tab, API)
// ---------------------------------------------------------------------------------------------------

// Every setting the app reads (bot/config.ts CONFIG_ENV_VARS) but FRISTVAKT_ROLE, for both sites; a test
// keeps this list complete. PORT is set by App Service itself; AZURE_CLIENT_ID is left unset, so the
// app uses its system-assigned identity. Each site adds its role and the suppliers' signing secrets
// (supplierSecretSettings).
var sharedAppSettings = [
  {
    name: 'FRISTVAKT_ENV'
    value: fristvaktEnv
  }
  {
    // App Service forwards requests to the container's port on its own network interface.
    name: 'HOST'
    value: '0.0.0.0'
  }
  {
    // Load the three desk presets, the service catalogue and the organisations on first start.
    name: 'FRISTVAKT_SEED'
    value: 'true'
  }
  {
    // A development setting; the app refuses it in production.
    name: 'FRISTVAKT_DEMO_DIRECTORY'
    value: 'false'
  }
  {
    name: 'FRISTVAKT_ATTACHMENT_MAX_MB'
    value: string(attachmentMaxMegabytes)
  }
  {
    name: 'FRISTVAKT_AUTO_CLOSE_INTERVAL_MIN'
    value: '15'
  }
  {
    name: 'FRISTVAKT_STORE'
    value: 'cosmos'
  }
  {
    // App Service's persistent storage, shared by all instances (/home). The app keeps
    // attachments under <data dir>/blobs until it writes them to the Storage account below.
    name: 'FRISTVAKT_DATA_DIR'
    value: '/home/fristvakt-data'
  }
  {
    name: 'COSMOS_ENDPOINT'
    value: cosmos.properties.documentEndpoint
  }
  {
    name: 'COSMOS_DATABASE'
    value: cosmosDatabaseName
  }
  {
    // Empty under managed identity (the default): the app then signs in with its identity.
    name: 'COSMOS_KEY'
    value: cosmosAuth == 'key'
      ? '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${cosmosKeySecretName})'
      : ''
  }
  {
    name: 'BLOB_ACCOUNT_URL'
    value: storage.properties.primaryEndpoints.blob
  }
  {
    name: 'BLOB_CONTAINER'
    value: attachmentsContainerName
  }
  {
    name: 'BOT_ID'
    value: botAadAppClientId
  }
  {
    name: 'BOT_PASSWORD'
    // Versionless: a rotated secret is picked up on restart (or within 24 hours).
    value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${botPasswordSecretName})'
  }
  {
    name: 'BOT_TENANT_ID'
    value: aadAppTenantId
  }
  {
    name: 'BOT_TYPE'
    value: 'SingleTenant'
  }
  {
    name: 'AAD_APP_CLIENT_ID'
    value: aadAppClientId
  }
  {
    name: 'AAD_APP_TENANT_ID'
    value: aadAppTenantId
  }
  {
    name: 'TAB_ENDPOINT'
    value: 'https://${names.site}.azurewebsites.net'
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: insights.properties.ConnectionString
  }
  {
    // Application Insights auto-instrumentation of the Node process (requests, dependencies,
    // exceptions, console logs), using APPLICATIONINSIGHTS_CONNECTION_STRING.
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
  {
    // Deployment: the zip carries dist/ built by `npm run build`; App Service installs the
    // production dependencies on Linux itself, so native modules match the platform.
    name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
    value: 'true'
  }
  {
    name: 'CUSTOM_BUILD_COMMAND'
    value: 'npm ci --omit=dev --no-audit --no-fund'
  }
]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  tags: tags
  sku: {
    name: appServiceSku
    capacity: appServiceInstanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: names.site
  location: location
  kind: 'app,linux'
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --disable-warning=DEP0111 dist/bot/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      // The shared settings (sharedAppSettings), this site's role and the suppliers' signing secrets.
      appSettings: concat(sharedAppSettings, [
        {
          // Everything, or all but the supplier API when that has a site of its own.
          name: 'FRISTVAKT_ROLE'
          value: separateSupplierApi ? 'chat' : 'all'
        }
      ], supplierSecretSettings)
    }
  }
}

// No FTP and no basic-auth publishing over FTP.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// The supplier API on machines of its own (separateSupplierApi): the same app, the same settings and
// store, FRISTVAKT_ROLE=supplier-api (it serves /api/suppliers/v1 and /healthz only; its background
// jobs take their leases like any instance's, so it can also send the Teams messages in the outbox).
resource supplierPlan 'Microsoft.Web/serverfarms@2023-12-01' = if (separateSupplierApi) {
  name: names.supplierPlan
  location: location
  kind: 'linux'
  tags: tags
  sku: {
    name: supplierApiSku
    capacity: supplierApiInstanceCount
  }
  properties: {
    reserved: true
  }
}

resource supplierSite 'Microsoft.Web/sites@2023-12-01' = if (separateSupplierApi) {
  name: names.supplierSite
  location: location
  kind: 'app,linux'
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: supplierPlan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --disable-warning=DEP0111 dist/bot/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat(sharedAppSettings, [
        {
          name: 'FRISTVAKT_ROLE'
          value: 'supplier-api'
        }
      ], supplierSecretSettings)
    }
  }
}

resource supplierFtpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = if (separateSupplierApi) {
  parent: supplierSite
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource supplierSiteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (separateSupplierApi) {
  scope: supplierSite
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource cosmosDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: cosmos
  name: 'to-log-analytics'
  properties: {
    workspaceId: logs.id
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      {
        category: 'DataPlaneRequests'
        enabled: true
      }
      {
        category: 'PartitionKeyRUConsumption'
        enabled: true
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------------
// Azure Bot: single tenant, Teams channel
// ---------------------------------------------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: aadAppTenantId
    developerAppInsightsApplicationId: insights.properties.AppId
    disableLocalAuth: false
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Alerts (docs/operations.md says what each means and what to do)
// ---------------------------------------------------------------------------------------------------

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: names.actionGroup
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'fristvakt'
    enabled: true
    emailReceivers: [
      {
        name: 'drift'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var alertActions = empty(alertEmail)
  ? []
  : [
      {
        actionGroupId: actionGroup.id
      }
    ]

resource cosmosThrottlingAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-cosmos-429-${resourceBaseName}-${suffix}'
  location: 'global'
  tags: tags
  properties: {
    description: 'Cosmos DB answered 429 (request rate too large) more than 20 times in 15 minutes. See docs/operations.md, "429 throttling".'
    severity: 2
    enabled: true
    scopes: [
      cosmos.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'throttled'
          metricName: 'TotalRequests'
          metricNamespace: 'Microsoft.DocumentDB/databaseAccounts'
          operator: 'GreaterThan'
          threshold: 20
          timeAggregation: 'Count'
          dimensions: [
            {
              name: 'StatusCode'
              operator: 'Include'
              values: [
                '429'
              ]
            }
          ]
        }
      ]
    }
    actions: alertActions
  }
}

resource serverErrorsAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-http5xx-${resourceBaseName}-${suffix}'
  location: 'global'
  tags: tags
  properties: {
    description: 'The app answered more than 10 requests with a 5xx status in 15 minutes. See docs/operations.md, "Server errors".'
    severity: 1
    enabled: true
    scopes: [
      site.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'http5xx'
          metricName: 'Http5xx'
          metricNamespace: 'Microsoft.Web/sites'
          operator: 'GreaterThan'
          threshold: 10
          timeAggregation: 'Total'
        }
      ]
    }
    actions: alertActions
  }
}

resource healthAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-health-${resourceBaseName}-${suffix}'
  location: 'global'
  tags: tags
  properties: {
    description: 'GET /healthz failed on an instance (average health below 100 % for 10 minutes): the store may be unreachable. See docs/operations.md, "Health check".'
    severity: 1
    enabled: true
    scopes: [
      site.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT10M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'health'
          metricName: 'HealthCheckStatus'
          metricNamespace: 'Microsoft.Web/sites'
          operator: 'LessThan'
          threshold: 100
          timeAggregation: 'Average'
        }
      ]
    }
    actions: alertActions
  }
}

// The same alerts for the separate supplier API site.
resource supplierServerErrorsAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = if (separateSupplierApi) {
  name: 'alert-http5xx-${resourceBaseName}-api-${suffix}'
  location: 'global'
  tags: tags
  properties: {
    description: 'The supplier API site answered more than 10 requests with a 5xx status in 15 minutes. See docs/operations.md, "Server errors".'
    severity: 1
    enabled: true
    scopes: [
      supplierSite.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'http5xx'
          metricName: 'Http5xx'
          metricNamespace: 'Microsoft.Web/sites'
          operator: 'GreaterThan'
          threshold: 10
          timeAggregation: 'Total'
        }
      ]
    }
    actions: alertActions
  }
}

resource supplierHealthAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = if (separateSupplierApi) {
  name: 'alert-health-${resourceBaseName}-api-${suffix}'
  location: 'global'
  tags: tags
  properties: {
    description: 'GET /healthz failed on an instance of the supplier API site (average health below 100 % for 10 minutes): the store may be unreachable. See docs/operations.md, "Health check".'
    severity: 1
    enabled: true
    scopes: [
      supplierSite.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT10M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'health'
          metricName: 'HealthCheckStatus'
          metricNamespace: 'Microsoft.Web/sites'
          operator: 'LessThan'
          threshold: 100
          timeAggregation: 'Average'
        }
      ]
    }
    actions: alertActions
  }
}

// ---------------------------------------------------------------------------------------------------
// Outputs (Teams Toolkit writes them to env/.env.<env>)
// ---------------------------------------------------------------------------------------------------

@description('Resource id of the web app: the target of `teamsapp deploy` (azureAppService/zipDeploy).')
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = site.id

@description('Host name of the app (bot and tab share it).')
output BOT_DOMAIN string = site.properties.defaultHostName

@description('Base URL of the bot; the messaging endpoint is this plus /api/messages.')
output BOT_ENDPOINT string = 'https://${site.properties.defaultHostName}'

@description('Host name the tab is served from (manifest validDomains, SSO identifier URI).')
output TAB_DOMAIN string = site.properties.defaultHostName

@description('Base URL of the tab; the tab itself is under /tab/.')
output TAB_ENDPOINT string = 'https://${site.properties.defaultHostName}'

@description('Cosmos DB endpoint (COSMOS_ENDPOINT).')
output COSMOS_ENDPOINT string = cosmos.properties.documentEndpoint

@description('Name of the Key Vault that holds the bot secret (see docs/operations.md, rotating secrets).')
output KEY_VAULT_NAME string = keyVault.name

@description('Base URL of the supplier API (append /api/suppliers/v1): the separate site when separateSupplierApi is true, else the main site.')
output SUPPLIER_API_ENDPOINT string = 'https://${separateSupplierApi ? names.supplierSite : names.site}.azurewebsites.net'

@description('Name of the separate supplier API web app (deploy the same build to it), or empty when separateSupplierApi is false.')
output SUPPLIER_API_SITE_NAME string = separateSupplierApi ? names.supplierSite : ''

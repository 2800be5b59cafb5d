/**
 * Bot Framework authentication for the CloudAdapter, from the validated configuration.
 *
 * Production uses the Bot Framework's public endpoints. `AuthEndpoints` is an internal test hook (not an
 * environment variable, so it can never be switched on in production): the auth tests point every
 * endpoint at a local OpenID metadata + JWKS server and sign their own tokens.
 */
import {
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type {
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ServiceClientCredentialsFactory,
  UserTokenClient,
} from 'botframework-connector';
import type { BotAuthConfig } from '../config';

/** Where tokens are checked and fetched; every field must be set together (one switches the mode). */
export interface AuthEndpoints {
  /** OpenID metadata for tokens from the channel (Teams). */
  toBotFromChannelOpenIdMetadataUrl: string;
  toBotFromChannelTokenIssuer: string;
  toBotFromEmulatorOpenIdMetadataUrl: string;
  toChannelFromBotLoginUrl: string;
  toChannelFromBotOAuthScope: string;
  oAuthUrl: string;
}

export interface AuthOptions {
  endpoints?: AuthEndpoints;
  /** Outbound credentials (tests: a factory that signs nothing); default from the app id and password. */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

export function createBotAuthentication(
  bot: BotAuthConfig,
  options: AuthOptions = {},
): BotFrameworkAuthentication {
  const settings = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.password ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  };
  const endpoints = options.endpoints
    ? {
        ToBotFromChannelOpenIdMetadataUrl: options.endpoints.toBotFromChannelOpenIdMetadataUrl,
        ToBotFromChannelTokenIssuer: options.endpoints.toBotFromChannelTokenIssuer,
        ToBotFromEmulatorOpenIdMetadataUrl: options.endpoints.toBotFromEmulatorOpenIdMetadataUrl,
        ToChannelFromBotLoginUrl: options.endpoints.toChannelFromBotLoginUrl,
        ToChannelFromBotOAuthScope: options.endpoints.toChannelFromBotOAuthScope,
        OAuthUrl: options.endpoints.oAuthUrl,
        ValidateAuthority: false,
      }
    : {};
  const credentials = options.credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(settings);
  return new CachingAuthentication({ ...settings, ...endpoints }, credentials);
}

const MAX_TOKEN_CLIENTS = 100;

/**
 * The adapter asks for a user-token client on every turn, and the library builds a new one each time
 * (credentials and a whole HTTP pipeline) though the bot never signs users in through it. One client per
 * app id serves every turn: its credentials fetch and refresh their own tokens.
 */
class CachingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    // The library's own key for the client: the audience, else the appid claim.
    const key = claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
    let client = this.tokenClients.get(key);
    if (!client) {
      if (this.tokenClients.size >= MAX_TOKEN_CLIENTS) this.tokenClients.clear();
      client = super.createUserTokenClient(claimsIdentity);
      this.tokenClients.set(key, client);
      client.catch(() => this.tokenClients.delete(key));
    }
    return client;
  }
}

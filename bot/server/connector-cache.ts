/**
 * Reuses Bot Connector clients across turns. The CloudAdapter builds a new `ConnectorClient` (with its
 * whole HTTP pipeline) for every incoming activity; one client per service URL and audience serves
 * every turn just as well (its credentials fetch and refresh their own tokens), and saves that work.
 */
import {
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ConnectorClient,
} from 'botframework-connector';

const MAX_CLIENTS = 100;

export class ConnectorCache {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  /** The same result, with a connector factory that hands out cached clients. */
  wrap(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = result.connectorFactory;
    if (!factory) return result;
    const inner: ConnectorFactory = factory;
    const clients = this.clients;
    const appId =
      result.claimsIdentity?.getClaimValue('appid') ?? result.claimsIdentity?.getClaimValue('azp') ?? '';
    class Cached extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = `${serviceUrl}\n${audience ?? ''}\n${appId}`;
        let client = clients.get(key);
        if (!client) {
          if (clients.size >= MAX_CLIENTS) clients.clear();
          client = inner.create(serviceUrl, audience);
          clients.set(key, client);
          client.catch(() => clients.delete(key));
        }
        return client;
      }
    }
    return { ...result, connectorFactory: new Cached() };
  }
}

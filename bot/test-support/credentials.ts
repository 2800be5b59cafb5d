/**
 * Outbound credentials for tests with authentication on: the bot "signs" its calls to the fake
 * connector with a fixed dummy token instead of asking Entra ID for one (offline).
 */
import { ServiceClientCredentialsFactory } from 'botframework-connector';

type Credentials = Awaited<ReturnType<ServiceClientCredentialsFactory['createCredentials']>>;

export class TestCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }
  isValidAppId(appId: string): Promise<boolean> {
    return Promise.resolve(appId === this.appId);
  }
  isAuthenticationDisabled(): Promise<boolean> {
    return Promise.resolve(false);
  }
  createCredentials(): Promise<Credentials> {
    const creds = {
      signRequest: (webResource: { headers: { set(name: string, value: string): void } }) => {
        webResource.headers.set('Authorization', 'Bearer test-outbound-token');
        return Promise.resolve(webResource);
      },
    };
    return Promise.resolve(creds as unknown as Credentials);
  }
}

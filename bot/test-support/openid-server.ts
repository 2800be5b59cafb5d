/**
 * A local stand-in for the Bot Framework's token issuer: an OpenID metadata document and a JWKS whose
 * key carries `endorsements: ['msteams']`, on 127.0.0.1 port 0, and RS256 tokens signed by the test.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { AuthEndpoints } from '../server/auth';

export const TEST_ISSUER = 'https://api.botframework.test';

export interface OpenIdServer {
  url: string;
  endpoints: AuthEndpoints;
  /** Signs a token with the served key (or, with `foreignKey`, with a key the JWKS does not serve). */
  sign(
    claims: Record<string, unknown>,
    options?: { expiresInSec?: number; foreignKey?: boolean; kid?: string },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startOpenIdServer(): Promise<OpenIdServer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const server = createServer((req, res) => {
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('Content-Type', 'application/json');
    if (req.url?.startsWith('/.well-known/openid-configuration')) {
      res.end(
        JSON.stringify({
          issuer: TEST_ISSUER,
          jwks_uri: `${host}/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else if (req.url?.startsWith('/keys')) {
      res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ['msteams'] }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const metadata = `${url}/.well-known/openid-configuration`;
  return {
    url,
    endpoints: {
      toBotFromChannelOpenIdMetadataUrl: metadata,
      toBotFromChannelTokenIssuer: TEST_ISSUER,
      toBotFromEmulatorOpenIdMetadataUrl: metadata,
      toChannelFromBotLoginUrl: `${url}/login`,
      toChannelFromBotOAuthScope: 'https://api.botframework.test',
      oAuthUrl: `${url}/oauth`,
    },
    async sign(claims, options = {}) {
      const nowSec = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key', typ: 'JWT' })
        .setIssuer(TEST_ISSUER)
        .setIssuedAt(nowSec - 60)
        .setNotBefore(nowSec - 60)
        .setExpirationTime(nowSec + (options.expiresInSec ?? 3600))
        .sign(options.foreignKey ? foreign.privateKey : privateKey);
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

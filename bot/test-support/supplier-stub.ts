/**
 * An operations supplier's endpoint for tests: a real HTTP server that checks every request with the
 * documented verification (`verifyWebhookSignature`, docs/supplier-webhooks.md) and answers as told:
 * 200, an HTTP error, or not at all (a timeout for the sender). Every request is recorded as received,
 * with the raw body, its headers and the verification's result.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature, type VerifyResult } from '../../shared/app/webhook-signature';
import type { WebhookBody } from '../../shared/suppliers/outbound';

export type StubAnswer = number | 'hang';

export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: WebhookBody;
  verified: VerifyResult;
  answered: StubAnswer;
}

export interface SupplierStub {
  url: string;
  received: Received[];
  /** Answers for the next requests, in order; when empty: 200 when the signature verifies, else 401. */
  answers: StubAnswer[];
  close(): Promise<void>;
}

export async function startSupplierStub(
  secret: string,
  now: () => Date = () => new Date(),
): Promise<SupplierStub> {
  const received: Received[] = [];
  const answers: StubAnswer[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = req.headers['fristvakt-signature'];
      const verified = verifyWebhookSignature(
        Array.isArray(header) ? header[0] : header,
        raw,
        [secret],
        Math.floor(now().getTime() / 1000),
      );
      const answer: StubAnswer = answers.shift() ?? (verified.ok ? 200 : 401);
      let body: WebhookBody;
      try {
        body = JSON.parse(raw) as WebhookBody;
      } catch {
        body = {} as WebhookBody;
      }
      received.push({ headers: req.headers, raw, body, verified, answered: answer });
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(answer, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: answer < 300 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fristvakt/hooks`,
    received,
    answers,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

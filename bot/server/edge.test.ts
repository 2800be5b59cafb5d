/**
 * The HTTP edge of the real server (`startApp`): malformed activities and bodies are coded 4xx answers,
 * never a 500 or a stack trace; an unreachable `serviceUrl` is logged and acknowledged; a body-less
 * DELETE passes the body reader whatever its Content-Type; slow and large bodies are cut off.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { ERROR_STATUS } from '../../shared/errors';
import { invokeActivity, messageActivity, type TestUser } from '../test-support/activities';
import { startHarness, type Harness } from '../test-support/harness';
import { createServer, DEFAULT_LIMITS, serverLimits } from './create-server';
import { recordingLogger, type RecordingLogger } from './logger';

const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createHttpServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

let h: Harness;
let log: RecordingLogger;
beforeAll(async () => {
  log = recordingLogger();
  h = await startHarness({ app: { log } });
});
afterAll(() => h.close());

const expectCoded = (res: { status: number; body: unknown }, status: number, code: string): void => {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\(.*:\d+:\d+\)|node_modules/);
};

describe('POST /api/messages with an activity the bot cannot answer', () => {
  it.each(['conversation', 'from', 'recipient'])('answers an activity without %s with 400', async (field) => {
    for (const make of [
      () => messageActivity(kari, h.serviceUrl, 'hjelp'),
      () => invokeActivity(kari, h.serviceUrl, 'case.status', { ref: 'FV-2026-000001' }),
    ]) {
      const activity = make();
      delete activity[field];
      expectCoded(await h.post(activity), 400, 'MALFORMED_BODY');
      expectCoded(await h.post({ ...make(), [field]: { name: 'no id' } }), 400, 'MALFORMED_BODY');
    }
  });

  it('answers a serviceUrl that is no URL with 400', async () => {
    expectCoded(await h.post(messageActivity(kari, 'not a url', 'hjelp')), 400, 'MALFORMED_BODY');
  });

  it('refuses a form-encoded body with 415 and runs no turn', async () => {
    h.connector.clear();
    const res = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `type=message&text=hjelp&serviceUrl=${encodeURIComponent(h.serviceUrl)}`,
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) },
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.connector.calls).toHaveLength(0);
  });

  it('takes an activity whose serviceUrl cannot be reached: 200, and a logged error naming it', async () => {
    const port = await closedPort();
    const serviceUrl = `http://127.0.0.1:${port}/`;
    log.lines.length = 0;
    const res = await h.post(messageActivity(kari, serviceUrl, 'hjelp'));
    expect(res.status).toBe(200);
    expect(log.lines.some((l) => l.startsWith('error CHANNEL_UNAVAILABLE') && l.includes(serviceUrl))).toBe(
      true,
    );
    // An invoke answers in the body, so it keeps its answer even when its messages cannot be sent.
    const invoke = await h.post(invokeActivity(kari, serviceUrl, 'no.such.verb', {}));
    expect(invoke.status).toBe(200);
    expect(invoke.body).toMatchObject({ statusCode: 400, value: { code: 'UNKNOWN_ACTION' } });
  });
});

describe('the body reader', () => {
  it('passes a DELETE without Content-Type or body to the route (here: no such comment, 404, not 415)', async () => {
    const res = await fetch(`${h.app.url}/api/cases/FV-2026-000001/comments/c-1`, {
      method: 'DELETE',
      headers: { 'X-Fristvakt-Dev-User': 'demo-ansatt-molde' },
    });
    expect(res.status).not.toBe(415);
    expect(res.status).toBeLessThan(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('refuses a body that is not JSON with 415, and a body that is too large with 413', async () => {
    const text = await fetch(`${h.app.url}/api/cases/FV-2026-000001/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Fristvakt-Dev-User': 'demo-ansatt-molde' },
      body: 'hei',
    });
    expect(text.status).toBe(415);
    const big = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(DEFAULT_LIMITS.maxBodyBytes) }),
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('gives a request body 30 s on the real server', () => {
    expect(serverLimits(h.app.server)).toEqual({ maxBodyBytes: 1024 * 1024, bodyTimeoutMs: 30_000 });
  });

  it('answers a body that does not arrive in time with 408 and closes the connection; the server goes on', async () => {
    const server = createServer(
      [
        {
          method: 'post',
          path: '/echo',
          name: 'echo',
          handler: async (req, res) => {
            res.json({ body: req.body as unknown });
          },
        },
      ],
      recordingLogger(),
      { maxBodyBytes: 1000, bodyTimeoutMs: 300 },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = server.address().port;
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
          );
        });
        let got = '';
        socket.on('data', (d: Buffer) => (got += d.toString()));
        socket.on('close', () => resolve(got));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toContain('"code":"REQUEST_TIMEOUT"');
      const ok = await fetch(`http://127.0.0.1:${port}/echo`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"a":1}',
      });
      expect(await ok.json()).toEqual({ body: { a: 1 } });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('one error catalogue on every surface', () => {
  it('answers the same code with the same status in the HTTP API and in a card (invoke) response', async () => {
    const route = await fetch(`${h.app.url}/nope`);
    expect(route.status).toBe(ERROR_STATUS.ROUTE_NOT_FOUND);
    const tab = await fetch(`${h.app.url}/api/cases/FV-2026-999999`, {
      headers: { 'X-Fristvakt-Dev-User': 'demo-ansatt-molde' },
    });
    expect(tab.status).toBe(ERROR_STATUS.NOT_FOUND);
    expect(((await tab.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const unknownVerb = await h.post(invokeActivity(kari, h.serviceUrl, 'no.such.verb', {}));
    expect(unknownVerb.body).toMatchObject({
      statusCode: ERROR_STATUS.UNKNOWN_ACTION,
      type: 'application/vnd.microsoft.error',
      value: { code: 'UNKNOWN_ACTION' },
    });
    const otherInvoke = await h.post({
      ...invokeActivity(kari, h.serviceUrl, 'x', {}),
      name: 'fileConsent/invoke',
    });
    expect(otherInvoke.body).toMatchObject({ statusCode: 400, value: { code: 'UNKNOWN_ACTION' } });
  });
});

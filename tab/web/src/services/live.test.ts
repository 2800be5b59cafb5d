import type { Api } from './api';
import { ApiFailure } from './api';
import { backoffMs, createLiveFeed, createSseParser, type LiveSignal, type SseMessage } from './live';

const parseAll = (chunks: string[]): { messages: SseMessage[]; retries: number[] } => {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const feed = createSseParser(
    (m) => messages.push(m),
    (ms) => retries.push(ms),
  );
  for (const c of chunks) feed(c);
  return { messages, retries };
};

describe('createSseParser', () => {
  const stream =
    'retry: 3000\n: hei\n\nevent: case\ndata: {"ref":"FV-1"}\n\n: ping\n\nevent: case\ndata: a\ndata: b\n\ndata:x\n\n';

  it('gives each event with its name and data, skipping comments', () => {
    const { messages, retries } = parseAll([stream]);
    expect(messages).toEqual([
      { event: 'case', data: '{"ref":"FV-1"}' },
      { event: 'case', data: 'a\nb' },
      { event: 'message', data: 'x' },
    ]);
    expect(retries).toEqual([3000]);
  });

  it('gives the same events however the text is split, with \\n, \\r\\n or \\r line ends', () => {
    const whole = parseAll([stream]).messages;
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = stream.replace(/\n/g, eol);
      for (let size = 1; size <= 7; size++) {
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
        expect(parseAll(chunks).messages).toEqual(whole);
      }
    }
  });

  it('waits for the blank line before dispatching', () => {
    expect(parseAll(['event: case\ndata: 1\n']).messages).toEqual([]);
  });
});

describe('backoffMs', () => {
  it('grows from about 1 s and stops at about 30 s', () => {
    expect(backoffMs(0, () => 0.5)).toBe(1000);
    expect(backoffMs(3, () => 0.5)).toBe(8000);
    expect(backoffMs(20, () => 1)).toBe(36000);
    expect(backoffMs(20, () => 0)).toBe(24000);
  });
});

/** A response whose body is the given SSE text, then ends (a dropped stream). */
const sse = (text: string): Response =>
  new Response(
    new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(text));
        c.close();
      },
    }),
  );

const fakeApi = (stream: Api['stream']): Api => ({
  get: () => Promise.reject(new Error('unused')),
  post: () => Promise.reject(new Error('unused')),
  put: () => Promise.reject(new Error('unused')),
  sendText: () => Promise.reject(new Error('unused')),
  blob: () => Promise.reject(new Error('unused')),
  stream,
});

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('createLiveFeed', () => {
  it('passes case events on, reconnects after a drop or a failure, and says to resync', async () => {
    let calls = 0;
    const api = fakeApi(async () => {
      calls += 1;
      if (calls === 2) throw new ApiFailure(503, 'HTTP', 'down', null);
      return sse(
        `event: case\ndata: {"ref":"FV-${calls}","version":"v${calls}"}\n\nevent: other\ndata: x\n\n`,
      );
    });
    const feed = createLiveFeed(api, { backoff: () => 1 });
    const got: LiveSignal[] = [];
    const stop = feed.subscribe((s) => got.push(s));
    await until(() => got.length >= 3);
    stop();
    expect(got.slice(0, 3)).toEqual([
      { kind: 'case', change: { ref: 'FV-1', version: 'v1' } },
      { kind: 'resync' },
      { kind: 'case', change: { ref: 'FV-3', version: 'v3' } },
    ]);
  });

  it('stops asking when the server has no stream (404), and when the last listener leaves', async () => {
    let calls = 0;
    const api = fakeApi(async () => {
      calls += 1;
      throw new ApiFailure(404, 'NOT_FOUND', 'no', null);
    });
    const stop = createLiveFeed(api, { backoff: () => 1 }).subscribe(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(calls).toBe(1);
  });
});

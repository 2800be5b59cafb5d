/**
 * Forwards a request to the supplier API's thread (`../supplier-api-thread.ts`) on its loopback port
 * and its answer back, both streamed: the body is piped to the thread as it arrives and never kept on
 * this thread (the server's body reader leaves these routes alone: `streamsBody`), so the thread's own
 * server gives every answer (401, 404, 400, 429 with Retry-After, …) exactly as a `supplier-api`
 * instance does. The body reader's refusals that come before the body is read (not JSON, too large)
 * are made here too, with its own checks, as the thread would reset a connection whose body still
 * streams. Connections to the thread are kept alive and reused.
 *
 * While the thread is down (starting again) the answer is 503 `SERVICE_UNAVAILABLE` with `Retry-After`;
 * a thread that ends in the middle of an answer ends the client's connection too.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { Request, Response } from 'restify';
import type { RouteDef } from '../../shared/app/http-route';
import {
  DEFAULT_LIMITS,
  hasBody,
  refuseBody,
  refusedByHeaders,
  tooLarge,
  type ServerLimits,
} from './create-server';
import { sendError } from './http-errors';

/** Where the thread listens now, and when to come back while it does not. */
export interface ProxyTarget {
  port(): number | undefined;
  retryAfterSeconds(): number;
}

export interface SupplierApiProxy {
  handler: RouteDef['handler'];
  /** Ends the kept-alive connections to the thread. */
  close(): void;
}

/** Headers of one connection only (RFC 9110 §7.6.1), never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The message's headers without the hop-by-hop ones (and those its `Connection` names). */
function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase()),
  );
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) out[name] = value;
  return out;
}

/** What this proxy adds to the answer's `Via` (RFC 9110 §7.6.3): the thread that served it. */
export const VIA = '1.1 supplier-api-thread';

export function createSupplierApiProxy(
  target: ProxyTarget,
  limits: ServerLimits = DEFAULT_LIMITS,
): SupplierApiProxy {
  const agent = new Agent({ keepAlive: true });

  const unavailable = (res: Response): void => {
    res.setHeader('Retry-After', String(target.retryAfterSeconds()));
    sendError(res, 'SERVICE_UNAVAILABLE', 'The supplier API is starting again; retry after Retry-After');
  };

  const forward = (req: Request, res: Response, port: number, done: () => void): void => {
    const upstream = httpRequest({
      agent,
      host: '127.0.0.1',
      port,
      method: req.method,
      path: req.url,
      headers: endToEnd(req.headers),
    });
    /** Set once this side answers (or the thread's answer begins): nothing else may then. */
    let answered = false;
    /** Answers here, instead of the thread: the rest of the body goes nowhere. */
    const answerHere = (answer: (res: Response) => void): void => {
      if (answered) return;
      answered = true;
      req.unpipe(upstream);
      upstream.destroy();
      if (req.complete) answer(res);
      else {
        res.setHeader('Connection', 'close');
        answer(res);
        res.once('finish', () => req.destroy());
      }
    };
    upstream.on('response', (answer) => {
      if (answered) return void answer.resume();
      answered = true;
      const headers = endToEnd(answer.headers);
      headers.via = [answer.headers.via, VIA].filter(Boolean).join(', ');
      // The thread closes a connection whose body it refused unread (a body that took too long): so
      // does this one, once the answer is out, rather than wait for the rest of a body nobody reads.
      const refused = /\bclose\b/i.test(String(answer.headers.connection ?? '')) && !req.complete;
      if (refused) headers.connection = 'close';
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
      answer.once('error', () => res.destroy());
      if (refused)
        res.once('finish', () => {
          req.unpipe(upstream);
          req.destroy();
        });
    });
    // The thread refuses a body that is too large as it streams, and resets the connection; checked
    // here as well (its length counted, never kept), so the client gets the 413 and not the reset.
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) answerHere((r) => refuseBody(req, r, tooLarge(limits)));
    });
    // Before an answer: the thread is gone (or ends mid-request). After: the thread closing a
    // connection whose answer it has sent.
    upstream.once('error', () => answerHere(unavailable));
    // The client went away before its answer: so does the thread's request.
    res.once('close', () => {
      if (!res.writableFinished) upstream.destroy();
      done();
    });
    req.pipe(upstream);
  };

  return {
    handler: (req, res) =>
      new Promise<void>((resolve) => {
        // What the thread's body reader refuses from the headers alone is refused here, before any of
        // the body is sent: the thread would reset the connection while the body still streams.
        const refused = hasBody(req) ? refusedByHeaders(req, limits) : undefined;
        const port = target.port();
        if (refused) refuseBody(req, res, refused);
        else if (port === undefined) unavailable(res);
        else return forward(req, res, port, resolve);
        resolve();
      }),
    close: () => agent.destroy(),
  };
}

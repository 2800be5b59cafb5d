/**
 * `npm run dev`: the local loop on one laptop, no cloud account. Starts
 *  1. the app server (`dist/bot/index.js`) on the embedded store, development mode, bot authentication
 *     off, bound to 127.0.0.1:3978 — it serves the bot, the tab (/tab/) and its API; before it starts,
 *     the store gets the desks and a handful of demo cases in every state (scripts/demo-cases.ts), and
 *     the playground's user becomes a member of ROR-IKT's desk;
 *  2. the Microsoft 365 Agents Playground, a Teams-like web page, pointed at the server's /api/messages,
 *     with the mock users, team and channel of `.m365agentsplayground.yml`; a preload
 *     (`scripts/loopback-preload.js`) makes it listen on 127.0.0.1 only.
 * Ctrl+C stops both; if either stops, the other is stopped too.
 *
 * The playground sends every activity with locale en-US and has no setting for it, so `npm run dev`
 * puts a small proxy between it and the server that sets each activity's locale to
 * FRISTVAKT_PLAYGROUND_LOCALE (default nb-NO: the bot speaks bokmål; `en-US` for English; `as-sent` to
 * pass the playground's own). The server runs with `--disable-warning=DEP0111`: restify 11 loads
 * spdy, whose http-deceiver reads `process.binding('http_parser')` (harmless; only that warning is
 * hidden, every other one still prints).
 *
 * Ports: PORT (default 3978) and PLAYGROUND_PORT (default 56150, also read from env/.env.local).
 */
import { type ChildProcess, spawn } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { loadConfig } from '../bot/config';
import { DESKS, PLAYGROUND_USER_ID, seedIfEmpty } from '../bot/seed';
import { userId } from '../shared/ids';
import { openSqliteStore } from '../shared/store/sqlite';
import { addDeskMember, seedDemoCases } from './demo-cases';
import { parseEnvFile } from './env-files';
import { repoRoot } from './repo-root';

export interface DevOptions {
  root: string;
  port: number;
  playgroundPort: number;
  /** The server's entry point, relative to root. */
  serverEntry?: string;
  /** Extra environment for the server (tests point FRISTVAKT_DATA_DIR at a temp dir). */
  serverEnv?: Record<string, string>;
  /** Where the children's output goes; default: this process's stdout, prefixed. */
  log?: (line: string) => void;
  /** Add the demo cases (scripts/demo-cases.ts) to the embedded store first; default true. */
  demoCases?: boolean;
  /**
   * The locale every activity from the playground is given (e.g. `nb-NO`), through a proxy in front of
   * the server; default: the playground's own (en-US), no proxy.
   */
  playgroundLocale?: string;
}

export interface DevLoop {
  appUrl: string;
  /** The server's data directory (the embedded store's files). */
  dataDir: string;
  playgroundUrl: string;
  /** Resolves when a child exits on its own (the other is stopped then). */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** Node's warning for restify 11's `process.binding('http_parser')` (through spdy): the one hidden. */
export const SERVER_NODE_FLAGS = ['--disable-warning=DEP0111'];

export interface LocaleProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A proxy to `target` that sets the locale of every activity POSTed through it (`locale`, and the
 * `clientInfo` entity's) to `locale`, and passes everything else, both ways, as it came.
 */
export async function startLocaleProxy(target: string, locale: string): Promise<LocaleProxy> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Buffer | undefined = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      if (body && req.method === 'POST' && /json/.test(req.headers['content-type'] ?? '')) {
        try {
          const activity = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          if (activity && typeof activity === 'object' && !Array.isArray(activity)) {
            activity.locale = locale;
            if (Array.isArray(activity.entities))
              for (const e of activity.entities as Array<Record<string, unknown>>)
                if (e && e.type === 'clientInfo') e.locale = locale;
            body = Buffer.from(JSON.stringify(activity));
          }
        } catch {
          // not JSON: passed as it came
        }
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
      fetch(`${target}${req.url ?? '/'}`, {
        method: req.method,
        headers,
        ...(body ? { body: new Uint8Array(body) } : {}),
      })
        .then(async (answer) => {
          const bytes = Buffer.from(await answer.arrayBuffer());
          const type = answer.headers.get('content-type');
          res.writeHead(answer.status, {
            ...(type ? { 'Content-Type': type } : {}),
            'Content-Length': bytes.length,
          });
          res.end(bytes);
        })
        .catch((err: unknown) => {
          res.writeHead(502, { 'Content-Type': 'text/plain' });
          res.end(`locale proxy: ${err instanceof Error ? err.message : String(err)}`);
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Variables that would switch bot authentication on: the playground sends no token. */
const AUTH_VARS = ['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE'];

function pipe(child: ChildProcess, prefix: string, log: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') log(`${prefix} ${line}`);
    });
  }
}

async function waitForHttp(
  url: string,
  child: ChildProcess,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${what} stopped before it answered on ${url} (exit ${child.exitCode ?? child.signalCode})`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer on ${url} within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startDev(options: DevOptions): Promise<DevLoop> {
  const { root, port, playgroundPort } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const entry = join(root, options.serverEntry ?? 'dist/bot/index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);

  const serverEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of AUTH_VARS) delete serverEnv[name];
  Object.assign(serverEnv, {
    FRISTVAKT_ENV: 'development',
    FRISTVAKT_STORE: 'sqlite',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...options.serverEnv,
  });
  // The same files the server will open: its own configuration says where.
  const config = loadConfig(serverEnv, root);
  if (options.demoCases ?? true) {
    if (config.store.kind === 'sqlite') {
      mkdirSync(config.store.blobDir, { recursive: true });
      const store = openSqliteStore({ file: config.store.file, blobDir: config.store.blobDir });
      try {
        await seedIfEmpty(store);
        // The playground's user works ROR-IKT's desk too, so the channel flow can be tried alone.
        const ror = DESKS[0]!;
        if (await addDeskMember(store, ror.id, userId(PLAYGROUND_USER_ID))) {
          log(`[dev] the playground user is now a member of ${ror.name} (development data only)`);
        }
        const created = await seedDemoCases(store, new Date());
        if (created > 0) log(`[dev] added ${created} demo cases to ${config.store.file}`);
      } finally {
        await store.close();
      }
    }
  }
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
    cwd: root,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipe(server, '[app]', log);
  const appUrl = `http://127.0.0.1:${port}`;
  const children: ChildProcess[] = [server];
  let proxy: LocaleProxy | undefined;
  const stop = async (): Promise<void> => {
    await Promise.all(children.map(stopChild));
    await proxy?.close();
  };

  try {
    await waitForHttp(`${appUrl}/healthz`, server, 'The app server');
    if (options.playgroundLocale) proxy = await startLocaleProxy(appUrl, options.playgroundLocale);
    const botUrl = proxy ? proxy.url : appUrl;
    const playground = spawn(
      process.execPath,
      [
        '-r',
        join(root, 'scripts', 'loopback-preload.js'),
        join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js'),
        '-e',
        `${botUrl}/api/messages`,
        '-c',
        'msteams',
        '-p',
        String(playgroundPort),
        '--disable-telemetry',
      ],
      {
        cwd: root,
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(playground);
    pipe(playground, '[playground]', log);
    const playgroundUrl = `http://127.0.0.1:${playgroundPort}`;
    await waitForHttp(playgroundUrl, playground, 'The Agents Playground');

    const exited = new Promise<string>((resolve) => {
      for (const [child, name] of [
        [server, 'the app server'],
        [playground, 'the playground'],
      ] as const) {
        child.once('exit', (code, signal) => resolve(`${name} stopped (${signal ?? code ?? ''})`));
      }
    });
    return { appUrl, dataDir: config.dataDir, playgroundUrl, exited, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function main(): Promise<void> {
  const root = repoRoot();
  const local = existsSync(join(root, 'env', '.env.local'))
    ? parseEnvFile(readFileSync(join(root, 'env', '.env.local'), 'utf8'))
    : {};
  const port = Number(process.env.PORT ?? 3978);
  const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? local.PLAYGROUND_PORT ?? 56150);
  const asked = process.env.FRISTVAKT_PLAYGROUND_LOCALE?.trim() || 'nb-NO';
  const playgroundLocale = asked === 'as-sent' ? undefined : asked;
  const loop = await startDev({
    root,
    port,
    playgroundPort,
    ...(playgroundLocale ? { playgroundLocale } : {}),
  });
  const tabBuilt = existsSync(join(root, 'tab', 'web', 'dist', 'index.html'));
  console.log(
    [
      '',
      `Fristvakt runs locally (embedded store in ${loop.dataDir}, bot authentication off):`,
      `  Chat with the bot:   ${loop.playgroundUrl}   (you are Alex Wilber, Molde kommune, and a member of ROR-IKT Kundeservice)`,
      `  The tab:             ${loop.appUrl}/tab/?devUser=${PLAYGROUND_USER_ID}   (development sign-in as Alex)${tabBuilt ? '' : ' - not built yet: npm run build'}`,
      `  Health:              ${loop.appUrl}/healthz`,
      `  The bot speaks:      ${playgroundLocale ?? 'the playground’s en-US'} (FRISTVAKT_PLAYGROUND_LOCALE=en-US npm run dev for English)`,
      'Try "hjelp" or "meld feil" in the personal chat; in the Triage channel, "@Fristvakt koble ror-ikt".',
      'Ctrl+C stops both.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    void loop.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const why = await loop.exited;
  if (!stopping) {
    console.error(`${why}; stopping.`);
    await loop.stop();
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}

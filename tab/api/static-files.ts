/**
 * `GET /tab/*`: the tab's built web bundle (`tab/web/dist/`), read from disk, never outside its folder.
 * - A file the build also wrote compressed (`<file>.br`, `<file>.gz`, see `tab/build.ts`) is sent in the
 *   best encoding the browser accepts, with no compression work per request.
 * - Scripts, the entry among them, are named by their content hash (`chunks/…-HASH.js`): cached for a
 *   year, never asked again. Everything else (the page) is revalidated every time, answered 304 when
 *   unchanged, so a new build is seen at once and never mixed with an old page.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import type { Request, Response } from 'restify';
import { notFound } from './http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Encodings the build may have written beside a file, best first. */
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/** A chunk named by its content (esbuild's `chunks/[name]-[hash]`): its bytes never change. */
const IMMUTABLE = /^chunks\/[^/]+-[A-Z0-9]{8}\.js$/;

const accepted = (req: Request): Set<string> =>
  new Set(
    String(req.headers['accept-encoding'] ?? '')
      .split(',')
      .map((e) => e.split(';')[0]!.trim().toLowerCase())
      .filter((e) => e !== ''),
  );

export function staticHandler(dir: string): (req: Request, res: Response) => Promise<void> {
  const root = resolve(dir);
  return async (req, res) => {
    let rest: string;
    try {
      rest = decodeURIComponent(String((req.params as Record<string, string>)['*'] ?? ''));
    } catch {
      throw notFound('No such file');
    }
    const path = resolve(root, rest === '' ? 'index.html' : rest);
    if (path !== root && !path.startsWith(root + sep)) throw notFound('No such file');
    let file = path;
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = resolve(file, 'index.html');
      info = await stat(file).catch(() => null);
    } else if (!info) {
      // Client-side routes fall back to the app's page; missing assets stay 404.
      if (extname(path) !== '') throw notFound('No such file');
      file = resolve(root, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info) throw notFound('The tab is not built (npm run build:tab)');
    const immutable = IMMUTABLE.test(relative(root, file).split(sep).join('/'));
    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('ETag', etag);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const wanted = accepted(req);
    for (const { name, ext } of ENCODINGS) {
      if (!wanted.has(name)) continue;
      const bytes = await readFile(file + ext).catch(() => null);
      if (!bytes) continue;
      res.setHeader('Content-Encoding', name);
      res.writeHead(200);
      res.end(bytes);
      return;
    }
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) throw notFound('The tab is not built (npm run build:tab)');
    res.writeHead(200);
    res.end(bytes);
  };
}

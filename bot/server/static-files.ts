/** `GET /tab/*`: the tab's built web bundle (`tab/web/dist/`), read from disk, never outside its folder. */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Request, Response } from 'restify';
import { httpError } from './http-errors';

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

export function staticHandler(dir: string): (req: Request, res: Response) => Promise<void> {
  const root = resolve(dir);
  return async (req, res) => {
    let rest: string;
    try {
      rest = decodeURIComponent(String((req.params as Record<string, string>)['*'] ?? ''));
    } catch {
      throw httpError('NOT_FOUND', 'No such file');
    }
    const path = resolve(root, rest === '' ? 'index.html' : rest);
    if (path !== root && !path.startsWith(root + sep)) throw httpError('NOT_FOUND', 'No such file');
    let file = path;
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) file = resolve(file, 'index.html');
    else if (!info) {
      // Client-side routes fall back to the app's page; missing assets stay 404.
      if (extname(path) !== '') throw httpError('NOT_FOUND', 'No such file');
      file = resolve(root, 'index.html');
    }
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) throw httpError('NOT_FOUND', 'The tab is not built (npm run build:tab)');
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', extname(file) === '.html' ? 'no-cache' : 'public, max-age=3600');
    res.writeHead(200);
    res.end(bytes);
  };
}

/**
 * Builds the tab's browser bundle with esbuild: `tab/web/src/main.tsx` → `tab/web/dist/` (ES modules,
 * code-split so the SLA dashboard and its charts are a lazily loaded chunk), minified production React,
 * and `index.html`. `npm run build:tab` runs it; tests and the bench call `buildTab` with their own
 * output folder.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { buildConfigPage } from './build-config';

/** The repository root, whether this runs from `tab/` (ts-jest) or compiled from `dist/tab/`. */
const ROOT = existsSync(join(__dirname, '..', 'package.json'))
  ? resolve(__dirname, '..')
  : resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'tab', 'web', 'src');
export const DEFAULT_OUT = join(ROOT, 'tab', 'web', 'dist');

export interface BuildOptions {
  outDir?: string;
  /** Production (minified, no source maps) unless false. */
  production?: boolean;
}

export interface BuildResult {
  outDir: string;
  /** The entry script and the chunks it imports statically: what the first paint needs. */
  entryFiles: string[];
  entryBytes: number;
  entryGzipBytes: number;
  /** Chunks loaded only on demand (the dashboard's charts), with their gzipped sizes. */
  lazyFiles: Array<{ file: string; gzipBytes: number }>;
}

/** The page; `preload` are the entry's static chunks, fetched with it instead of after it is parsed. */
const HTML = (entry: string, preload: string[] = []): string => `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'" />
    <title>Fristvakt</title>
    <style>html,body,#root{margin:0;height:100%}</style>
${preload.map((f) => `    <link rel="modulepreload" href="./${f}" />\n`).join('')}  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./${entry}"></script>
  </body>
</html>
`;

/** The entry and every chunk reachable from it by static imports. */
function staticClosure(meta: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entry);
  return [...seen];
}

export async function buildTab(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = resolve(options.outDir ?? DEFAULT_OUT);
  const production = options.production ?? true;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: join(SRC, 'main.tsx') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    minify: production,
    sourcemap: production ? false : 'linked',
    metafile: true,
    legalComments: 'none',
    jsx: 'automatic',
    tsconfig: join(ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    logLevel: 'silent',
  });
  const meta = result.metafile;
  const entry = Object.keys(meta.outputs).find(
    (f) => meta.outputs[f].entryPoint !== undefined && f.endsWith('main.js'),
  );
  if (!entry) throw new Error('esbuild produced no entry script');
  const entryFiles = staticClosure(meta, entry);
  const rel = (f: string) => relative(outDir, resolve(ROOT, f));
  writeFileSync(join(outDir, 'index.html'), HTML(rel(entry), entryFiles.filter((f) => f !== entry).map(rel)));
  // The channel tab's configuration page (manifest configurableTabs): its own build, see build-config.ts.
  await buildConfigPage({ root: ROOT, outDir, production });
  const size = (f: string) => readFileSync(resolve(ROOT, f));
  const entryBytes = entryFiles.reduce((n, f) => n + size(f).length, 0);
  const entryGzipBytes = entryFiles.reduce((n, f) => n + gzipSync(size(f), { level: 9 }).length, 0);
  const lazyFiles = Object.keys(meta.outputs)
    .filter((f) => f.endsWith('.js') && !entryFiles.includes(f))
    .map((f) => ({
      file: relative(outDir, resolve(ROOT, f)),
      gzipBytes: gzipSync(size(f), { level: 9 }).length,
    }));
  return {
    outDir,
    entryFiles: entryFiles.map((f) => relative(outDir, resolve(ROOT, f))),
    entryBytes,
    entryGzipBytes,
    lazyFiles,
  };
}

if (require.main === module) {
  buildTab({ production: process.env.NODE_ENV !== 'development' })
    .then((r) => {
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      console.log(`tab built in ${r.outDir}: entry ${kb(r.entryBytes)} (${kb(r.entryGzipBytes)} gzipped)`);
      for (const l of r.lazyFiles) console.log(`  lazy ${l.file}: ${kb(l.gzipBytes)} gzipped`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

/**
 * Builds the tab's browser bundle with esbuild: `tab/web/src/main.tsx` → `tab/web/dist/` (ES modules,
 * code-split so the SLA dashboard and its charts are a lazily loaded chunk), minified production React,
 * and `index.html` with the boot script (`tab/web/src/boot.ts`) inlined, allowed by its hash in the
 * page's Content-Security-Policy. `npm run build:tab` runs it; tests and the bench call `buildTab` with their own
 * output folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip, gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { buildConfigPage } from './build-config';
import { fluentImports } from './build-fluent-imports';
import { griffelAot } from './build-griffel-aot';
import { lazyChunks } from './build-lazy-chunks';
import { reactEsm } from './build-react-esm';

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
  /** Minified unless false (default: as `production`); an unminified production build reads in a profile. */
  minify?: boolean;
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

/**
 * The page; `preload` are the entry's static chunks, fetched with it instead of after it is parsed;
 * `boot` is the boot script, run first (the page's only inline script, allowed by its hash): its two API
 * requests, which the early rows wait for, start before the scripts' downloads. Its evaluation must stay
 * cheap, as the scripts' downloads wait for it (nothing in it may load ICU's data when it is loaded:
 * see `shared/dates.ts`).
 */
const HTML = (entry: string, preload: string[], boot: string): string => `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-${createHash('sha256').update(boot).digest('base64')}'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'" />
    <title>Fristvakt</title>
    <style>html,body,#root{margin:0;height:100%}</style>
    <script>${boot}</script>
    <script type="module" src="./${entry}"></script>
${preload.map((f) => `    <link rel="modulepreload" href="./${f}" />\n`).join('')}  </head>
  <body>
    <div id="root"></div>
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

/** The files that import `@fluentui/react-components`: the app's and the contrib DataGrid's. */
const FLUENT_IMPORTERS =
  /[\\/](tab[\\/]web[\\/]src[\\/].*\.tsx?|node_modules[\\/]@fluentui-contrib[\\/].*\.js)$/;

/** The app's Griffel styles modules, computed at build time (see the plugin). */
const STYLES = /[\\/]tab[\\/]web[\\/]src[\\/].*\.styles\.ts$/;

const COMPRESSIBLE = new Set(['.js', '.html', '.css', '.json', '.svg']);

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file, for the server to send as they are
 * (`tab/api/static-files.ts`). Brotli at quality 9: within 10 % of its best here, at a tenth of
 * the build time.
 */
async function precompress(dir: string): Promise<void> {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : COMPRESSIBLE.has(extname(e.name)) ? [join(d, e.name)] : [],
    );
  const files = walk(dir);
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  await Promise.all(
    files.map(async (f) => {
      const bytes = readFileSync(f);
      await writeFile(
        `${f}.br`,
        await br(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
      );
      await writeFile(`${f}.gz`, await gz(bytes, { level: 9 }));
    }),
  );
}

/** The boot script, one classic script to inline in the page. */
async function buildBoot(teamsChunks: string[], teamsModule: string, production: boolean): Promise<string> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [join(SRC, 'boot.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    minify: production,
    legalComments: 'none',
    tsconfig: join(ROOT, 'tsconfig.json'),
    define: { TEAMS_JS_CHUNKS: JSON.stringify(teamsChunks), TEAMS_JS_MODULE: JSON.stringify(teamsModule) },
    // teams-js's chunk is loaded by the page at run time (the bundle's own module), not bundled in.
    external: ['./chunks/*'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text.trim();
  if (/<\/script|<!--/i.test(code)) throw new Error('the boot script cannot be inlined as it is');
  return code;
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
    // The entry named by its content hash too, beside the chunks: the page is the one file asked again
    // on every visit. A stable `main.js` was revalidated each time, and the page's modules, though
    // every one of them was in the HTTP cache, waited for that round trip to the server before any ran.
    entryNames: 'chunks/[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    minify: options.minify ?? production,
    sourcemap: production ? false : 'linked',
    metafile: true,
    legalComments: 'none',
    // V8's explicit compile hint: compile every function of a script while it streams in, off the main
    // thread, instead of each on its first call during the list's first render (a first visit, no code
    // cache yet: main-thread CPU from DOMContentLoaded to the first row 123 -> 92 ms in the tab bench).
    // The lazy chunks too: each is loaded when its view is opened, and then most of it runs.
    banner: { js: '//# allFunctionsCalledOnLoad' },
    jsx: 'automatic',
    tsconfig: join(ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    // The entry's modules in one chunk (first: its stand-ins for the lazy views are loaded by it alone);
    // the app's styles computed at build time (before the Fluent imports are rewritten for the browser);
    // Fluent components from their own packages, not through @fluentui/react-components; React as an
    // ES module, not copied into each importing module (see the plugins).
    plugins: [
      lazyChunks(join(SRC, 'main.tsx'), SRC),
      griffelAot(ROOT, STYLES),
      fluentImports(ROOT, FLUENT_IMPORTERS),
      reactEsm(ROOT),
    ],
    logLevel: 'silent',
  });
  const meta = result.metafile;
  if (
    Object.keys(meta.inputs).some((i) => i.endsWith('node_modules/@fluentui/react-components/lib/index.js'))
  )
    throw new Error(
      '@fluentui/react-components is in the bundle: an importer of it is not in FLUENT_IMPORTERS',
    );
  const entry = Object.keys(meta.outputs).find(
    (f) => meta.outputs[f].entryPoint !== undefined && f.endsWith('.js'),
  );
  if (!entry) throw new Error('esbuild produced no entry script');
  const entryFiles = staticClosure(meta, entry);
  const rel = (f: string) => relative(outDir, resolve(ROOT, f));
  // teams-js's chunk and the chunks it imports (but the entry's): the boot script preloads them in Teams.
  const teamsJs = Object.keys(meta.outputs).find((f) =>
    meta.outputs[f].entryPoint?.includes('node_modules/@microsoft/teams-js/'),
  );
  const teamsChunks = teamsJs ? staticClosure(meta, teamsJs).filter((f) => !entryFiles.includes(f)) : [];
  if (!teamsJs) throw new Error('esbuild produced no teams-js chunk');
  const boot = await buildBoot(
    teamsChunks.map((f) => `./${rel(f)}`),
    `./${rel(teamsJs)}`,
    production,
  );
  writeFileSync(
    join(outDir, 'index.html'),
    HTML(rel(entry), entryFiles.filter((f) => f !== entry).map(rel), boot),
  );
  // The channel tab's configuration page (manifest configurableTabs): its own build, see build-config.ts.
  await buildConfigPage({ root: ROOT, outDir, production });
  if (production) await precompress(outDir);
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

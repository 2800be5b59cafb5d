/**
 * Builds the channel tab's configuration page (`tab/web/src/config/main.tsx`) into `config.html` +
 * `config.js` beside the main bundle. A build of its own, not a second entry of the main build: shared
 * code would otherwise be split into common chunks and change what the main entry loads. One file,
 * teams-js included (the page only does its job inside Teams).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export interface ConfigBuildOptions {
  root: string;
  outDir: string;
  production: boolean;
}

const HTML = `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'" />
    <title>Fristvakt – oppsett av fane</title>
    <style>html,body,#root{margin:0;height:100%}</style>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./config.js"></script>
  </body>
</html>
`;

/** Emits `config.html` and `config.js` into `outDir`; returns the script's size in bytes. */
export async function buildConfigPage({ root, outDir, production }: ConfigBuildOptions): Promise<number> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { config: join(root, 'tab', 'web', 'src', 'config', 'main.tsx') },
    bundle: true,
    splitting: false,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    outdir: outDir,
    entryNames: '[name]',
    minify: production,
    sourcemap: production ? false : 'linked',
    metafile: true,
    legalComments: 'none',
    jsx: 'automatic',
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    logLevel: 'silent',
  });
  writeFileSync(join(outDir, 'config.html'), HTML);
  return Object.entries(result.metafile.outputs)
    .filter(([f]) => f.endsWith('.js'))
    .reduce((n, [, o]) => n + o.bytes, 0);
}

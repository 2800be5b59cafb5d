import { build } from 'esbuild';
import { resolve } from 'node:path';
import { esmFacade, reactEsm } from './build-react-esm';

const ROOT = resolve(__dirname, '..');

/** Bundles `files` (the first is the entry) as CommonJS in memory, with or without the plugin. */
async function bundle(files: Record<string, string>, plugin: boolean): Promise<string> {
  const names = Object.keys(files);
  const result = await build({
    absWorkingDir: ROOT,
    stdin: { contents: files[names[0]!]!, resolveDir: ROOT, sourcefile: names[0] },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'files',
        setup(b) {
          b.onResolve({ filter: /^\.\/mod-/ }, (a) => ({ path: a.path, namespace: 'files' }));
          b.onLoad({ filter: /.*/, namespace: 'files' }, (a) => ({
            contents: files[a.path]!,
            resolveDir: ROOT,
            loader: 'js',
          }));
        },
      },
      ...(plugin ? [reactEsm(ROOT)] : []),
    ],
  });
  return result.outputFiles[0]!.text;
}

/** Runs a CommonJS bundle and returns its exports. */
function run(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports;
}

const FILES = {
  './mod-entry': [
    "import * as React from 'react';",
    "import Default, { useState } from 'react';",
    "import { jsx } from 'react/jsx-runtime';",
    "import { other } from './mod-other';",
    "const viaRequire = require('react');",
    "const jsxViaRequire = require('react/jsx-runtime');",
    'export { React, Default, useState, jsx, other, viaRequire, jsxViaRequire };',
  ].join('\n'),
  './mod-other': "import * as React from 'react';\nexport const other = React.useState;",
};

describe("the build's React as an ES module", () => {
  it('names every export of the CommonJS module once, and makes it the default export', () => {
    expect(esmFacade('react', ['useState', 'default', 'not-a-name', 'Children'])).toBe(
      'import m from "react";\nexport const { useState, Children } = m;\nexport default m;\n',
    );
  });

  it('gives ES importers the same React as require() does, without a copy per importing module', async () => {
    const copies = (code: string) => code.match(/__toESM\(require_react\(\)/g)?.length ?? 0;
    // Without the plugin each importing module copies React's exports: the cost it removes.
    expect(copies(await bundle(FILES, false))).toBeGreaterThanOrEqual(2);
    const code = await bundle(FILES, true);
    expect(copies(code)).toBe(1);
    const m = run(code) as {
      React: Record<string, unknown>;
      Default: unknown;
      useState: unknown;
      jsx: unknown;
      other: unknown;
      viaRequire: Record<string, unknown>;
      jsxViaRequire: Record<string, unknown>;
    };
    expect(m.Default).toBe(m.viaRequire);
    expect(m.useState).toBe(m.viaRequire.useState);
    expect(m.other).toBe(m.viaRequire.useState);
    for (const key of Object.keys(m.viaRequire)) expect(m.React[key]).toBe(m.viaRequire[key]);
    expect(m.jsx).toBe(m.jsxViaRequire.jsx);
  });
});

/**
 * An esbuild plugin that hands the bundle's ES modules React (and its JSX runtime) as an ES module.
 * React is published as CommonJS only, so esbuild compiles each `import * as React from 'react'` in an
 * ES module into a call that copies React's exports onto a fresh object (`__toESM`), once per importing
 * module: some 200 modules of the case list's first bundle (every Fluent component) did so while the
 * page's scripts ran, about a fifth of their run time in a Chromium profile. Imported instead from a
 * small ES module that takes React's exports once and names them, the importers read those bindings
 * directly. CommonJS `require('react')` (react-dom, the JSX runtime itself) still gets React as it is.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/** The CommonJS modules given an ES module face. */
const WRAPPED = /^react(\/jsx-runtime)?$/;
const NAMESPACE = 'react-esm';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The ES module source that re-exports `specifier`'s CommonJS exports by name, and itself as default. */
export function esmFacade(specifier: string, exportNames: readonly string[]): string {
  const names = exportNames.filter((n) => IDENTIFIER.test(n) && n !== 'default');
  return (
    `import m from ${JSON.stringify(specifier)};\n` +
    (names.length > 0 ? `export const { ${names.join(', ')} } = m;\n` : '') +
    'export default m;\n'
  );
}

/** `root`: where React is installed (the repository root). */
export function reactEsm(root: string): Plugin {
  const load = createRequire(join(root, 'package.json'));
  return {
    name: 'react-esm',
    setup(build) {
      build.onResolve({ filter: WRAPPED }, (args) =>
        args.kind === 'import-statement' && args.namespace !== NAMESPACE
          ? { path: args.path, namespace: NAMESPACE }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: esmFacade(args.path, Object.keys(load(args.path) as object)),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

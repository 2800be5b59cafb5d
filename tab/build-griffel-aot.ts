/**
 * An esbuild plugin that turns the app's own Griffel styles into CSS at build time, as
 * `@griffel/babel-preset` does in webpack builds and as Fluent's packages are published: each
 * `makeStyles({...})` hook of a `*.styles.ts` module becomes `__styles(classes, cssRules)`, the class
 * names and CSS rules Griffel would compute from the style objects in the browser the first time a
 * component renders (resolving them into atomic CSS: stylis, hashing, RTL variants). In a Chromium
 * profile of the case list's first render that work was some 20 ms of the render task on the loaded
 * machine; what is left in the browser is inserting the rules, as for Fluent's own styles.
 * The module is run in Node at build time with `makeStyles` replaced by a function that keeps its
 * argument; `resolveStyleRulesForSlots` (what `makeStyles` calls in the browser) makes the output. A
 * module with anything else among its exports is bundled as it is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { barrelExports } from './build-fluent-imports';

/** What `makeStyles` takes: style objects by slot name. */
export type StylesBySlots = Record<string, Record<string, unknown>>;

/**
 * The style objects given to `makeStyles` by each export of a styles module, run in Node; null when
 * not every export is a `makeStyles` hook.
 */
export async function stylesOf(file: string, root: string): Promise<Map<string, StylesBySlots> | null> {
  const bundled = await build({
    absWorkingDir: root,
    entryPoints: [file],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const load = createRequire(file);
  // Names taken from @fluentui/react-components are loaded from the packages it re-exports them from
  // (tokens, shorthands…): loading the whole barrel in Node would take seconds.
  const barrelDir = dirname(load.resolve('@fluentui/react-components/package.json'));
  const fromBarrel = barrelExports(readFileSync(join(barrelDir, 'lib', 'index.js'), 'utf8'));
  const loadPart = createRequire(join(barrelDir, 'package.json'));
  const captured = new Map<unknown, StylesBySlots>();
  const makeStyles = (styles: StylesBySlots) => {
    const hook = () => {
      throw new Error('a build-time stand-in for makeStyles was called');
    };
    captured.set(hook, styles);
    return hook;
  };
  const barrel = new Proxy({} as Record<string, unknown>, {
    get: (_t, name) => {
      if (name === 'makeStyles') return makeStyles;
      const origin = typeof name === 'string' ? fromBarrel.get(name) : undefined;
      return origin ? (loadPart(origin.pkg) as Record<string, unknown>)[origin.name] : undefined;
    },
  });
  const fake = (id: string): unknown =>
    id === '@fluentui/react-components'
      ? barrel
      : id === '@griffel/react'
        ? { ...(load(id) as object), makeStyles }
        : load(id);
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', bundled.outputFiles[0]!.text)(module, module.exports, fake);
  const names = Object.keys(module.exports).filter((n) => n !== '__esModule');
  if (names.length === 0 || names.some((n) => !captured.has(module.exports[n]))) return null;
  return new Map(names.map((n) => [n, captured.get(module.exports[n])!]));
}

/** The styles module as `__styles` calls; null when not every export is a `makeStyles` hook. */
export async function aotStylesModule(file: string, root: string): Promise<string | null> {
  const hooks = await stylesOf(file, root);
  if (!hooks) return null;
  const griffel = createRequire(join(root, 'package.json'))('@griffel/core') as {
    resolveStyleRulesForSlots(styles: StylesBySlots): [unknown, unknown];
  };
  return (
    "import { __styles } from '@griffel/react';\n" +
    [...hooks]
      .map(([name, styles]) => {
        const [classes, rules] = griffel.resolveStyleRulesForSlots(styles);
        return `export const ${name} = /* @__PURE__ */ __styles(${JSON.stringify(classes)}, ${JSON.stringify(rules)});\n`;
      })
      .join('')
  );
}

/** `files`: the styles modules to compute (the app's `*.styles.ts`). */
export function griffelAot(root: string, files: RegExp): Plugin {
  return {
    name: 'griffel-aot',
    setup(b) {
      b.onLoad({ filter: files, namespace: 'file' }, async (args) => {
        const contents = await aotStylesModule(args.path, root);
        // null: left to the other plugins and esbuild, as without this one.
        return contents === null ? undefined : { contents, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

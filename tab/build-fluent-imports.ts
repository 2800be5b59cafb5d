/**
 * An esbuild plugin that sends each name imported from `@fluentui/react-components` to the package
 * that defines it (`Button` from `@fluentui/react-button`, `DataGrid` from `@fluentui/react-table`, …),
 * as the barrel itself re-exports them. Why: with code splitting, the barrel is one module shared by the
 * entry and the lazily loaded views, so esbuild put it in a chunk the entry loads, with every component
 * any view imports through it (Dialog, Menu, Popover, Textarea, …). Imported from their own packages,
 * the components a lazy view alone uses stay in that view's chunk. The same modules are bundled, only
 * their chunk changes. The per-component packages are resolved from `@fluentui/react-components`'s own
 * folder: they are its dependencies, at the versions it was installed with.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

const BARREL = '@fluentui/react-components';
/** Prefix of the rewritten imports' paths, resolved from the barrel's folder. */
const PART = 'fluent-part:';

/** Where a name the barrel exports comes from: the package and the name it has there. */
export interface Origin {
  pkg: string;
  name: string;
}

/** The barrel's exports, read from its ES module: only `export { a, b as c } from "pkg";` statements. */
export function barrelExports(source: string): Map<string, Origin> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const exports = new Map<string, Origin>();
  let statements = 0;
  for (const m of code.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    statements++;
    for (const spec of m[1]!.split(',')) {
      const words = spec.trim().split(/\s+as\s+/);
      if (words[0] === '') continue;
      exports.set(words[1] ?? words[0]!, { pkg: m[2]!, name: words[0]! });
    }
  }
  // Anything else (`export *`, local code) would be missed: then the barrel cannot be bypassed.
  const rest = code.replace(/export\s*\{[^}]*\}\s*from\s*["'][^"']+["']\s*;?/g, '').trim();
  if (statements === 0 || rest !== '')
    throw new Error(`${BARREL}'s module is not a plain list of re-exports`);
  return exports;
}

const IMPORT = /(import|export)\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]@fluentui\/react-components['"]\s*;?/g;

/**
 * `source` with its imports (and re-exports) from the barrel replaced by imports from the packages that define the names
 * (type-only names are dropped: they have no code), on as many lines as the import had, so later lines
 * keep their numbers. Throws on a name the barrel does not export, or on another use of the barrel.
 */
export function rewriteImports(source: string, exports: Map<string, Origin>, file: string): string {
  const out = source.replace(
    IMPORT,
    (statement, keyword: string, typeOnly: string | undefined, list: string) => {
      const byPkg = new Map<string, string[]>();
      if (!typeOnly)
        for (const spec of list.split(',')) {
          const s = spec.trim();
          if (s === '' || s.startsWith('type ')) continue;
          const [imported, local = imported] = s.split(/\s+as\s+/) as [string, string?];
          const origin = exports.get(imported);
          if (!origin) throw new Error(`${file}: ${BARREL} exports no ${imported}`);
          const specs = byPkg.get(origin.pkg) ?? [];
          specs.push(origin.name === local ? local : `${origin.name} as ${local}`);
          byPkg.set(origin.pkg, specs);
        }
      const lines = statement.split('\n').length - 1;
      return (
        [...byPkg]
          .map(([pkg, specs]) => `${keyword} { ${specs.join(', ')} } from '${PART}${pkg}';`)
          .join(' ') + '\n'.repeat(lines)
      );
    },
  );
  if (/['"]@fluentui\/react-components['"/]/.test(out))
    throw new Error(`${file}: an import of ${BARREL} the build cannot rewrite`);
  return out;
}

/**
 * The plugin, for the files matched by `filter` (the app's sources and the packages that import the
 * barrel); `root` is where `@fluentui/react-components` is resolved from.
 */
export function fluentImports(root: string, filter: RegExp): Plugin {
  return {
    name: 'fluent-per-component-imports',
    setup(build) {
      const barrelDir = dirname(require.resolve(`${BARREL}/package.json`, { paths: [root] }));
      const exports = barrelExports(readFileSync(join(barrelDir, 'lib', 'index.js'), 'utf8'));
      build.onResolve({ filter: /^fluent-part:/ }, (args) =>
        build.resolve(args.path.slice(PART.length), { kind: args.kind, resolveDir: barrelDir }),
      );
      build.onLoad({ filter }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const loader = args.path.endsWith('.tsx') ? 'tsx' : args.path.endsWith('.ts') ? 'ts' : 'js';
        if (!source.includes(BARREL)) return { contents: source, loader };
        return { contents: rewriteImports(source, exports, args.path), loader };
      });
    },
  };
}

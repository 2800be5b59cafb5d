/**
 * An esbuild plugin that keeps the entry's modules in one chunk. With code splitting, esbuild makes a
 * chunk for each set of entry points (the entry and each lazily imported view) that share modules, so
 * the modules of the first view were spread over 14 chunks by which lazy views also use them, and the
 * page asked for 15 scripts before it could start (over HTTP/1.1, six at a time, each a round trip to
 * the server). Here each lazily imported module of the app is reached through a small module that also
 * imports the entry module: every module the entry reaches is then reached by every lazy view too, and
 * they share one chunk. The entry module still runs once (an ES module is evaluated once per page, and
 * the views are only imported after it has run); what a view alone uses stays in that view's chunks.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'lazy-view';

/** The module that stands for a lazily imported `view`: the entry first, then all that `view` exports. */
export function lazyViewModule(entry: string, view: string, viewSource: string): string {
  return (
    `import ${JSON.stringify(entry)};\n` +
    `export * from ${JSON.stringify(view)};\n` +
    (/^export default\b/m.test(viewSource) ? `export { default } from ${JSON.stringify(view)};\n` : '')
  );
}

/** `entry`: the entry module's file; `srcDir`: the app's sources, whose dynamic imports of other sources are wrapped. */
export function lazyChunks(entry: string, srcDir: string): Plugin {
  // esbuild names files by their real paths: compare with those (the sources may be reached through a link).
  const src = realpathSync(srcDir);
  const inSrc = (file: string) => {
    const rel = relative(src, file);
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
  };
  return {
    name: 'lazy-chunks',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.namespace !== 'file' || !inSrc(args.importer))
          return undefined;
        const target = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
        if (target.errors.length > 0 || !inSrc(target.path)) return undefined;
        return { path: target.path, namespace: NAMESPACE };
      });
      // The stand-in's own imports are absolute file paths: the entry and the view.
      build.onResolve({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        path: args.path,
        namespace: 'file',
      }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: lazyViewModule(realpathSync(entry), args.path, readFileSync(args.path, 'utf8')),
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

import { transform } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aotStylesModule, stylesOf, type StylesBySlots } from './build-griffel-aot';

const ROOT = resolve(__dirname, '..');
const SRC = join(ROOT, 'tab', 'web', 'src');

interface Renderer {
  classNameHashSalt: string;
  insertCSSRules(rules: unknown): void;
}
type ComputeClasses = (options: { dir: 'ltr' | 'rtl'; renderer: Renderer }) => Record<string, string>;
// Griffel's framework-free core: what @griffel/react's makeStyles and __styles call with React's renderer.
const core = jest.requireActual<{
  makeStyles(styles: StylesBySlots): ComputeClasses;
  __styles(classes: unknown, rules: unknown): ComputeClasses;
  createDOMRenderer(doc: undefined): Renderer;
}>('@griffel/core');

/** A renderer that keeps the CSS rules it is asked to insert. */
function recorder(): Renderer & { inserted: unknown[] } {
  const inserted: unknown[] = [];
  return { ...core.createDOMRenderer(undefined), inserted, insertCSSRules: (r) => void inserted.push(r) };
}

/** Runs a generated module with @griffel/react's __styles replaced by core's; its exports. */
async function runModule(code: string): Promise<Record<string, ComputeClasses>> {
  const cjs = (await transform(code, { format: 'cjs', loader: 'js' })).code;
  const module = { exports: {} as Record<string, ComputeClasses> };
  const fakeRequire = (id: string) => {
    if (id !== '@griffel/react') throw new Error(`unexpected import ${id}`);
    return { __styles: core.__styles };
  };
  new Function('module', 'exports', 'require', cjs)(module, module.exports, fakeRequire);
  return module.exports;
}

const stylesFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? stylesFiles(join(dir, e.name))
      : e.name.endsWith('.styles.ts')
        ? [join(dir, e.name)]
        : [],
  );

describe("the build's styles computed ahead of time", () => {
  const files = stylesFiles(SRC);

  it.each(files.map((f) => [f.slice(SRC.length + 1), f]))(
    '%s: the same classes and CSS as makeStyles in the browser, left to right and right to left',
    async (_name, file) => {
      const hooks = await stylesOf(file, ROOT);
      expect(hooks).not.toBeNull();
      const generated = await runModule((await aotStylesModule(file, ROOT))!);
      expect(Object.keys(generated).sort()).toEqual([...hooks!.keys()].sort());
      for (const [name, styles] of hooks!)
        for (const dir of ['ltr', 'rtl'] as const) {
          const atRuntime = recorder();
          const ahead = recorder();
          const expected = core.makeStyles(styles)({ dir, renderer: atRuntime });
          expect(generated[name]!({ dir, renderer: ahead })).toEqual(expected);
          expect(ahead.inserted).toEqual(atRuntime.inserted);
          expect(Object.keys(expected).length).toBeGreaterThan(0);
        }
    },
  );

  it('leaves a module with anything but makeStyles hooks among its exports to the usual build', async () => {
    // The first page's module exports functions, not style hooks.
    expect(await stylesOf(join(SRC, 'views', 'cases', 'first-page.ts'), ROOT)).toBeNull();
  });
});

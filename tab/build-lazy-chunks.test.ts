import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTab } from './build';
import { lazyViewModule } from './build-lazy-chunks';

describe("the build's one chunk for the entry's modules", () => {
  it('stands in for a lazy view with the entry first, then all the view exports', () => {
    expect(lazyViewModule('/src/main.tsx', '/src/views/A.tsx', 'export function A() {}')).toBe(
      'import "/src/main.tsx";\nexport * from "/src/views/A.tsx";\n',
    );
    expect(lazyViewModule('/src/main.tsx', '/src/views/B.tsx', 'const B = 1;\nexport default B;\n')).toBe(
      'import "/src/main.tsx";\nexport * from "/src/views/B.tsx";\nexport { default } from "/src/views/B.tsx";\n',
    );
  });

  it('makes the page load the entry in a few files, and every lazy view share them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fristvakt-lazy-chunks-'));
    try {
      const built = await buildTab({ outDir: dir, production: false });
      // The entry (chunks/main-HASH.js), the chunk of the entry's modules, and one it shares with
      // teams-js (loaded in Teams).
      expect(built.entryFiles.length).toBeLessThanOrEqual(3);
      const entryChunk = built.entryFiles
        .filter((f) => !/^chunks\/main-/.test(f))
        .sort((a, b) => readFileSync(join(dir, b)).length - readFileSync(join(dir, a)).length)[0]!;
      const views = built.lazyFiles.filter((l) =>
        /(CaseView|OrderForm|NoticesView|ReportView|SettingsView)-/.test(l.file),
      );
      expect(views.length).toBe(5);
      for (const v of views)
        expect(readFileSync(join(dir, v.file), 'utf8')).toContain(`./${entryChunk.split('/').pop()}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/**
 * `npm run screenshots`: the one way screenshots reach `docs/`. Browser tests and screenshot scripts
 * write only into the untracked `.screenshots/<kind>/` (`screenshotDir` in `scripts/headless.ts`); this
 * renders the chat cards afresh, then copies `.screenshots/{tab,cards,local-loop}/*.png` into
 * `docs/<kind>/` on purpose, printing which files changed. Take the tab's screenshots first with
 * `npx jest tab/web`, and the local loop's with `node dist/scripts/screenshot-dev.js`.
 */
import { existsSync, readdirSync, readFileSync, copyFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { renderCards } from './render-cards';
import { SCREENSHOT_ROOT, type ScreenshotKind } from './headless';
import { repoRoot } from './repo-root';

/** The kinds kept in the repository; `e2e` (failure pictures) never is. */
const KEPT: readonly ScreenshotKind[] = ['tab', 'cards', 'local-loop'];

export interface CopyResult {
  copied: string[];
  unchanged: string[];
  /** Kinds with no screenshot taken yet. */
  missing: ScreenshotKind[];
}

/** Copies every PNG of the kept kinds from `.screenshots/` into `docs/`; returns what it did. */
export function copyScreenshots(root: string): CopyResult {
  const result: CopyResult = { copied: [], unchanged: [], missing: [] };
  for (const kind of KEPT) {
    const from = join(root, SCREENSHOT_ROOT, kind);
    const files = existsSync(from) ? readdirSync(from).filter((f) => f.endsWith('.png')) : [];
    if (files.length === 0) {
      result.missing.push(kind);
      continue;
    }
    const to = join(root, 'docs', kind);
    mkdirSync(to, { recursive: true });
    for (const f of files.sort()) {
      const target = join(to, f);
      const bytes = readFileSync(join(from, f));
      if (existsSync(target) && readFileSync(target).equals(bytes)) {
        result.unchanged.push(join('docs', kind, f));
        continue;
      }
      copyFileSync(join(from, f), target);
      result.copied.push(join('docs', kind, f));
    }
  }
  return result;
}

async function main(): Promise<void> {
  const root = repoRoot();
  await renderCards(root);
  const { copied, unchanged, missing } = copyScreenshots(root);
  for (const f of copied) console.log(`copied ${f}`);
  console.log(`${copied.length} copied, ${unchanged.length} unchanged`);
  for (const kind of missing)
    console.log(
      `no screenshots in ${SCREENSHOT_ROOT}/${kind}/: ${
        kind === 'tab' ? 'run `npx jest tab/web` first' : 'run `node dist/scripts/screenshot-dev.js` first'
      }`,
    );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

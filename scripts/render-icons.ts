/**
 * Renders the app icons from their SVG sources (`appPackage/icons/*.svg`) to the PNGs the Teams app
 * package needs: `appPackage/color.png` (192×192) and `appPackage/outline.png` (32×32, white on
 * transparent). Headless Chromium draws them (no native image library needed); the PNGs are committed,
 * so run this only after changing an SVG: `npm run icons`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium } from 'playwright-core';
import { repoRoot } from './repo-root';
import { CHROMIUM_ARGS } from './headless';

export interface IconSpec {
  svg: string;
  png: string;
  size: number;
}

export const ICONS: readonly IconSpec[] = [
  { svg: 'appPackage/icons/color.svg', png: 'appPackage/color.png', size: 192 },
  { svg: 'appPackage/icons/outline.svg', png: 'appPackage/outline.png', size: 32 },
];

/** Renders one SVG at exactly `size`×`size` CSS pixels (device scale 1) with a transparent background. */
export async function renderIcons(root: string, icons: readonly IconSpec[] = ICONS): Promise<void> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'fristvakt-icons-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    deviceScaleFactor: 1,
  });
  try {
    const page = await context.newPage();
    await page.route(/^(?!data:|about:)/, (route) => route.abort());
    for (const icon of icons) {
      const svg = await readFile(join(root, icon.svg), 'utf8');
      await page.setViewportSize({ width: icon.size, height: icon.size });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          `<div style="width:${icon.size}px;height:${icon.size}px">${svg}</div></body></html>`,
      );
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: icon.size, height: icon.size },
      });
      await writeFile(join(root, icon.png), png);
      console.log(`${icon.png}: ${icon.size}×${icon.size}, ${png.length} bytes`);
    }
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  renderIcons(repoRoot()).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

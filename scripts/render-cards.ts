/**
 * Renders every chat card of the bot (`bot/cards/samples.ts`, Norwegian) in headless Chromium with the
 * real `adaptivecards` renderer (bundled for the page with esbuild) and a Teams-like host config, and
 * writes `.screenshots/cards/<card>.png` (untracked), so a reader sees the cards without Teams.
 * `npm run screenshots` runs this and copies the PNGs into `docs/cards/` on purpose (they are committed):
 * run it after changing a card.
 */
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { sampleCards } from '../bot/cards/samples';
import { CHROMIUM_ARGS as HEADLESS_ARGS, CHROMIUM_PATH, screenshotDir } from './headless';
import { repoRoot } from './repo-root';

const CHROMIUM_ARGS = [...HEADLESS_ARGS, '--lang=nb-NO'];

/**
 * The page's script: adaptivecards with a Teams-like host config, and Markdown by markdown-it (CommonMark,
 * as Teams renders a TextBlock: backslash escapes are read, not shown; the markup tests use it too).
 */
const ENTRY = `
import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';
const md = new MarkdownIt({ html: false, breaks: true });
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = md.render(text);
  result.didProcess = true;
};
const hostConfig = new AC.HostConfig({
  fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1DFDD' },
  fontSizes: { small: 12, default: 14, medium: 18, large: 20, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: {
      default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#8B8CC7' },
      good: { default: '#237B4B', subtle: '#237B4B' }, warning: { default: '#835B00', subtle: '#835B00' },
      attention: { default: '#C4314B', subtle: '#C4314B' } } },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: {
      default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#8B8CC7' },
      good: { default: '#237B4B', subtle: '#237B4B' }, warning: { default: '#835B00', subtle: '#835B00' },
      attention: { default: '#C4314B', subtle: '#C4314B' } } },
    // Teams' light theme tints these containers (Fluent's status backgrounds); without them they render white.
    good: { backgroundColor: '#F1FAF1', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    warning: { backgroundColor: '#FFF9F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    attention: { backgroundColor: '#FDF3F4', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    accent: { backgroundColor: '#EBEBF8', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
  },
  actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  inputs: { label: { requiredInputs: { weight: 'bolder' }, optionalInputs: { weight: 'bolder' } } },
});
window.renderCard = (json) => {
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.parse(json);
  const el = card.render();
  const host = document.getElementById('card');
  host.innerHTML = '';
  host.appendChild(el);
};
`;

const CSS = `
body { margin: 0; background: #EBEBEB; font-family: 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif; }
#frame { padding: 16px; display: inline-block; }
#card { width: 520px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.2); overflow: hidden; }
.ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #fff; color: #242424; padding: 6px 12px;
  font: 600 14px 'Segoe UI', 'Noto Sans', sans-serif; cursor: pointer; }
.ac-pushButton.style-positive { background: #5B5FC7; color: #fff; border-color: #5B5FC7; }
.ac-pushButton.style-destructive { color: #C4314B; border-color: #C4314B; }
.ac-input { font: 14px 'Segoe UI', 'Noto Sans', sans-serif; }
.ac-input input:not([type=radio]):not([type=checkbox]), .ac-input select, .ac-input textarea, input.ac-input, select.ac-input, textarea.ac-input {
  border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 8px; font: inherit; box-sizing: border-box; width: 100%; }
.ac-textInput.ac-multiline { min-height: 60px; }
.ac-selectable { cursor: pointer; }
`;

export async function renderCards(root: string): Promise<string[]> {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0].text;
  const userDataDir = await mkdtemp(join(tmpdir(), 'fristvakt-cards-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    deviceScaleFactor: 1,
    viewport: { width: 600, height: 900 },
    locale: 'nb-NO',
  });
  const written: string[] = [];
  const out = screenshotDir('cards', root);
  try {
    const page = await context.newPage();
    await page.route(/^(?!data:|about:)/, (route) => route.abort());
    await page.setContent(
      `<!doctype html><html lang="nb"><head><meta charset="utf-8"><style>${CSS}</style></head>` +
        `<body><div id="frame"><div id="card"></div></div><script>${script}</script></body></html>`,
    );
    for (const [name, card] of Object.entries(sampleCards('nb'))) {
      await page.evaluate(
        (json) => (window as unknown as { renderCard(j: unknown): void }).renderCard(json),
        card as unknown,
      );
      const png = await page.locator('#frame').screenshot();
      const file = join(out, `${name}.png`);
      await writeFile(file, png);
      written.push(file);
      console.log(`${file}: ${png.length} bytes`);
    }
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  return written;
}

if (require.main === module) {
  renderCards(repoRoot()).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

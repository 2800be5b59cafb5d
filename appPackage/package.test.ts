import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import {
  buildAppPackage,
  fillPlaceholders,
  loadEnvironment,
  PackageError,
  parseEnvFile,
  placeholdersIn,
  validateLocalization,
} from '../scripts/package-app';
import { repoRoot } from '../scripts/repo-root';
import { matchCommand } from '../bot/conversation/commands';
import { SEARCH_PARAMETER } from '../bot/conversation/teams/case-search';
import { caseRefInUrl } from '../bot/conversation/teams/link-unfurl';
import { EXTENSION_COMMANDS } from '../bot/conversation/teams/message-extension';
import { readPngHeader, readPngPixels } from './test-support/png';

// @microsoft/app-manifest requires strip-bom 5, which is ESM only: Node 20.19+ loads it with require(),
// jest's module loader does not. The same function, as CommonJS, for jest only.
jest.mock(require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }), () => ({
  __esModule: true,
  default: (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
}));

const ROOT = repoRoot();

interface Command {
  title: string;
  description: string;
}
interface Manifest {
  manifestVersion: string;
  id: string;
  name: { short: string; full: string };
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: Array<{ languageTag: string; file: string }>;
  };
  bots: Array<{
    botId: string;
    scopes: string[];
    commandLists: Array<{ scopes: string[]; commands: Command[] }>;
  }>;
  staticTabs: Array<{ entityId: string; name?: string; contentUrl?: string; scopes: string[] }>;
  configurableTabs: Array<{ configurationUrl: string; scopes: string[] }>;
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
  composeExtensions: Array<{
    botId: string;
    commands: Array<{
      id: string;
      type: string;
      context: string[];
      title: string;
      fetchTask?: boolean;
      parameters?: Array<{ name: string }>;
    }>;
    messageHandlers: Array<{ type: string; value: { domains: string[] } }>;
  }>;
  icons: { color: string; outline: string };
}

let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'fristvakt-package-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A copy of the repository's appPackage/ and env/ in a temp root, so a test can change the env files. */
async function copyProject(): Promise<string> {
  const root = join(work, 'project');
  await mkdir(join(root, 'appPackage'), { recursive: true });
  await mkdir(join(root, 'env'), { recursive: true });
  for (const f of ['manifest.json', 'en-US.json', 'color.png', 'outline.png']) {
    await copyFile(join(ROOT, 'appPackage', f), join(root, 'appPackage', f));
  }
  for (const f of ['.env.local', '.env.dev']) await copyFile(join(ROOT, 'env', f), join(root, 'env', f));
  return root;
}

async function unzip(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

describe('npm run package', () => {
  it('builds a zip for the local environment whose manifest and localization validate against the bundled schema', async () => {
    const built = await buildAppPackage({ root: ROOT, env: 'local', outDir: work });
    expect(built.zipPath).toBe(join(work, 'appPackage.local.zip'));

    const files = await unzip(built.zipPath);
    expect([...files.keys()].sort()).toEqual(['color.png', 'en-US.json', 'manifest.json', 'outline.png']);

    const manifestText = files.get('manifest.json')!.toString('utf8');
    const localizationText = files.get('en-US.json')!.toString('utf8');
    for (const text of [manifestText, localizationText]) {
      expect(text).not.toContain('${{');
      expect(placeholdersIn(text)).toEqual([]);
    }
    const manifest = JSON.parse(manifestText) as Manifest;
    expect(await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest)).toEqual([]);
    const localization = JSON.parse(localizationText) as Record<string, unknown>;
    expect(await validateLocalization(localization)).toEqual([]);
    // …and the check has teeth: an unknown key and an over-long name fail it.
    expect(await validateLocalization({ ...localization, 'bots[0].nonsense': 'x' })).not.toEqual([]);
    expect(await validateLocalization({ ...localization, 'name.short': 'x'.repeat(31) })).not.toEqual([]);

    // The filled manifest written beside the zip is the one in the zip.
    expect(await readFile(built.manifestPath, 'utf8')).toBe(manifestText);
  });

  it('packs icons of the sizes Teams requires: 192×192 colour, 32×32 white outline on transparent', async () => {
    const built = await buildAppPackage({ root: ROOT, env: 'local', outDir: work });
    const files = await unzip(built.zipPath);

    const color = readPngPixels(files.get('color.png')!);
    expect([color.header.width, color.header.height]).toEqual([192, 192]);
    // The colour icon fills its square: no transparent pixel.
    expect(color.rgba.filter((v, i) => i % 4 === 3 && v !== 255).length).toBe(0);

    const outline = readPngPixels(files.get('outline.png')!);
    expect(readPngHeader(files.get('outline.png')!)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    let transparent = 0;
    let drawn = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const alpha = outline.rgba[i + 3]!;
      if (alpha === 0) transparent++;
      else {
        drawn++;
        if (outline.rgba[i] !== 255 || outline.rgba[i + 1] !== 255 || outline.rgba[i + 2] !== 255)
          notWhite.push(i / 4);
      }
    }
    expect(notWhite).toEqual([]);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(drawn).toBeGreaterThan(32 * 4);
    // The corners are transparent (a background would make Teams draw a white square).
    for (const px of [0, 31, 32 * 31, 32 * 32 - 1]) expect(outline.rgba[px * 4 + 3]).toBe(0);
  });

  it('declares the bot, its Norwegian commands, both tabs, SSO and Norwegian as the default language', async () => {
    const built = await buildAppPackage({ root: ROOT, env: 'local', outDir: work });
    const manifest = JSON.parse(
      (await unzip(built.zipPath)).get('manifest.json')!.toString('utf8'),
    ) as Manifest;
    const vars = await loadEnvironment(ROOT, 'local');

    expect(manifest.localizationInfo.defaultLanguageTag).toBe('nb-NO');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([
      { languageTag: 'en-US', file: 'en-US.json' },
    ]);

    const [bot] = manifest.bots;
    expect(bot!.botId).toBe(vars.BOT_ID);
    expect(bot!.scopes.sort()).toEqual(['personal', 'team']);
    const commands = (scope: string): string[] =>
      bot!.commandLists.find((l) => l.scopes.includes(scope))!.commands.map((c) => c.title);
    expect(commands('personal')).toEqual(['meld feil', 'mine saker', 'status', 'driftsmeldinger', 'hjelp']);
    expect(commands('team').sort()).toEqual(
      ['driftsmeldinger', 'hjelp', 'koble', 'meld feil', 'mine saker', 'ny driftsmelding', 'status'].sort(),
    );

    const mine = manifest.staticTabs.find((t) => t.entityId === 'mine-saker')!;
    expect(mine.name).toBe('Mine saker');
    expect(mine.contentUrl).toBe(`${vars.TAB_ENDPOINT}/tab/?view=mine`);
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: `${vars.TAB_ENDPOINT}/tab/config.html`, scopes: ['team'] }),
    ]);
    expect(manifest.webApplicationInfo).toEqual({
      id: vars.AAD_APP_CLIENT_ID,
      resource: `api://${vars.TAB_DOMAIN}/${vars.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toContain(vars.TAB_DOMAIN);
    expect(manifest.name.short).toBe('Fristvakt (lokal)');
  });

  it('has an English string for every localizable string it overrides, at a path that exists in the manifest', async () => {
    const manifest = JSON.parse(
      await readFile(join(ROOT, 'appPackage', 'manifest.json'), 'utf8'),
    ) as Manifest;
    const english = JSON.parse(await readFile(join(ROOT, 'appPackage', 'en-US.json'), 'utf8')) as Record<
      string,
      string
    >;
    const at = (path: string): unknown =>
      path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], manifest);
    for (const key of Object.keys(english).filter((k) => k !== '$schema')) {
      expect([key, typeof at(key)]).toEqual([key, 'string']);
    }
    // Every command description has its English twin.
    manifest.bots[0]!.commandLists.forEach((list, l) =>
      list.commands.forEach((_c, c) =>
        expect(english).toHaveProperty([`bots[0].commandLists[${l}].commands[${c}].description`]),
      ),
    );
  });

  it('offers only commands the bot understands, in Norwegian and in English', async () => {
    const manifest = JSON.parse(
      await readFile(join(ROOT, 'appPackage', 'manifest.json'), 'utf8'),
    ) as Manifest;
    const english = JSON.parse(await readFile(join(ROOT, 'appPackage', 'en-US.json'), 'utf8')) as Record<
      string,
      string
    >;
    const unknown: string[] = [];
    manifest.bots[0]!.commandLists.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        const englishTitle = english[`bots[0].commandLists[${l}].commands[${c}].title`];
        const norwegian = matchCommand(command.title);
        if (!norwegian) {
          unknown.push(command.title);
          return;
        }
        expect(norwegian.command.name).toBe(command.title);
        // The English title, when there is one, reaches the same command.
        if (englishTitle !== undefined)
          expect([englishTitle, matchCommand(englishTitle)?.command.name]).toEqual([
            englishTitle,
            command.title,
          ]);
      }),
    );
    expect(unknown).toEqual([]);
  });

  it('declares the message extension the bot answers: its commands and the tab’s domain for link unfurling', async () => {
    const built = await buildAppPackage({ root: ROOT, env: 'local', outDir: work });
    const manifest = JSON.parse(
      (await unzip(built.zipPath)).get('manifest.json')!.toString('utf8'),
    ) as Manifest;
    const vars = await loadEnvironment(ROOT, 'local');
    const [extension] = manifest.composeExtensions;
    expect(extension!.botId).toBe(vars.BOT_ID);
    const byId = new Map(extension!.commands.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual(Object.values(EXTENSION_COMMANDS).sort());
    expect(byId.get(EXTENSION_COMMANDS.reportFromMessage)).toMatchObject({
      type: 'action',
      context: ['message'],
      title: 'Meld feil fra denne meldingen',
      fetchTask: true,
    });
    expect(byId.get(EXTENSION_COMMANDS.reportFault)).toMatchObject({ type: 'action', fetchTask: true });
    const search = byId.get(EXTENSION_COMMANDS.searchCases)!;
    expect(search.type).toBe('query');
    expect(search.parameters!.map((p) => p.name)).toEqual([SEARCH_PARAMETER]);

    // The tab's case links are on a domain Teams unfurls through the bot, and the bot reads their case.
    const domains = extension!.messageHandlers.flatMap((m) => (m.type === 'link' ? m.value.domains : []));
    const caseLink = new URL(`${vars.TAB_ENDPOINT}/tab/?case=FV-2026-000123`);
    expect(domains).toContain(caseLink.hostname);
    expect(caseRefInUrl(caseLink.href)).toBe('FV-2026-000123');

    // The schema check covers the extension: a command title over Teams' 32 characters fails it.
    const tooLong = structuredClone(manifest);
    tooLong.composeExtensions[0]!.commands[0]!.title = 'x'.repeat(33);
    expect(await AppManifestUtils.validateAgainstSchema(tooLong as unknown as AppManifest)).not.toEqual([]);
  });

  it('builds the dev environment once provisioning has written its ids (env/.env.dev.user overrides env/.env.dev)', async () => {
    const root = await copyProject();
    await writeFile(
      join(root, 'env', '.env.dev.user'),
      [
        'TEAMS_APP_ID=0b6c7a4e-1111-4c2d-8e3f-000000000001',
        'BOT_ID=0b6c7a4e-1111-4c2d-8e3f-000000000002',
        'AAD_APP_CLIENT_ID=0b6c7a4e-1111-4c2d-8e3f-000000000003',
        'TAB_DOMAIN=app-fristvaktdev.azurewebsites.net',
        'TAB_ENDPOINT=https://app-fristvaktdev.azurewebsites.net',
        'SECRET_BOT_PASSWORD=not-in-the-package',
      ].join('\n'),
    );
    const built = await buildAppPackage({ root, env: 'dev' });
    expect(built.zipPath).toBe(join(root, 'appPackage', 'build', 'appPackage.dev.zip'));
    const manifestText = (await unzip(built.zipPath)).get('manifest.json')!.toString('utf8');
    const manifest = JSON.parse(manifestText) as Manifest;
    expect(manifest.id).toBe('0b6c7a4e-1111-4c2d-8e3f-000000000001');
    expect(manifest.webApplicationInfo.resource).toBe(
      'api://app-fristvaktdev.azurewebsites.net/0b6c7a4e-1111-4c2d-8e3f-000000000003',
    );
    expect(manifest.name.short).toBe('Fristvakt (dev)');
    expect(manifestText).not.toContain('not-in-the-package');
  });

  it('refuses to build the committed dev environment before provisioning, naming each unfilled placeholder', async () => {
    const root = await copyProject();
    const failure = buildAppPackage({ root, env: 'dev', outDir: work });
    await expect(failure).rejects.toBeInstanceOf(PackageError);
    await expect(failure).rejects.toMatchObject({ code: 'PLACEHOLDER_UNFILLED' });
    const message = await failure.catch((e: Error) => e.message);
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'TAB_ENDPOINT', 'TAB_DOMAIN']) {
      expect(message).toContain(`\${{${name}}}`);
    }
    expect(message).toContain('env/.env.dev');
  });

  it('treats a name the fallback environment provides as filled, and a missing env file as an error', async () => {
    const root = await copyProject();
    const fallback = {
      TEAMS_APP_ID: '0b6c7a4e-1111-4c2d-8e3f-000000000011',
      BOT_ID: '0b6c7a4e-1111-4c2d-8e3f-000000000012',
      AAD_APP_CLIENT_ID: '0b6c7a4e-1111-4c2d-8e3f-000000000013',
      TAB_DOMAIN: 'fristvakt.kommune.example',
      TAB_ENDPOINT: 'https://fristvakt.kommune.example',
    };
    await expect(buildAppPackage({ root, env: 'dev', fallback, outDir: work })).resolves.toBeDefined();
    await expect(buildAppPackage({ root, env: 'prod', outDir: work })).rejects.toMatchObject({
      code: 'ENV_FILE_MISSING',
    });
  });

  it('stops on a value the Teams schema rejects (an app id that is no GUID)', async () => {
    const root = await copyProject();
    await writeFile(join(root, 'env', '.env.local.user'), 'TEAMS_APP_ID=not-a-guid\n');
    await expect(buildAppPackage({ root, env: 'local', outDir: work })).rejects.toMatchObject({
      code: 'MANIFEST_INVALID',
      message: expect.stringContaining('/id') as unknown,
    });
  });
});

describe('env files and placeholders', () => {
  it('parses dotenv lines as Teams Toolkit writes them', () => {
    expect(
      parseEnvFile(
        [
          '# comment',
          'A=1',
          'B="two words"',
          "C=' (x)'",
          'D=',
          'E=value # trailing',
          '  F = spaced  ',
          'junk',
        ].join('\n'),
      ),
    ).toEqual({ A: '1', B: 'two words', C: ' (x)', D: '', E: 'value', F: 'spaced' });
  });

  it('JSON-escapes values and leaves an allowed-empty suffix empty', () => {
    expect(fillPlaceholders('{"a":"${{X}}${{APP_NAME_SUFFIX}}"}', { X: 'say "hi"\\' }, 't.json', 'dev')).toBe(
      '{"a":"say \\"hi\\"\\\\"}',
    );
    expect(() => fillPlaceholders('${{X}} ${{Y}}', { X: '' }, 't.json', 'dev')).toThrow(
      /\$\{\{X\}\}, \$\{\{Y\}\}/,
    );
  });

  it('keeps every secret out of the committed env files', async () => {
    for (const env of ['local', 'dev']) {
      const vars = parseEnvFile(await readFile(join(ROOT, 'env', `.env.${env}`), 'utf8'));
      for (const [name, value] of Object.entries(vars)) {
        if (/SECRET|PASSWORD|KEY$/.test(name)) expect([name, value]).toEqual([name, '']);
      }
      expect(Object.keys(vars).filter((n) => n.startsWith('SECRET_'))).toEqual([]);
    }
  });
});

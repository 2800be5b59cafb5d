/**
 * Builds the Teams app package for one environment: `npm run package [-- <env>]` (default `local`).
 *
 * Reads `env/.env.<env>` (then `env/.env.<env>.user`, which overrides it; then the process environment
 * for names the files leave empty), fills every `${{NAME}}` placeholder in `appPackage/manifest.json`
 * and its localization files, validates the manifest offline against the Teams schema bundled with
 * `@microsoft/app-manifest`, and writes `appPackage/build/appPackage.<env>.zip` (plus the filled
 * `manifest.<env>.json` beside it for inspection). An unfilled placeholder or a schema error stops it
 * with a message naming the placeholder and the file to edit.
 */
import { existsSync } from 'fs';
import { mkdir, readFile, writeFile } from 'fs/promises';
import { join } from 'path';
import JSZip from 'jszip';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { PLACEHOLDER, parseEnvFile, placeholdersIn } from './env-files';
import { repoRoot } from './repo-root';

export { parseEnvFile, placeholdersIn };

export type PackageErrorCode =
  'ENV_FILE_MISSING' | 'PLACEHOLDER_UNFILLED' | 'FILE_MISSING' | 'MANIFEST_INVALID';

export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

/** Files at the root of the zip besides manifest.json and the localization files. */
const ICON_FILES = ['color.png', 'outline.png'] as const;

/** The variables for an environment: `.env.<env>`, overridden by `.env.<env>.user`, then `fallback` for names still empty. */
export async function loadEnvironment(
  root: string,
  env: string,
  fallback: Record<string, string | undefined> = {},
): Promise<Record<string, string>> {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(env)) {
    throw new PackageError('ENV_FILE_MISSING', `Bad environment name "${env}" (letters, digits, dashes).`);
  }
  const file = join(root, 'env', `.env.${env}`);
  if (!existsSync(file)) {
    throw new PackageError('ENV_FILE_MISSING', `No env/.env.${env}: create it (see docs/deployment.md).`);
  }
  const vars = parseEnvFile(await readFile(file, 'utf8'));
  const userFile = `${file}.user`;
  if (existsSync(userFile)) Object.assign(vars, parseEnvFile(await readFile(userFile, 'utf8')));
  for (const [name, value] of Object.entries(fallback)) {
    if ((vars[name] ?? '') === '' && value !== undefined && value !== '') vars[name] = value;
  }
  return vars;
}

/**
 * Fills the placeholders of a JSON text. Values are JSON-escaped (they land inside JSON strings).
 * Throws `PLACEHOLDER_UNFILLED` naming every placeholder with no (or an empty) value.
 */
export function fillPlaceholders(
  text: string,
  vars: Record<string, string>,
  where: string,
  envName: string,
): string {
  const missing = placeholdersIn(text).filter(
    (name) => (vars[name] ?? '') === '' && !ALLOWED_EMPTY.has(name),
  );
  if (missing.length > 0) {
    throw new PackageError(
      'PLACEHOLDER_UNFILLED',
      `${where}: no value for ${missing.map((n) => `\${{${n}}}`).join(', ')}. ` +
        `Set ${missing.join(', ')} in env/.env.${envName} (or env/.env.${envName}.user), ` +
        `or run \`teamsapp provision --env ${envName}\`, which writes them.`,
    );
  }
  return text.replace(PLACEHOLDER, (_m, name: string) => JSON.stringify(vars[name] ?? '').slice(1, -1));
}

/** Placeholders that may legitimately be empty (the production app has no name suffix). */
const ALLOWED_EMPTY = new Set(['APP_NAME_SUFFIX']);

interface ManifestShape {
  localizationInfo?: { additionalLanguages?: Array<{ languageTag: string; file: string }> };
  icons: { color: string; outline: string };
}

export interface BuiltPackage {
  zipPath: string;
  manifestPath: string;
  /** File name → contents, as written into the zip. */
  files: Map<string, Buffer>;
}

/** Builds and validates the package; writes it under `appPackage/build/`. */
export async function buildAppPackage(options: {
  root: string;
  env: string;
  /** Used for names the env files leave empty (the CLI passes process.env). */
  fallback?: Record<string, string | undefined>;
  /** Where to write the zip; default `<root>/appPackage/build`. */
  outDir?: string;
}): Promise<BuiltPackage> {
  const { root, env } = options;
  const appDir = join(root, 'appPackage');
  const vars = await loadEnvironment(root, env, options.fallback);

  const manifestText = fillPlaceholders(
    await readFile(join(appDir, 'manifest.json'), 'utf8'),
    vars,
    'appPackage/manifest.json',
    env,
  );
  const manifest = JSON.parse(manifestText) as ManifestShape;
  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(manifestText, 'utf8')]]);

  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const path = join(appDir, file);
    if (!existsSync(path))
      throw new PackageError('FILE_MISSING', `appPackage/${file} (named in localizationInfo) is missing.`);
    const text = fillPlaceholders(await readFile(path, 'utf8'), vars, `appPackage/${file}`, env);
    const errors = await validateLocalization(JSON.parse(text) as Record<string, unknown>);
    if (errors.length > 0) {
      throw new PackageError(
        'MANIFEST_INVALID',
        `appPackage/${file} fails the localization schema:\n  ${errors.join('\n  ')}`,
      );
    }
    files.set(file, Buffer.from(text, 'utf8'));
  }
  for (const icon of ICON_FILES) {
    const path = join(appDir, icon);
    if (!existsSync(path))
      throw new PackageError('FILE_MISSING', `appPackage/${icon} is missing: run \`npm run icons\`.`);
    files.set(icon, await readFile(path));
  }
  for (const named of [manifest.icons.color, manifest.icons.outline]) {
    if (!files.has(named))
      throw new PackageError('FILE_MISSING', `The manifest names icon ${named}, which is not packaged.`);
  }

  const errors = await validateManifest(JSON.parse(manifestText) as Record<string, unknown>);
  if (errors.length > 0) {
    throw new PackageError(
      'MANIFEST_INVALID',
      `appPackage/manifest.json filled from env/.env.${env} fails the Teams schema:\n  ${errors.join('\n  ')}`,
    );
  }

  const zip = new JSZip();
  // A fixed date keeps the zip byte-identical for identical inputs.
  const date = new Date(Date.UTC(2026, 0, 1));
  for (const [name, content] of files) zip.file(name, content, { date, createFolders: false });
  const zipped = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });

  const outDir = options.outDir ?? join(appDir, 'build');
  await mkdir(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${env}.zip`);
  const manifestPath = join(outDir, `manifest.${env}.json`);
  await writeFile(zipPath, zipped);
  await writeFile(manifestPath, manifestText);
  return { zipPath, manifestPath, files };
}

/** Schema errors of a filled manifest, validated offline against the schema its `$schema` names. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  // The bundled schemas are found from the manifest's `$schema` URL; nothing is fetched for them.
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
}

/**
 * Schema errors of a localization file, against the bundled localization schema its `$schema` names.
 * That schema has patterns (for `activities.activityTypes[...]` keys) that are not valid with the
 * `u` flag AJV compiles patterns with; they are left out, so such keys count as unknown, which is
 * stricter and concerns keys Fristvakt does not use.
 */
export async function validateLocalization(localization: Record<string, unknown>): Promise<string[]> {
  const url = localization.$schema;
  if (typeof url !== 'string') return ['/$schema is missing'];
  const schema = (await AppManifestUtils.fetchSchema(url)) as unknown as {
    patternProperties?: Record<string, unknown>;
  };
  const usable = Object.entries(schema.patternProperties ?? {}).filter(([pattern]) => {
    try {
      new RegExp(pattern, 'u');
      return true;
    } catch {
      return false;
    }
  });
  const repaired = { ...schema, patternProperties: Object.fromEntries(usable) };
  return AppManifestUtils.validateAgainstSchema(
    localization as unknown as AppManifest,
    repaired as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
}

async function main(): Promise<void> {
  const env = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'local';
  const built = await buildAppPackage({ root: repoRoot(), env, fallback: process.env });
  console.log(`Built ${built.zipPath} (${[...built.files.keys()].join(', ')}); the manifest validates.`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    if (err instanceof PackageError) console.error(`package: ${err.code}: ${err.message}`);
    else if ((err as { code?: string }).code === 'ERR_REQUIRE_ESM') {
      console.error('package: @microsoft/app-manifest needs Node 20.19+ or 22.12+ (require of ES modules).');
    } else console.error(err);
    process.exitCode = 1;
  });
}

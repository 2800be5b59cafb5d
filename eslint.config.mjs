// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Modules the pure domain must never import: it is bundled by the tab and tested without I/O. */
const impureModules = [
  'fs',
  'fs/*',
  'path',
  'http',
  'https',
  'net',
  'os',
  'child_process',
  'crypto',
  'stream',
  'events',
  'util',
  'node:*',
  'botbuilder',
  'botbuilder-*',
  'botframework-*',
  'restify',
  '@azure/*',
  'better-sqlite3',
  'react',
  'react-dom',
  'react/*',
  '@fluentui/*',
  '@microsoft/*',
  'adaptivecards',
  'jose',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      '.data/**',
      'devTools/**',
      'tab/web/dist/**',
      'appPackage/build/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='includes'][callee.object.property.name='text']",
          message: 'Route commands through the command table, not text.includes().',
        },
      ],
    },
  },
  {
    // Only the composition root reads the environment (bot/index.ts passes it to bot/config.ts's
    // loadConfig); everything else is handed the validated Config. Command-line entry points (scripts/,
    // bench/, the tab's build) and tests may read it. Placed before the domain's block, which bans
    // `process` altogether and keeps its own no-restricted-properties.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: [
      'bot/index.ts',
      'scripts/**',
      'bench/**',
      'tab/build.ts',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/test-support/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only the composition root (bot/index.ts) reads process.env: take the value from Config.',
        },
      ],
    },
  },
  {
    // The pure domain: no I/O, no clock, nothing of the app.
    files: ['shared/**/*.ts'],
    ignores: ['shared/store/**', 'shared/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: impureModules, message: 'shared/ is the pure domain: no I/O, host or UI modules.' },
            {
              group: ['**/bot/**', '**/tab/**', '**/store/**', '**/bot', '**/tab', '**/store'],
              message: 'shared/ imports nothing of the app.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain reads no environment.' },
        { name: 'setTimeout', message: 'The domain has no timers.' },
        { name: 'setInterval', message: 'The domain has no timers.' },
        { name: 'fetch', message: 'The domain does no I/O.' },
        { name: 'console', message: 'The domain does not log.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass `now` in; the domain never reads the clock.' },
        { object: 'DateTime', property: 'now', message: 'Pass `now` in; the domain never reads the clock.' },
        {
          object: 'DateTime',
          property: 'local',
          message: 'Always pass the zone; use DateTime.fromObject(..., { zone }).',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass `now` in; the domain never reads the clock.',
        },
      ],
    },
  },
  {
    // The tab's browser app: bundled for the browser, so nothing of the server side reaches it.
    files: ['tab/web/**/*.ts', 'tab/web/**/*.tsx'],
    // Browser tests and unit tests run in Node and drive the app from outside.
    ignores: ['tab/web/**/*.test.ts', 'tab/web/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...builtinModules, ...builtinModules.map((m) => `${m}/*`), 'node:*'],
              message: 'tab/web runs in the browser: no Node modules.',
            },
            {
              group: [
                'botbuilder',
                'botbuilder-*',
                'botframework-*',
                'restify',
                'better-sqlite3',
                '@azure/*',
                'jose',
              ],
              message: 'tab/web runs in the browser: no server packages.',
            },
            {
              group: [
                '**/bot/**',
                '**/bot',
                '**/shared/store/**',
                '**/shared/store',
                '**/tab/api/**',
                '**/tab/api',
              ],
              message: 'tab/web talks to the server only through its API (tab/common has the shapes).',
            },
          ],
        },
      ],
    },
  },
  {
    // The tab's API does not import the bot: what both need lives in shared/ (shared/app for the
    // application services, the route shape, the keys); the composition root mounts both.
    // (tab/web's own block keeps its sources apart; this one covers the rest of tab/, tests included.)
    files: [
      'tab/*.ts',
      'tab/api/**/*.ts',
      'tab/common/**/*.ts',
      'tab/test-support/**/*.ts',
      'tab/web/**/*.test.ts',
      'tab/web/**/*.test.tsx',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bot/**', '**/bot'],
              message: 'tab/ does not import bot/: move what both need to shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The application services (the change service, the catalogue): Node side, beside the store's
    // ports, and like the domain they know nothing of the bot, the tab or a store adapter.
    files: ['shared/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bot/**', '**/tab/**', '**/store/**', '**/bot', '**/tab', '**/store'],
              message: 'shared/app/ speaks to the store only through shared/ports.ts, and knows no surface.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
  },
);

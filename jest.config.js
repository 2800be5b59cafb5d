/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/shared',
    '<rootDir>/bot',
    '<rootDir>/tab',
    '<rootDir>/appPackage',
    '<rootDir>/infra',
    '<rootDir>/bench',
  ],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // Transpile only: `npm run typecheck` is the type check, so tests stay fast.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
    // ESM-only packages (jose 6) become CommonJS for jest; Node loads them natively at run time.
    '/node_modules/jose/.+\\.js$': '<rootDir>/tab/test-support/esm-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    // adaptivecards' lib/ entry is ESM with extensionless imports; its dist/ bundle is UMD.
    '^adaptivecards$': 'adaptivecards/dist/adaptivecards.js',
  },
  testTimeout: 60000,
};

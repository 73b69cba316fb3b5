// One Jest run, four projects: pure unit tests, API e2e against real PostgreSQL,
// browser e2e in Chromium, and fault/scale-out tests on real API processes. `npm test` runs all of them (scripts/test.mjs).
// The global setup starts one embedded PostgreSQL for the run and migrates a
// template database; every API/browser test file clones its own database from it.
const swc = [
  '@swc/jest',
  {
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
  },
];
const moduleNameMapper = {
  '^@assay/signals$': '<rootDir>/libs/signals/src/index.ts',
  '^@assay/ledger$': '<rootDir>/libs/ledger/src/index.ts',
  '^@assay/ledger/browser$': '<rootDir>/libs/ledger/src/browser.ts',
  '^@assay/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@assay/domain/anonymity$': '<rootDir>/libs/domain/src/anonymity.ts',
  '^@assay/domain/reviewer-assignment$': '<rootDir>/libs/domain/src/reviewer-assignment.ts',
  '^@assay/migrations$': '<rootDir>/migrations/index.ts',
};
const common = { transform: { '^.+\\.tsx?$': swc }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  // 30 s per test: a test process's first password check loads zxcvbn's dictionaries (0.5–2 s on a busy 2-core machine).
  testTimeout: 30_000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/__tests__/**/*.spec.ts',
        '<rootDir>/apps/api/src/**/__tests__/**/*.spec.ts',
        '<rootDir>/test/static/**/*.spec.ts',
      ],
    },
    { ...common, displayName: 'api', testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'] },
    // Fault and scale-out tests: real processes of the built API, killed and restarted.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.e2e-spec.ts'] },
  ],
};

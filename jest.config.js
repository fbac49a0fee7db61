/** Jest in ESM mode: ts-jest compiles, relative `.js` imports map back to their `.ts` sources. */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.cjs'],
  maxWorkers: 2,
  // moto_server and libfaketime present (or libfaketime installed), else one line and stop.
  globalSetup: '<rootDir>/scripts/jest-global-setup.mjs',
};

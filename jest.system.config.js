// System tests: need Debian tools (poppler-utils' pdfsig, libnss3-tools' certutil) that
// scripts/install-system-deps.sh installs. Run by `npm run test:system` (and .ci/run), never by `npm test`.
module.exports = {
  displayName: 'system',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/test/system/**/*.system-spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 120000,
};

// Browser test of the console: headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core,
// over the same e2e database as `npm test`. Run by `npm run test:browser`, never by `npm test`
// (a fresh machine has no Chromium; scripts/install-system-deps.sh installs it).
module.exports = {
  displayName: 'browser',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 120000,
};

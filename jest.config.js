// Two projects: pure rules (no database) and e2e over HTTP against a real PostgreSQL.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
// testTimeout is a global option (Jest ignores it inside a project): an e2e test waits for a database,
// a render worker or a build, which a busy machine makes slower than Jest's 5 s default.
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/setup/timeout.ts'],
      testTimeout: 60000,
    },
  ],
};

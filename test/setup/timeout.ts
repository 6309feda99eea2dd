// Jest reads testTimeout only from the root configuration, not from a project's: the e2e project's
// 60 s default is set here, so a test that waits on PostgreSQL on a loaded machine is not cut at 5 s.
jest.setTimeout(60_000);

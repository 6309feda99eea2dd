import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../src/app.factory';
import { projectRoot } from '../../src/config/project-root';
import { freePort } from './free-port';
import { appUrlFor, assertAppRole, createAppRole, grantAppRole } from '../../src/database/app-role';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/migrate';
import { seedDemo } from '../../src/database/seed/demo-seed';
import { AccountsService } from '../../src/auth/accounts.service';
import { generatePassword } from '../../src/auth/secrets';
import { HARNESS_ROLES } from './harness-roles';

/**
 * A real PostgreSQL for the e2e tests: DATABASE_URL when given (PostgreSQL >= 15), else the embedded one.
 * Each run works in a fresh schema made by the migrations (never synchronize), with the demo seeded, and serves
 * through an application role of its own (random name, dropped at teardown: parallel runs on one server never
 * collide) that owns nothing, so that row-level security applies as in production. `t.db` is the owner's.
 */
export default async function globalSetup(): Promise<void> {
  let base = process.env.DATABASE_URL;
  if (!base) {
    const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? (await freePort()));
    // A cluster of its own per run (initdb takes a second): parallel runs in one checkout never collide.
    const dir = join(projectRoot(), 'data', 'test-runs', `run-${process.pid}-${randomBytes(3).toString('hex')}`);
    const db = await startEmbeddedPostgres(dir, port, 'registre_test');
    (globalThis as Record<string, unknown>).__REGISTRE_EMBEDDED__ = { stop: db.stop, dir };
    base = db.url;
  }
  const schema = `e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.TEST_DATABASE_BASE_URL = base;
  process.env.TEST_SCHEMA = schema;
  await runMigrations(url.toString());
  const role = { name: `registre_app_${randomBytes(5).toString('hex')}`, password: randomBytes(12).toString('hex') };
  process.env.TEST_APP_ROLE = role.name;
  await createAppRole(base, role);
  await grantAppRole(url.toString(), role.name);
  const appUrl = appUrlFor(url.toString(), role);
  await assertAppRole(appUrl);
  process.env.TEST_DATABASE_APP_URL = appUrl;
  const app = await createApp({ databaseUrl: appUrl }, false);
  const demo = await seedDemo(app);
  // The tests' own account, signed in by bootTestApp through the real route: an operator (creates collectivities),
  // administrator, secretary and president of the demo and of every collectivity the factory creates.
  const password = generatePassword();
  const email = `harness-${randomBytes(3).toString('hex')}@registre.test`;
  await app.get(AccountsService).createAccount({ email, password, operator: true, collectivityId: demo.collectivityId, roles: HARNESS_ROLES });
  process.env.TEST_ACCOUNT_EMAIL = email;
  process.env.TEST_ACCOUNT_PASSWORD = password;
  await app.close();
}


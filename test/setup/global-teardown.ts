import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { dropAppRole } from '../../src/database/app-role';

export default async function globalTeardown(): Promise<void> {
  const base = process.env.TEST_DATABASE_BASE_URL;
  const schema = process.env.TEST_SCHEMA;
  if (base && schema && process.env.KEEP_TEST_SCHEMA !== 'true') {
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
  if (base && process.env.TEST_APP_ROLE) await dropAppRole(base, process.env.TEST_APP_ROLE);
  const db = (globalThis as Record<string, unknown>).__REGISTRE_EMBEDDED__ as { stop(): Promise<void>; dir: string } | undefined;
  if (db) {
    await db.stop();
    rmSync(db.dir, { recursive: true, force: true });
  }
}

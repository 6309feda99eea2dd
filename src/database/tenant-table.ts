import type { QueryRunner } from 'typeorm';

/**
 * Row-level security and the audit trail of a tenant table, for migrations (TenantIsolation1764000000000 defines
 * the functions used here). Every table with a collectivity_id calls `tenantTable` in the migration that creates
 * it, and `dropTenantTable` in its down before dropping it; test/tenant-isolation.e2e-spec.ts fails otherwise.
 *
 * - the policy confines each query of the application's role to the collectivity its unit of work set
 *   (`app.collectivity_id`, SET LOCAL); with none set, the role sees and writes no row of the table;
 * - the audit trigger records each written row's fields before → after, with the actor and the use case;
 *   `personal` columns (a birth date, an email, a password hash, a secret) are recorded as changed, never by value.
 *
 * The owner running the migrations is not subject to the policies (no FORCE): only the application's role is.
 */
export interface TenantTableOptions {
  personal?: readonly string[];
}

export const TENANT_POLICY = 'tenant_isolation';

export async function tenantTable(q: QueryRunner, table: string, opts: TenantTableOptions = {}): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`CREATE POLICY ${TENANT_POLICY} ON ${table} USING (collectivity_id = registre_collectivity()) WITH CHECK (collectivity_id = registre_collectivity())`);
  await auditTable(q, table, opts);
}

export async function dropTenantTable(q: QueryRunner, table: string): Promise<void> {
  await dropAuditTable(q, table);
  await q.query(`DROP POLICY IF EXISTS ${TENANT_POLICY} ON ${table}`);
  await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
}

/** The audit trigger alone, for a table that is not a tenant's (an account, say): its rows are audited under the transaction's collectivity. */
export async function auditTable(q: QueryRunner, table: string, opts: TenantTableOptions = {}): Promise<void> {
  const args = (opts.personal ?? []).map((c) => `'${c.replace(/'/g, "''")}'`).join(', ');
  await q.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION registre_audit(${args})`);
}

export async function dropAuditTable(q: QueryRunner, table: string): Promise<void> {
  await q.query(`DROP TRIGGER IF EXISTS ${table}_audit ON ${table}`);
}

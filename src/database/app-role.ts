import { Client } from 'pg';

/**
 * The application's role: it logs in, owns nothing, is not a superuser and does not bypass row-level security,
 * so the policies of the migrations confine each of its queries to one collectivity. The owner (DATABASE_URL)
 * runs the migrations and grants this role the use of the tables after each run.
 */
export interface AppRole {
  name: string;
  password: string;
}

/** Tables the application may read and append to, never change (the database refuses too). */
const APPEND_ONLY = ['audit_log', 'session_change', 'act_signature', 'issued_act', 'sealed_record', 'signing_certificate'];

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function asOwner<T>(ownerUrl: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Creates the role if it does not exist yet (the embedded server, the tests); a managed server's comes from DATABASE_APP_URL. */
export async function createAppRole(ownerUrl: string, role: AppRole): Promise<void> {
  await asOwner(ownerUrl, async (c) => {
    const found = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
    const verb = found.rowCount ? 'ALTER' : 'CREATE';
    await c.query(`${verb} ROLE ${ident(role.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD ${literal(role.password)}`);
  });
}

/** The embedded server's application role (a local server: a fixed password is enough). */
export const EMBEDDED_APP_ROLE: AppRole = { name: 'registre_app', password: 'registre_app' };

/**
 * After the migrations: the URL the application's pool connects with. An external server names its role in
 * DATABASE_APP_URL (a managed server may not let the owner create roles); the embedded one gets its own.
 */
export async function applicationUrl(ownerUrl: string, configured: string | undefined, embedded: boolean): Promise<string> {
  let appUrl = configured;
  if (!appUrl && !embedded) {
    throw new Error('DATABASE_APP_URL is required with DATABASE_URL: the application connects as a role that owns nothing and is not a superuser (see README, Configuration)');
  }
  if (!appUrl) {
    await createAppRole(ownerUrl, EMBEDDED_APP_ROLE);
    appUrl = appUrlFor(ownerUrl, EMBEDDED_APP_ROLE);
  }
  await grantAppRole(ownerUrl, roleOf(appUrl));
  await assertAppRole(appUrl);
  return appUrl;
}

/** Grants the role the use of the owner's current schema: every table but the migrations' bookkeeping. */
export async function grantAppRole(ownerUrl: string, roleName: string): Promise<void> {
  await asOwner(ownerUrl, async (c) => {
    const [{ schema }] = (await c.query('SELECT current_schema() AS schema')).rows;
    const role = ident(roleName);
    const tables: string[] = (await c.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'typeorm_migrations' ORDER BY 1`, [schema],
    )).rows.map((r) => r.tablename);
    // A schema the owner does not own (a managed server's public schema) is granted by whoever set the server up.
    await c.query(`GRANT USAGE ON SCHEMA ${ident(schema)} TO ${role}`).catch((e: { code?: string }) => {
      if (e.code !== '42501') throw e;
    });
    await c.query('BEGIN');
    for (const t of tables) {
      const rights = APPEND_ONLY.includes(t) ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
      await c.query(`REVOKE ALL ON ${ident(schema)}.${ident(t)} FROM ${role}`);
      await c.query(`GRANT ${rights} ON ${ident(schema)}.${ident(t)} TO ${role}`);
    }
    const sequences: string[] = (await c.query(
      `SELECT sequencename FROM pg_sequences WHERE schemaname = $1 AND sequencename <> 'typeorm_migrations_id_seq'`, [schema],
    )).rows.map((r) => r.sequencename);
    for (const s of sequences) await c.query(`GRANT USAGE, SELECT ON SEQUENCE ${ident(schema)}.${ident(s)} TO ${role}`);
    await c.query('COMMIT');
  });
}

/** Drops a role made for one test run (its rights in dropped schemas went with them). */
export async function dropAppRole(ownerUrl: string, roleName: string): Promise<void> {
  await asOwner(ownerUrl, async (c) => {
    const found = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [roleName]);
    if (!found.rowCount) return;
    await c.query(`DROP OWNED BY ${ident(roleName)}`);
    await c.query(`DROP ROLE ${ident(roleName)}`);
  });
}

/** The owner's URL with the role's name and password (same server, database and options). */
export function appUrlFor(ownerUrl: string, role: AppRole): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role.name);
  url.password = encodeURIComponent(role.password);
  return url.toString();
}

/** The role named by DATABASE_APP_URL. */
export function roleOf(appUrl: string): string {
  return decodeURIComponent(new URL(appUrl).username);
}

/**
 * Refuses to serve through a role that would escape row-level security: a superuser, a role with BYPASSRLS, or
 * the owner of a table of the schema (owners are not subject to their tables' policies).
 */
export async function assertAppRole(appUrl: string): Promise<void> {
  await asOwner(appUrl, async (c) => {
    const [r] = (await c.query(
      `SELECT r.rolname, r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
                WHERE k.relowner = r.oid AND n.nspname = current_schema()) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    )).rows;
    if (r.rolsuper || r.rolbypassrls || r.owned > 0) {
      const why = r.rolsuper ? 'is a superuser' : r.rolbypassrls ? 'bypasses row-level security' : `owns ${r.owned} object(s) of the schema`;
      throw new Error(`The application's database role ${r.rolname} ${why}: DATABASE_APP_URL must name a role that owns nothing (see README, Configuration)`);
    }
  });
}

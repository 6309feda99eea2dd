import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each app instance keeps the accounts it has looked up (src/auth/auth-cache.ts) instead of asking PostgreSQL on
 * every request. Whatever can change who a session or a token is — an account, its grants or member, a session
 * ended, a token revoked — is announced: NOTIFY registre_auth reaches every instance (raw SQL and the CLI
 * included), and registre.auth_changed tells the unit of work that committed it to forget at once, before it
 * answers. New sessions and tokens are not announced: nothing is cached for them yet. The lookup also says when
 * its session or token expires, so that no instance keeps it past that time.
 */
export class AuthChanges1764013000000 implements MigrationInterface {
  name = 'AuthChanges1764013000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION registre_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('registre.auth_changed', '1', false);
        PERFORM pg_notify('registre_auth', '');
        RETURN NULL;
      END $$`);
    for (const table of ['account', 'account_grant', 'account_member']) {
      await q.query(`CREATE TRIGGER ${table}_auth_changed AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION registre_auth_changed()`);
      await q.query(`CREATE TRIGGER ${table}_auth_truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION registre_auth_changed()`);
    }
    for (const table of ['auth_session', 'api_token']) {
      await q.query(`CREATE TRIGGER ${table}_auth_changed AFTER UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION registre_auth_changed()`);
      await q.query(`CREATE TRIGGER ${table}_auth_truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION registre_auth_changed()`);
    }
    await q.query(lookup(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(lookup(false));
    for (const table of ['account', 'account_grant', 'account_member', 'auth_session', 'api_token']) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_auth_changed ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS ${table}_auth_truncated ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS registre_auth_changed()`);
  }
}

/** registre_auth_lookup as Accounts1764001000000 made it, with (up) or without (down) the expiry of its session or token. */
function lookup(withExpiry: boolean): string {
  return `
      CREATE OR REPLACE FUNCTION registre_auth_lookup(p_kind text, p_hash text, p_account uuid) RETURNS json
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
        WITH target AS (
          SELECT s.account_id, s.id AS session_id, NULL::uuid AS token_id, NULL::uuid AS token_cid, NULL::text AS token_role, s.expires_at
            FROM auth_session s WHERE p_kind = 'session' AND s.token_hash = p_hash AND s.expires_at > now()
          UNION ALL
          SELECT t.account_id, NULL, t.id, t.collectivity_id, t.role, t.expires_at
            FROM api_token t WHERE p_kind = 'token' AND t.token_hash = p_hash AND t.revoked_at IS NULL AND t.expires_at > now()
          UNION ALL
          SELECT p_account, NULL, NULL, NULL, NULL, NULL WHERE p_kind = 'account'
        )
        SELECT json_build_object(
                 'id', a.id, 'email', a.email, 'operator', a.operator,
                 'sessionId', target.session_id, 'tokenId', target.token_id, 'tokenCid', target.token_cid, 'tokenRole', target.token_role,${withExpiry ? `
                 'expiresAt', target.expires_at,` : ''}
                 'grants', coalesce((SELECT json_agg(json_build_object('collectivityId', g.collectivity_id, 'role', g.role, 'memberId', m.member_id) ORDER BY g.collectivity_id, g.role)
                                       FROM account_grant g
                                       LEFT JOIN account_member m ON m.collectivity_id = g.collectivity_id AND m.account_id = g.account_id
                                      WHERE g.account_id = a.id), '[]'::json))
          FROM target JOIN account a ON a.id = target.account_id
         WHERE a.disabled_at IS NULL
         LIMIT 1
      $$`;
}

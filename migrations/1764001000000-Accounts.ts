import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTable, dropAuditTable, dropTenantTable, tenantTable } from '../src/database/tenant-table';

/**
 * Accounts, their roles per collectivity, their link to a council member (who may sign: L2121-15, L2121-23),
 * console sessions, personal API tokens and sign-in attempts (throttling). Secrets are stored as SHA-256 of
 * random tokens, passwords as argon2id hashes: a copy of the database gives no way in.
 * account_grant, account_member and api_token are tenant rows (collectivity_id, composite tenant FKs) but
 * authentication reads them before any collectivity is chosen: through registre_auth_lookup() only.
 */
export class Accounts1764001000000 implements MigrationInterface {
  name = 'Accounts1764001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CONSTRAINT account_email_check CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        display_name text,
        password_hash text,
        operator boolean NOT NULL DEFAULT false,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_email_unique UNIQUE (email)
      )`);
    await q.query(`
      CREATE TABLE account_grant (
        collectivity_id uuid NOT NULL CONSTRAINT account_grant_collectivity_fk REFERENCES collectivity(id) ON DELETE CASCADE,
        account_id uuid NOT NULL CONSTRAINT account_grant_account_fk REFERENCES account(id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT account_grant_role_check CHECK (role IN ('administrator','secretary','president','member')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_grant_pk PRIMARY KEY (collectivity_id, account_id, role)
      )`);
    await q.query(`CREATE INDEX account_grant_account_idx ON account_grant (account_id)`);
    // One account per member and one member per account in a collectivity: a signature names one person.
    await q.query(`
      CREATE TABLE account_member (
        collectivity_id uuid NOT NULL,
        account_id uuid NOT NULL CONSTRAINT account_member_account_fk REFERENCES account(id) ON DELETE CASCADE,
        member_id uuid NOT NULL,
        CONSTRAINT account_member_pk PRIMARY KEY (collectivity_id, account_id),
        CONSTRAINT account_member_member_unique UNIQUE (collectivity_id, member_id),
        CONSTRAINT account_member_member_fk FOREIGN KEY (collectivity_id, member_id) REFERENCES member(collectivity_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX account_member_account_idx ON account_member (account_id)`);
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL CONSTRAINT auth_session_account_fk REFERENCES account(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL CONSTRAINT auth_session_token_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        address text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX auth_session_account_idx ON auth_session (account_id)`);
    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collectivity_id uuid NOT NULL CONSTRAINT api_token_collectivity_fk REFERENCES collectivity(id) ON DELETE CASCADE,
        account_id uuid NOT NULL CONSTRAINT api_token_account_fk REFERENCES account(id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT api_token_role_check CHECK (role IN ('administrator','secretary','president','member')),
        label text NOT NULL,
        token_hash char(64) NOT NULL CONSTRAINT api_token_token_unique UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CONSTRAINT api_token_expiry_check CHECK (expires_at > created_at),
        CONSTRAINT api_token_tenant_unique UNIQUE (collectivity_id, id)
      )`);
    await q.query(`CREATE INDEX api_token_account_idx ON api_token (account_id)`);
    await q.query(`
      CREATE TABLE sign_in_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sign_in_attempt_email_idx ON sign_in_attempt (email, at)`);
    await q.query(`CREATE INDEX sign_in_attempt_address_idx ON sign_in_attempt (address, at)`);
    // Grants, member links and tokens are tenant rows (row-level security, audit trail); an account is audited too,
    // its password hash as "changed" only. Console sessions and sign-in attempts are neither: secrets and noise.
    await tenantTable(q, 'account_grant');
    await tenantTable(q, 'account_member');
    await tenantTable(q, 'api_token', { personal: ['token_hash'] });
    await auditTable(q, 'account', { personal: ['password_hash'] });
    // Who is calling, from a session's or a token's hash (or an account id): the account and its grants in every
    // collectivity. Authentication runs before any collectivity is chosen, so row-level security on the grant
    // tables would hide them; this function, owned by the schema owner, is the one narrow way through.
    await q.query(`
      CREATE FUNCTION registre_auth_lookup(p_kind text, p_hash text, p_account uuid) RETURNS json
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
        WITH target AS (
          SELECT s.account_id, s.id AS session_id, NULL::uuid AS token_id, NULL::uuid AS token_cid, NULL::text AS token_role
            FROM auth_session s WHERE p_kind = 'session' AND s.token_hash = p_hash AND s.expires_at > now()
          UNION ALL
          SELECT t.account_id, NULL, t.id, t.collectivity_id, t.role
            FROM api_token t WHERE p_kind = 'token' AND t.token_hash = p_hash AND t.revoked_at IS NULL AND t.expires_at > now()
          UNION ALL
          SELECT p_account, NULL, NULL, NULL, NULL WHERE p_kind = 'account'
        )
        SELECT json_build_object(
                 'id', a.id, 'email', a.email, 'operator', a.operator,
                 'sessionId', target.session_id, 'tokenId', target.token_id, 'tokenCid', target.token_cid, 'tokenRole', target.token_role,
                 'grants', coalesce((SELECT json_agg(json_build_object('collectivityId', g.collectivity_id, 'role', g.role, 'memberId', m.member_id) ORDER BY g.collectivity_id, g.role)
                                       FROM account_grant g
                                       LEFT JOIN account_member m ON m.collectivity_id = g.collectivity_id AND m.account_id = g.account_id
                                      WHERE g.account_id = a.id), '[]'::json))
          FROM target JOIN account a ON a.id = target.account_id
         WHERE a.disabled_at IS NULL
         LIMIT 1
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS registre_auth_lookup(text, text, uuid)`);
    await dropAuditTable(q, 'account');
    for (const table of ['api_token', 'account_member', 'account_grant']) await dropTenantTable(q, table);
    await q.query(`DROP TABLE IF EXISTS sign_in_attempt`);
    await q.query(`DROP TABLE IF EXISTS api_token`);
    await q.query(`DROP TABLE IF EXISTS auth_session`);
    await q.query(`DROP TABLE IF EXISTS account_member`);
    await q.query(`DROP TABLE IF EXISTS account_grant`);
    await q.query(`DROP TABLE IF EXISTS account`);
  }
}

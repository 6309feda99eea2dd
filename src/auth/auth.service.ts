import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import type { Actor, Grant, Role } from './actor';
import { AuthSession } from './account.entity';
import { AuthCache } from './auth-cache';
import { csrfTokenFor, newSecret, sha256, verifyPassword } from './secrets';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  sessionHours: number;
  cookieSecure: 'auto' | 'true' | 'false';
}

/** Sign-in throttling: failures counted over a quarter of an hour, per account and per address. */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 30 } as const;

export const SESSION_PREFIX = 'rgs_';
export const TOKEN_PREFIX = 'rgt_';

/** What registre_auth_lookup() returns (migration Accounts1764001000000). */
interface Lookup {
  id: string;
  email: string;
  operator: boolean;
  sessionId: string | null;
  tokenId: string | null;
  tokenCid: string | null;
  tokenRole: Role | null;
  /** When the session or token expires (AuthChanges1764013000000). */
  expiresAt?: string | null;
  grants: { collectivityId: string; role: Role; memberId: string | null }[];
}

export interface SignedIn {
  /** The cookie's value; never stored (its SHA-256 is). */
  secret: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly db: DataSource,
    private readonly cache: AuthCache,
    @Inject(AUTH_OPTIONS) readonly options: AuthOptions,
  ) {}

  /** The actor of a console session cookie, or null when it is unknown, expired or its account disabled. */
  async actorFromSession(secret: string): Promise<{ actor: Actor; sessionId: string; csrfToken: string } | null> {
    if (!secret.startsWith(SESSION_PREFIX)) return null;
    const found = await this.cached('session', sha256(secret));
    return found ? { actor: toActor(found, 'account', null), sessionId: found.sessionId!, csrfToken: csrfTokenFor(secret) } : null;
  }

  /** The actor of a personal API token: its one collectivity and role, while the account still holds that role. */
  async actorFromBearer(secret: string): Promise<Actor | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const found = await this.cached('token', sha256(secret));
    if (!found) return null;
    const grants = found.grants.filter((g) => g.collectivityId === found.tokenCid && g.role === found.tokenRole);
    // A token acts in its collectivity only: it is no operator even if its account is.
    return toActor({ ...found, operator: false, grants }, 'token', found.tokenId);
  }

  /** The actor of an account, for the seed, the CLI and tests that act "as" an account through the use cases. */
  async actorForAccount(accountId: string): Promise<Actor> {
    const found = await this.lookup('account', null, accountId);
    if (!found) throw new DomainError('NOT_FOUND', `Account ${accountId} not found`, { entity: 'Account', id: accountId });
    return toActor(found, 'account', null);
  }

  /** A session's or token's lookup, from this instance's cache while it holds (src/auth/auth-cache.ts). */
  private cached(kind: 'session' | 'token', hash: string): Promise<Lookup | null> {
    return this.cache.get(`${kind}:${hash}`, () => this.lookup(kind, hash, null), (found) => (found.expiresAt ? new Date(found.expiresAt) : null));
  }

  /**
   * One statement per authenticated request the cache cannot answer, outside any unit of work: the SECURITY DEFINER function reads
   * across collectivities by design and writes nothing, so a transaction would only add three round trips.
   */
  private async lookup(kind: 'session' | 'token' | 'account', hash: string | null, accountId: string | null): Promise<Lookup | null> {
    const rows: { found: Lookup | null }[] = await this.db.query(`SELECT registre_auth_lookup($1, $2, $3) AS found`, [kind, hash, accountId]);
    return rows[0]?.found ?? null;
  }

  /**
   * Email and password → a new console session. Every failure says the same (no way to tell which emails exist);
   * past THROTTLE failures for the account or the address the attempt is refused with 429 before any check.
   */
  async signIn(emailInput: string, password: string, address: string, userAgent: string | null): Promise<SignedIn> {
    const email = emailInput.trim().toLowerCase();
    await this.assertNotThrottled(email, address);
    const rows: { id: string; password_hash: string | null }[] = await this.uow.run(null, (em) => em.query(
      `SELECT id, password_hash FROM account WHERE email = $1 AND disabled_at IS NULL`, [email],
    ));
    const ok = await verifyPassword(rows[0]?.password_hash ?? null, password);
    await this.uow.run(null, (em) => em.query(`INSERT INTO sign_in_attempt (email, address, succeeded) VALUES ($1, $2, $3)`, [email, address, ok]), { useCase: 'auth.signIn' });
    if (!ok) throw new DomainError('SIGN_IN_FAILED', 'Unknown email or wrong password', {});
    const secret = newSecret(SESSION_PREFIX);
    const expiresAt = new Date(Date.now() + this.options.sessionHours * 3_600_000);
    await this.uow.run(null, async (em) => {
      await em.query(`DELETE FROM auth_session WHERE account_id = $1 AND expires_at <= now()`, [rows[0].id]);
      await em.query(`DELETE FROM sign_in_attempt WHERE at < now() - interval '1 day'`);
      await em.getRepository(AuthSession).insert({ accountId: rows[0].id, tokenHash: sha256(secret), expiresAt, address, userAgent: userAgent?.slice(0, 300) ?? null });
    }, { useCase: 'auth.signIn' });
    return { secret, csrfToken: csrfTokenFor(secret), expiresAt, actor: await this.actorForAccount(rows[0].id) };
  }

  async signOut(sessionId: string): Promise<void> {
    await this.uow.run(null, (em) => em.query(`DELETE FROM auth_session WHERE id = $1`, [sessionId]), { useCase: 'auth.signOut' });
  }

  private async assertNotThrottled(email: string, address: string): Promise<void> {
    const [row]: { by_email: number; by_address: number; retry: number | null }[] = await this.uow.run(null, (em) => em.query(
      `WITH recent AS (SELECT * FROM sign_in_attempt WHERE at > now() - make_interval(mins => $3) AND (email = $1 OR address = $2)),
            last_ok AS (SELECT coalesce(max(at), '-infinity') AS at FROM recent WHERE email = $1 AND succeeded)
       SELECT (SELECT count(*)::int FROM recent, last_ok WHERE recent.email = $1 AND NOT succeeded AND recent.at > last_ok.at) AS by_email,
              (SELECT count(*)::int FROM recent WHERE address = $2 AND NOT succeeded) AS by_address,
              (SELECT ceil(extract(epoch FROM min(at) + make_interval(mins => $3) - now()))::int FROM recent WHERE NOT succeeded) AS retry`,
      [email, address, THROTTLE.windowMinutes],
    ));
    if (row.by_email >= THROTTLE.perAccount || row.by_address >= THROTTLE.perAddress) {
      const scope = row.by_email >= THROTTLE.perAccount ? 'account' : 'address';
      throw new DomainError('SIGN_IN_THROTTLED', `Too many failed sign-ins for this ${scope}; try again later`, {
        scope, retryAfterSeconds: Math.max(1, row.retry ?? THROTTLE.windowMinutes * 60),
      });
    }
  }
}

function toActor(row: Lookup, kind: 'account' | 'token', tokenId: string | null): Actor {
  const grants: Grant[] = row.grants.map((g) => ({ collectivityId: g.collectivityId, role: g.role, memberId: g.memberId }));
  return {
    kind, accountId: row.id, tokenId, operator: row.operator, grants,
    label: kind === 'token' ? `token:${tokenId} (${row.email})` : row.email,
  };
}

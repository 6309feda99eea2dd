import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { currentActor, type Role } from './actor';
import { Account } from './account.entity';
import { CreateAccountDto, NewAccountDto } from './dto/auth.dto';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './secrets';

export interface GrantedAccount {
  id: string;
  email: string;
  roles: Role[];
  memberId: string | null;
  /** Only when the account was just created: its generated password, shown this once. */
  initialPassword?: string;
}

export interface AccountOfCollectivity {
  id: string;
  email: string;
  displayName: string | null;
  disabled: boolean;
  roles: Role[];
  memberId: string | null;
}

/** Accounts, their roles in each collectivity and their link to a council member. */
@Injectable()
export class AccountsService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Inside the transaction that creates a collectivity: its first administrator, the account named (an existing
   * one, or a new one with a generated password) or else the creating operator's own account, so that a
   * collectivity is never left without an administrator. Null when a script (no account) creates it unnamed.
   */
  async firstAdministrator(em: EntityManager, cid: string, named?: NewAccountDto): Promise<GrantedAccount | null> {
    const actor = currentActor();
    const who = named ?? (actor.kind === 'account' ? { email: actor.label } : undefined);
    return who ? this.grant(em, cid, who, ['administrator']) : null;
  }

  /** An administrator adds an account to the collectivity with roles (creating it with a generated password if new). */
  addAccount(cid: string, dto: CreateAccountDto): Promise<GrantedAccount> {
    return this.uow.run(cid, async (em) => {
      const granted = await this.grant(em, cid, dto, dto.roles);
      if (dto.memberId) await this.link(em, cid, granted.id, dto.memberId);
      return { ...granted, memberId: dto.memberId ?? granted.memberId };
    }, { useCase: 'account.add' });
  }

  async list(cid: string): Promise<AccountOfCollectivity[]> {
    const rows: { id: string; email: string; display_name: string | null; disabled_at: Date | null; roles: Role[]; member_id: string | null }[] = await this.uow.run(cid, (em) => em.query(
      `SELECT a.id, a.email, a.display_name, a.disabled_at, array_agg(g.role ORDER BY g.role) AS roles, m.member_id
         FROM account_grant g JOIN account a ON a.id = g.account_id
         LEFT JOIN account_member m ON m.collectivity_id = g.collectivity_id AND m.account_id = a.id
        WHERE g.collectivity_id = $1 GROUP BY a.id, m.member_id ORDER BY a.email`,
      [cid],
    ));
    return rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, disabled: r.disabled_at !== null, roles: r.roles, memberId: r.member_id }));
  }

  /** Sets the roles of an account in the collectivity; an empty list removes it (its tokens there are revoked). */
  setRoles(cid: string, accountId: string, roles: Role[]): Promise<AccountOfCollectivity> {
    return this.uow.run(cid, async (em) => {
      await this.assertInCollectivity(em, cid, accountId);
      await em.query(`DELETE FROM account_grant WHERE collectivity_id = $1 AND account_id = $2 AND NOT (role = ANY($3::text[]))`, [cid, accountId, roles]);
      await insertGrants(em, cid, accountId, roles);
      await em.query(`UPDATE api_token SET revoked_at = now() WHERE collectivity_id = $1 AND account_id = $2 AND revoked_at IS NULL AND NOT (role = ANY($3::text[]))`, [cid, accountId, roles]);
      if (roles.length === 0) await em.query(`DELETE FROM account_member WHERE collectivity_id = $1 AND account_id = $2`, [cid, accountId]);
      await assertAdministratorLeft(em, cid);
      return this.one(em, cid, accountId, roles);
    }, { useCase: 'account.setRoles' });
  }

  linkMember(cid: string, accountId: string, memberId: string | null): Promise<AccountOfCollectivity> {
    return this.uow.run(cid, async (em) => {
      const roles = await this.assertInCollectivity(em, cid, accountId);
      if (memberId) await this.link(em, cid, accountId, memberId);
      else await em.query(`DELETE FROM account_member WHERE collectivity_id = $1 AND account_id = $2`, [cid, accountId]);
      return this.one(em, cid, accountId, roles);
    }, { useCase: 'account.linkMember' });
  }

  /**
   * Disables an account in the collectivity: its roles and tokens there go; an account left with no role
   * anywhere (and no operator) is disabled and signed out everywhere.
   */
  disable(cid: string, accountId: string): Promise<AccountOfCollectivity> {
    return this.uow.run(cid, async (em) => {
      await this.assertInCollectivity(em, cid, accountId);
      await em.query(`DELETE FROM account_grant WHERE collectivity_id = $1 AND account_id = $2`, [cid, accountId]);
      await em.query(`DELETE FROM account_member WHERE collectivity_id = $1 AND account_id = $2`, [cid, accountId]);
      await em.query(`UPDATE api_token SET revoked_at = now() WHERE collectivity_id = $1 AND account_id = $2 AND revoked_at IS NULL`, [cid, accountId]);
      await assertAdministratorLeft(em, cid);
      // Its grants elsewhere are out of this collectivity's sight (row-level security): the auth lookup sees them all.
      await em.query(
        `UPDATE account SET disabled_at = now()
          WHERE id = $1 AND NOT operator AND json_array_length(registre_auth_lookup('account', NULL, $1::uuid) -> 'grants') = 0`,
        [accountId],
      );
      await em.query(`DELETE FROM auth_session s USING account a WHERE s.account_id = a.id AND a.id = $1 AND a.disabled_at IS NOT NULL`, [accountId]);
      return this.one(em, cid, accountId, []);
    }, { useCase: 'account.disable' });
  }

  /**
   * The CLI's first account (and further ones): never a default password — the one given, or a generated one
   * returned to be printed. `siren`: the collectivity it administers, if any.
   */
  createAccount(o: { email: string; password?: string; operator: boolean; collectivityId?: string; roles?: Role[]; displayName?: string }) {
    return this.uow.run(o.collectivityId ?? null, async (em) => {
      const email = normalizeEmail(o.email);
      const exists: unknown[] = await em.query(`SELECT 1 FROM account WHERE email = $1`, [email]);
      if (exists.length) throw new DomainError('DUPLICATE', `An account ${email} exists already: use reset-password`, { field: 'email' });
      const password = o.password ?? generatePassword();
      assertPasswordStrength(password);
      const account = await em.getRepository(Account).save(em.getRepository(Account).create({
        email, displayName: o.displayName ?? null, operator: o.operator, passwordHash: await hashPassword(password),
      }));
      if (o.collectivityId) await insertGrants(em, o.collectivityId, account.id, o.roles ?? ['administrator']);
      return { id: account.id, email, password, generated: o.password === undefined };
    }, { useCase: 'account.create' });
  }

  /** A new password (given or generated); every session of the account ends. */
  async resetPassword(emailInput: string, password?: string): Promise<{ email: string; password: string; generated: boolean }> {
    const email = normalizeEmail(emailInput);
    const chosen = password ?? generatePassword();
    assertPasswordStrength(chosen);
    const hash = await hashPassword(chosen);
    return this.uow.run(null, async (em) => {
      const [rows] = await em.query(`UPDATE account SET password_hash = $2, disabled_at = NULL WHERE email = $1 RETURNING id`, [email, hash]);
      const updated = rows as { id: string }[];
      if (!updated.length) throw new DomainError('NOT_FOUND', `No account ${email}`, { entity: 'Account', field: 'email' });
      await em.query(`DELETE FROM auth_session WHERE account_id = $1`, [updated[0].id]);
      return { email, password: chosen, generated: password === undefined };
    }, { useCase: 'account.resetPassword' });
  }

  async findByEmail(emailInput: string): Promise<Account | null> {
    return this.uow.run(null, (em) => em.getRepository(Account).findOneBy({ email: normalizeEmail(emailInput) }));
  }

  private async grant(em: EntityManager, cid: string, who: NewAccountDto, roles: Role[]): Promise<GrantedAccount> {
    const email = normalizeEmail(who.email);
    const repo = em.getRepository(Account);
    let account = await repo.findOneBy({ email });
    let initialPassword: string | undefined;
    if (!account) {
      initialPassword = generatePassword();
      account = await repo.save(repo.create({ email, displayName: who.displayName ?? null, operator: false, passwordHash: await hashPassword(initialPassword) }));
    } else if (account.disabledAt) {
      await repo.update(account.id, { disabledAt: null });
    }
    await insertGrants(em, cid, account.id, roles);
    const one = await this.one(em, cid, account.id, null);
    return { id: account.id, email, roles: one.roles, memberId: one.memberId, ...(initialPassword ? { initialPassword } : {}) };
  }

  private async link(em: EntityManager, cid: string, accountId: string, memberId: string): Promise<void> {
    await em.query(
      `INSERT INTO account_member (collectivity_id, account_id, member_id) VALUES ($1, $2, $3)
       ON CONFLICT (collectivity_id, account_id) DO UPDATE SET member_id = EXCLUDED.member_id`,
      [cid, accountId, memberId],
    );
  }

  /** The account's roles in the collectivity; NOT_FOUND when it has none there (other collectivities' accounts stay hidden). */
  private async assertInCollectivity(em: EntityManager, cid: string, accountId: string): Promise<Role[]> {
    const rows: { role: Role }[] = await em.query(`SELECT role FROM account_grant WHERE collectivity_id = $1 AND account_id = $2 ORDER BY role FOR UPDATE`, [cid, accountId]);
    if (!rows.length) throw new DomainError('NOT_FOUND', `Account ${accountId} not found`, { entity: 'Account', id: accountId });
    return rows.map((r) => r.role);
  }

  private async one(em: EntityManager, cid: string, accountId: string, _roles: Role[] | null): Promise<AccountOfCollectivity> {
    const [row]: { id: string; email: string; display_name: string | null; disabled_at: Date | null; roles: Role[]; member_id: string | null }[] = await em.query(
      `SELECT a.id, a.email, a.display_name, a.disabled_at,
              coalesce((SELECT array_agg(role ORDER BY role) FROM account_grant WHERE collectivity_id = $1 AND account_id = a.id), '{}') AS roles,
              (SELECT member_id FROM account_member WHERE collectivity_id = $1 AND account_id = a.id) AS member_id
         FROM account a WHERE a.id = $2`,
      [cid, accountId],
    );
    return { id: row.id, email: row.email, displayName: row.display_name, disabled: row.disabled_at !== null, roles: row.roles, memberId: row.member_id };
  }
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function assertPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', `password: at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
  }
}

async function insertGrants(em: EntityManager, cid: string, accountId: string, roles: Role[]): Promise<void> {
  if (!roles.length) return;
  await em.query(
    `INSERT INTO account_grant (collectivity_id, account_id, role) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
    [cid, accountId, roles],
  );
}

/** A collectivity that had an administrator keeps one: nobody else could manage its accounts. */
async function assertAdministratorLeft(em: EntityManager, cid: string): Promise<void> {
  const [row]: { n: number }[] = await em.query(
    `SELECT count(*)::int AS n FROM account_grant g JOIN account a ON a.id = g.account_id WHERE g.collectivity_id = $1 AND g.role = 'administrator' AND a.disabled_at IS NULL`,
    [cid],
  );
  if (row.n === 0) throw new DomainError('ACCOUNT_LAST_ADMINISTRATOR', 'The collectivity would be left without an administrator', { collectivityId: cid });
}

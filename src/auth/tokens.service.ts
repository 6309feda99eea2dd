import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { currentActor, type Role } from './actor';
import { ApiToken } from './account.entity';
import { TOKEN_PREFIX } from './auth.service';
import { CreateTokenDto } from './dto/auth.dto';
import { newSecret, sha256 } from './secrets';

export interface IssuedToken {
  id: string;
  collectivityId: string;
  role: Role;
  label: string;
  expiresAt: Date;
  /** Shown once: only its SHA-256 is kept. */
  token: string;
}

/** Personal API tokens: one collectivity, one role the account holds there, an expiry; revocable. */
@Injectable()
export class TokensService {
  constructor(private readonly uow: UnitOfWork) {}

  /** For the signed-in account (a token does not make tokens: that would outlive its own revocation). */
  createForCurrent(dto: CreateTokenDto): Promise<IssuedToken> {
    const actor = currentActor();
    if (actor.kind !== 'account' || !actor.accountId) throw new DomainError('FORBIDDEN', 'Tokens are made by a signed-in account, not by a token', {});
    return this.create(actor.accountId, dto.collectivityId, dto.role, dto.days ?? 90, dto.label ?? 'api');
  }

  async create(accountId: string, collectivityId: string, role: Role, days: number, label: string): Promise<IssuedToken> {
    const token = newSecret(TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + days * 86_400_000);
    return this.uow.run(collectivityId, async (em) => {
      const held: unknown[] = await em.query(
        `SELECT 1 FROM account_grant g JOIN account a ON a.id = g.account_id WHERE g.account_id = $1 AND g.collectivity_id = $2 AND g.role = $3 AND a.disabled_at IS NULL`,
        [accountId, collectivityId, role],
      );
      if (!held.length) {
        throw new DomainError('FORBIDDEN', `A token can only carry a role the account holds: not ${role} in collectivity ${collectivityId}`, { field: 'role' });
      }
      const repo = em.getRepository(ApiToken);
      const row = await repo.save(repo.create({ accountId, collectivityId, role, label, tokenHash: sha256(token), expiresAt }));
      return { id: row.id, collectivityId, role, label, expiresAt, token };
    }, { useCase: 'token.create' });
  }

  /** The signed-in account's tokens, read collectivity by collectivity (row-level security). */
  async listForCurrent() {
    const actor = currentActor();
    const items: ApiToken[] = [];
    for (const cid of new Set(actor.grants.map((g) => g.collectivityId))) {
      items.push(...(await this.uow.run(cid, (em) => em.getRepository(ApiToken).find({ where: { collectivityId: cid, accountId: actor.accountId! } }))));
    }
    return { items: items.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()) };
  }

  /** Revokes one of the signed-in account's tokens; someone else's is "not found". */
  async revokeForCurrent(tokenId: string) {
    const actor = currentActor();
    for (const cid of new Set(actor.grants.map((g) => g.collectivityId))) {
      const revoked = await this.uow.run(cid, async (em) => {
        const repo = em.getRepository(ApiToken);
        const row = await repo.findOneBy({ id: tokenId, collectivityId: cid, accountId: actor.accountId! });
        if (!row) return null;
        if (!row.revokedAt) await em.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1`, [tokenId]);
        return repo.findOneByOrFail({ id: tokenId });
      }, { useCase: 'token.revoke' });
      if (revoked) return revoked;
    }
    throw new DomainError('NOT_FOUND', `Token ${tokenId} not found`, { entity: 'Token', id: tokenId });
  }
}

import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { verifyPassword } from '../auth/secrets';
import { UnitOfWork } from '../database/unit-of-work';

/** A signer confirms again at the moment of signing: he enters his account's password once more. */
export abstract class SignatureConfirmation {
  abstract confirm(actor: Actor, password: string): Promise<boolean>;
}

@Injectable()
export class PasswordConfirmation extends SignatureConfirmation {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async confirm(actor: Actor, password: string): Promise<boolean> {
    // The tests and tools acting in-process as the system confirm nothing: no person, no password.
    if (actor.kind === 'system') return true;
    if (actor.kind !== 'account' || !actor.accountId) return false;
    const rows: { password_hash: string | null }[] = await this.uow.run(null, (em) => em.query(
      `SELECT password_hash FROM account WHERE id = $1 AND disabled_at IS NULL`, [actor.accountId],
    ));
    return verifyPassword(rows[0]?.password_hash ?? null, password);
  }
}

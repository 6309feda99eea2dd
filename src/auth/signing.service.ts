import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { signerFor, Signer, SigningContext } from '../domain/signing';
import { currentActor, type Actor } from './actor';

/**
 * The signing rule applied to who acts (issue 9's signing route calls it): the account must be linked, in the
 * act's collectivity, to the member presiding the item or to a secrétaire de séance (L2121-23, L2121-15).
 */
@Injectable()
export class SigningService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * The one place that decides who may sign: the signer the actor signs as, else SIGNATURE_NOT_ALLOWED. A signed-in
   * account signs (a person confirms with his password); a token or an anonymous request never does. The in-process
   * system actor (the seed, tests) signs only as the member its grant links it to, like an account.
   */
  assertMaySign(collectivityId: string, ctx: SigningContext, actor: Actor = currentActor()): Signer {
    if (actor.kind !== 'account' && actor.kind !== 'system') {
      throw new DomainError('SIGNATURE_NOT_ALLOWED', 'An act is signed by a signed-in person, not by a token or anonymously', { actor: actor.kind });
    }
    const cid = collectivityId.toLowerCase();
    const linked = actor.grants.find((g) => g.collectivityId === cid && g.memberId)?.memberId ?? null;
    const signer = signerFor(linked, ctx);
    if (!signer) {
      throw new DomainError('SIGNATURE_NOT_ALLOWED', 'Only the member presiding the act and the secrétaires de séance sign it (L2121-23): your account is linked to neither', {
        linkedMemberId: linked,
      });
    }
    return signer;
  }

  /** The signing context of an item, read from its session (its president, else the session's; the secretaries). */
  async contextOf(collectivityId: string, itemId: string): Promise<SigningContext> {
    const rows: { item_president: string | null; session_president: string | null; secretaries: string[] }[] = await this.uow.run(collectivityId, (em) => em.query(
      `SELECT i.president_id AS item_president, s.president_id AS session_president,
              coalesce((SELECT array_agg(member_id ORDER BY member_id) FROM session_secretary ss WHERE ss.collectivity_id = s.collectivity_id AND ss.session_id = s.id), '{}') AS secretaries
         FROM item i JOIN session s ON s.collectivity_id = i.collectivity_id AND s.id = i.session_id
        WHERE i.collectivity_id = $1 AND i.id = $2`,
      [collectivityId, itemId],
    ));
    if (!rows[0]) throw new DomainError('NOT_FOUND', `Item ${itemId} not found`, { entity: 'Item', id: itemId });
    return { itemPresidentId: rows[0].item_president, sessionPresidentId: rows[0].session_president, secretaryIds: rows[0].secretaries };
  }
}

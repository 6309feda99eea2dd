import { EntityManager } from 'typeorm';
import { assertFound } from '../domain/errors';
import { assertCarryOver } from '../domain/second-convocation';
import type { SessionContext } from '../register/session-context';
import { Item } from './item.entity';

/**
 * L2121-17: an item of a second convocation may carry over an item of the failed first one, on which the quorum is
 * then waived. Checks the item named (in this collectivity, else NOT_FOUND) against the rules of src/domain.
 */
export async function assertCarriedOver(em: EntityManager, ctx: SessionContext, carriedFromItemId: string): Promise<void> {
  const collectivityId = ctx.collectivity.id;
  const source = assertFound(await em.getRepository(Item).findOneBy({ id: carriedFromItemId, collectivityId }), 'Item (carriedFromItemId)', carriedFromItemId);
  const into = await em.getRepository(Item).findOneBy({ carriedFromItemId, collectivityId });
  assertCarryOver(
    { secondConvocation: ctx.session.secondConvocation, firstConvocationSessionId: ctx.session.firstConvocationSessionId, profile: ctx.body.ruleProfile },
    { id: source.id, sessionId: source.sessionId, number: source.number, status: source.status, carriedInto: into ? { id: into.id, number: into.number } : null },
  );
}

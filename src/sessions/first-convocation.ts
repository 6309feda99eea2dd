import { EntityManager } from 'typeorm';
import { computeAttendance } from '../domain/attendance';
import { assertFound } from '../domain/errors';
import { assertSecondConvocation, FirstConvocation } from '../domain/second-convocation';
import type { ProfileCode } from '../domain/types';
import { itemContext, loadSessionContext, localParts, timeZoneOfCollectivity } from '../register/session-context';
import { Session, SessionTransition } from './session.entity';

/** What the register holds of a first convocation: its quorum at the opening, computed at position 1 (L2121-17). */
export async function firstConvocationFacts(em: EntityManager, collectivityId: string, id: string): Promise<FirstConvocation & { localTime: string }> {
  assertFound(await em.getRepository(Session).findOneBy({ id, collectivityId }), 'Session (firstConvocationSessionId)', id);
  const ctx = await loadSessionContext(em, collectivityId, id);
  const opening = computeAttendance(itemContext(ctx, 1));
  const convened = await em.getRepository(SessionTransition).existsBy({ sessionId: id, collectivityId, toStatus: 'convened' });
  return {
    id, bodyId: ctx.session.bodyId, localDate: ctx.localDate, localTime: ctx.localTime, status: ctx.session.status, convened,
    secondConvocation: ctx.session.secondConvocation, votedItem: ctx.items.find((i) => i.status === 'voted')?.number ?? null,
    openingRecorded: ctx.attendance.length > 0,
    openingQuorum: { needed: opening.quorum.needed, counted: opening.quorum.counted, met: opening.quorum.met },
  };
}

type Convocation = Pick<Session, 'collectivityId' | 'bodyId' | 'startsAt' | 'secondConvocation' | 'firstConvocationSessionId'> & { id?: string };

/** A second convocation waives the quorum: only after a failed first one of the same body, three clear days before. */
export async function assertConvocation(em: EntityManager, s: Convocation, profile: ProfileCode): Promise<void> {
  const first = s.firstConvocationSessionId ? await firstConvocationFacts(em, s.collectivityId, s.firstConvocationSessionId) : null;
  assertSecondConvocation({
    id: s.id, bodyId: s.bodyId, localDate: localParts(s.startsAt, await timeZoneOfCollectivity(em, s.collectivityId)).date, profile,
    secondConvocation: s.secondConvocation, firstConvocationSessionId: s.firstConvocationSessionId,
  }, first);
}

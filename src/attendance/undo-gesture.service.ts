import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { Proxy } from '../proxies/proxy.entity';
import { loadSessionContext, SessionContext } from '../register/session-context';
import { AttendanceChangeRow } from './attendance.entity';
import { assertNoVoteFrom } from './attendance.service';

/** The last gesture recorded in a session: an arrival, a departure or a proxy handed in. */
export interface LastGesture {
  kind: 'arrival' | 'departure' | 'proxy';
  id: string;
  memberId: string;
  /** For a proxy: its holder. */
  holderId: string | null;
  /** Position of the first item it applies to. */
  position: number;
  createdAt: Date;
}

/**
 * Undoes the last gesture of a session while the items it touches are not voted (the database refuses it too:
 * attendance and proxies of a voted item are sealed). The caller names the gesture it saw as the last one, so that
 * of two secretaries the second does not undo a gesture he never saw.
 */
@Injectable()
export class UndoGestureService {
  constructor(private readonly uow: UnitOfWork) {}

  last(collectivityId: string, sessionId: string): Promise<LastGesture | null> {
    return this.uow.run(collectivityId, async (em) => lastGesture(em, await loadSessionContext(em, collectivityId, sessionId)), { useCase: 'gesture.last' });
  }

  undo(collectivityId: string, sessionId: string, gestureId: string) {
    return this.uow.run(collectivityId, async (em) => {
      const ctx = await loadSessionContext(em, collectivityId, sessionId, true);
      const last = await lastGesture(em, ctx);
      if (!last) throw new DomainError('NOT_FOUND', 'No gesture to undo in this session', { field: 'gestureId' });
      if (last.id !== gestureId) {
        throw new DomainError('CONFLICT_STALE_VERSION', `The last gesture is now ${last.kind} ${last.id}, not ${gestureId}: reload`, { field: 'gestureId', expected: last.id });
      }
      assertNoVoteFrom(ctx, last.position);
      if (last.kind === 'proxy') await em.getRepository(Proxy).delete({ id: last.id, collectivityId });
      else await em.getRepository(AttendanceChangeRow).delete({ id: last.id, collectivityId });
      return { undone: last };
    }, { useCase: 'gesture.undo' });
  }
}

async function lastGesture(em: EntityManager, ctx: SessionContext): Promise<LastGesture | null> {
  const position = (itemId: string | null) => (itemId ? (ctx.items.find((i) => i.id === itemId)?.position ?? 1) : 1);
  const change = await em.getRepository(AttendanceChangeRow).findOne({ where: { sessionId: ctx.session.id, collectivityId: ctx.session.collectivityId }, order: { createdAt: 'DESC', id: 'DESC' } });
  // A proxy handed in for this session: one whose first session is this one (a proxy for several sessions is undone
  // in the session where it was given).
  const proxies: { id: string; giver_id: string; holder_id: string; from_item_id: string | null; created_at: Date }[] = await em.query(
    `SELECT p.id, p.giver_id, p.holder_id, ps.from_item_id, p.created_at FROM proxy p
       JOIN proxy_session ps ON ps.proxy_id = p.id AND ps.session_id = $1
      WHERE p.collectivity_id = $2 AND p.revoked_at IS NULL AND ps.revoked_from_item_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM proxy_session o JOIN session s ON s.id = o.session_id
                         WHERE o.proxy_id = p.id AND s.starts_at < (SELECT starts_at FROM session WHERE id = $1))
      ORDER BY p.created_at DESC, p.id DESC LIMIT 1`,
    [ctx.session.id, ctx.session.collectivityId],
  );
  const proxy = proxies[0] ?? null;
  if (proxy && (!change || proxy.created_at > change.createdAt)) {
    return { kind: 'proxy', id: proxy.id, memberId: proxy.giver_id, holderId: proxy.holder_id, position: position(proxy.from_item_id), createdAt: proxy.created_at };
  }
  if (!change) return null;
  return { kind: change.kind, id: change.id, memberId: change.memberId, holderId: null, position: position(change.fromItemId), createdAt: change.createdAt };
}

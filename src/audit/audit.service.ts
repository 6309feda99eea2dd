import { Injectable } from '@nestjs/common';
import { PageQuery, pageOf } from '../common/pagination.dto';
import { UnitOfWork } from '../database/unit-of-work';
import { Item } from '../deliberations/item.entity';
import { assertFound } from '../domain/errors';
import { Session } from '../sessions/session.entity';
import { AuditEntry } from './audit-entry.entity';

/** The audit trail of a session or an act, oldest first: who wrote what, when, in which use case. */
@Injectable()
export class AuditService {
  constructor(private readonly uow: UnitOfWork) {}

  ofSession(collectivityId: string, sessionId: string, q: PageQuery) {
    return this.uow.run(collectivityId, async (em) => {
      assertFound(await em.getRepository(Session).findOneBy({ id: sessionId, collectivityId }), 'Session', sessionId);
      return this.page(await em.getRepository(AuditEntry).findAndCount({ where: { collectivityId, sessionId }, order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }), q);
    });
  }

  ofItem(collectivityId: string, itemId: string, q: PageQuery) {
    return this.uow.run(collectivityId, async (em) => {
      assertFound(await em.getRepository(Item).findOneBy({ id: itemId, collectivityId }), 'Item', itemId);
      return this.page(await em.getRepository(AuditEntry).findAndCount({ where: { collectivityId, itemId }, order: { id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }), q);
    });
  }

  private page([rows, total]: [AuditEntry[], number], q: PageQuery) {
    return pageOf(rows.map((r) => ({
      id: Number(r.id), at: r.at, actor: { kind: r.actorKind, accountId: r.actorId, tokenId: r.tokenId, label: r.actorLabel },
      useCase: r.useCase, requestId: r.requestId, table: r.tableName, operation: r.operation, rowId: r.rowId,
      sessionId: r.sessionId, itemId: r.itemId, changes: r.changes,
    })), total, q);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError, assertFound, assertVersion } from '../domain/errors';
import { ActesNature, assertActeIdentifierOf, assertPublishedNumber, formatItemNumber } from '../domain/numbering';
import { assertItemTransition } from '../domain/session-lifecycle';
import { factsOf, refusePatchOfFacts } from '../domain/executoire';
import { loadSessionContext, SessionContext } from '../register/session-context';
import { CreateItemDto, CreateRecusalDto, UpdateItemDto } from './dto/item.dto';
import { assertCarriedOver } from './carry-over';
import { Item, ItemRecusal } from './item.entity';
import { nextSeq } from './item-numbering';

@Injectable()
export class ItemsService {
  constructor(private readonly uow: UnitOfWork) {}

  create(collectivityId: string, sessionId: string, dto: CreateItemDto) {
    return this.uow.run(collectivityId, async (em) => {
      const ctx = await loadSessionContext(em, collectivityId, sessionId, true);
      assertEditable(ctx);
      this.assertMembers(ctx, { rapporteurId: dto.rapporteurId, presidentId: dto.presidentId });
      if (dto.carriedFromItemId) await assertCarriedOver(em, ctx, dto.carriedFromItemId);
      const last = ctx.items.length;
      const position = dto.position ?? last + 1;
      if (position > last + 1) {
        throw new DomainError('ITEM_POSITION_INVALID', `position must be between 1 and ${last + 1}`, { field: 'position', max: last + 1 });
      }
      if (position <= last) {
        // Make room: later items move down one place (the unique constraint is deferred for this).
        await em.query(`SET CONSTRAINTS item_position_unique DEFERRED`);
        await em.query(`UPDATE item SET position = position + 1, version = version + 1 WHERE session_id = $1 AND position >= $2`, [sessionId, position]);
      }
      const year = Number(ctx.localDate.slice(0, 4));
      const seq = await nextSeq(em, collectivityId, ctx.body.id, year, dto.seq);
      const numberGiven = dto.number !== undefined;
      const number = numberGiven
        ? await assertNumberFree(em, ctx.body.id, year, assertPublishedNumber(dto.number!))
        : formatItemNumber(ctx.body.numberPattern, { date: ctx.localDate, seq, bodyCode: ctx.body.code ?? undefined });
      const repo = em.getRepository(Item);
      const item = await repo.save(repo.create({
        collectivityId, sessionId, bodyId: ctx.body.id, position, number, numberGiven, year, seq, object: dto.object,
        rapporteurId: dto.rapporteurId ?? null, presidentId: dto.presidentId ?? null, carriedFromItemId: dto.carriedFromItemId ?? null, actesNature: dto.actesNature ?? 'DE',
        matiereCode: dto.matiereCode ?? null, reasonsMd: dto.reasonsMd ?? '', decisionMd: dto.decisionMd ?? '', status: 'draft',
      }));
      return item;
    }, { useCase: 'item.create' });
  }

  update(collectivityId: string, id: string, dto: UpdateItemDto) {
    return this.uow.run(collectivityId, async (em) => {
      const found = assertFound(await em.getRepository(Item).findOneBy({ id, collectivityId }), 'Item', id);
      const ctx = await loadSessionContext(em, collectivityId, found.sessionId, true);
      const item = assertFound(await em.getRepository(Item).findOne({ where: { id, collectivityId }, lock: { mode: 'pessimistic_write' } }), 'Item', id);
      const { version: _v, ...changes } = dto;
      // The exécutoire facts are recorded once by their own use cases (src/deliberations/executoire.service.ts).
      refusePatchOfFacts(factsOf(item), Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined), item);
      assertVersion('Item', id, dto.version, item.version);
      // After the vote (or the session's close) the act's text is sealed.
      assertEditable(ctx);
      if (item.status === 'voted') throw new DomainError('ITEM_SEALED', `Item ${item.number} is voted: its text cannot change`, { itemId: id });
      if (dto.status !== undefined && dto.status !== item.status) assertItemTransition(item.status, dto.status);
      this.assertMembers(ctx, { rapporteurId: dto.rapporteurId, presidentId: dto.presidentId });
      Object.assign(item, changes, { version: item.version + 1 });
      return em.getRepository(Item).save(item);
    }, { useCase: 'item.update' });
  }

  async list(collectivityId: string, sessionId: string) {
    const ctx = await this.uow.run(collectivityId, (em) => loadSessionContext(em, collectivityId, sessionId), { isolation: 'REPEATABLE READ' });
    return { items: ctx.items, page: 1, pageSize: ctx.items.length, total: ctx.items.length };
  }

  get(collectivityId: string, id: string) {
    return this.uow.run(collectivityId, async (em) => {
      const item = assertFound(await em.getRepository(Item).findOneBy({ id, collectivityId }), 'Item', id);
      const recusals = await em.getRepository(ItemRecusal).find({ where: { itemId: id, collectivityId } });
      return { ...item, recusals };
    });
  }

  findByNumber(collectivityId: string, number: string) {
    return this.uow.run(collectivityId, async (em) =>
      assertFound(await em.getRepository(Item).findOne({ where: { collectivityId, number }, order: { year: 'DESC' } }), 'Deliberation', number));
  }

  /** A member declares he does not take part in the item (L2131-11): recorded before the vote. */
  addRecusal(collectivityId: string, itemId: string, dto: CreateRecusalDto) {
    return this.uow.run(collectivityId, async (em) => {
      const found = assertFound(await em.getRepository(Item).findOneBy({ id: itemId, collectivityId }), 'Item', itemId);
      const ctx = await loadSessionContext(em, collectivityId, found.sessionId, true);
      assertEditable(ctx);
      if (found.status === 'voted') throw new DomainError('ITEM_ALREADY_VOTED', `Item ${found.number} is already voted`, { itemId });
      if (!ctx.membersById.has(dto.memberId)) {
        throw new DomainError('MEMBER_NOT_IN_OFFICE', `memberId: member ${dto.memberId} is not in office in this body`, { field: 'memberId' });
      }
      const repo = em.getRepository(ItemRecusal);
      return repo.save(repo.create({ collectivityId, itemId, memberId: dto.memberId, reason: dto.reason ?? null }));
    }, { useCase: 'item.addRecusal' });
  }

  private assertMembers(ctx: SessionContext, ids: Record<string, string | undefined>) {
    for (const [field, id] of Object.entries(ids)) {
      if (id && !ctx.membersById.has(id)) throw new DomainError('MEMBER_NOT_IN_OFFICE', `${field}: member ${id} is not in office in this body`, { field, memberId: id });
    }
  }
}

/** A closed session's record is sealed (the database refuses too; this gives the clearer message). */
export function assertEditable(ctx: SessionContext): void {
  if (ctx.session.status === 'closed' || ctx.session.status === 'cancelled') {
    throw new DomainError('SESSION_CLOSED', `Session ${ctx.session.id} is ${ctx.session.status}: its record is sealed`, { sessionId: ctx.session.id });
  }
}

/**
 * The @ctes identifier the platform returned, stored as given: read from both ends (its number may hold hyphens),
 * it must name the collectivity, the act's local date and its nature.
 */
export function assertActeId(ctx: SessionContext, acteId: string, nature: ActesNature): void {
  const c = ctx.collectivity;
  assertActeIdentifierOf(acteId, { departementCode: c.departementCode, siren: c.siren, date: ctx.localDate, nature });
}

/** A number given as published is unique per body and year (the constraint item_number_unique says so too). */
async function assertNumberFree(em: EntityManager, bodyId: string, year: number, number: string): Promise<string> {
  const taken: { id: string }[] = await em.query(`SELECT id FROM item WHERE body_id = $1 AND year = $2 AND number = $3`, [bodyId, year, number]);
  if (taken.length > 0) {
    throw new DomainError('ITEM_NUMBER_TAKEN', `number ${number} is already the number of a deliberation of this body in ${year}`, { field: 'number', number, year, itemId: taken[0].id });
  }
  return number;
}

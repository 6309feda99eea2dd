import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { assertFound, assertVersion, DomainError } from '../domain/errors';
import { assertExecutoireFacts, assertNotRecorded, EXECUTOIRE_FIELDS, ExecutoireFacts, ExecutoireField, factsOf } from '../domain/executoire';
import type { ActesNature } from '../domain/numbering';
import { loadSessionContext, localParts } from '../register/session-context';
import { CorrectExecutoireDto, RecordAcknowledgementDto, RecordPublicationDto, RecordTransmissionDto } from './dto/executoire.dto';
import { ExecutoireCorrection, Item } from './item.entity';
import { assertActeId } from './items.service';

const COLUMN: Record<ExecutoireField, ExecutoireCorrection['field']> = {
  transmittedAt: 'transmitted_at', receivedAt: 'received_at', acteId: 'acte_id', publishedAt: 'published_at',
};

/**
 * The exécutoire facts of an adopted act (L2131-1), each recorded once by its own use case: sent to the préfecture,
 * received there (date of receipt and the platform's identifier), published. A mistake is corrected with a reason.
 * The database refuses an overwrite too (RG003), and the audit trail keeps both values.
 */
@Injectable()
export class ExecutoireService {
  constructor(private readonly uow: UnitOfWork) {}

  recordTransmission(collectivityId: string, itemId: string, dto: RecordTransmissionDto) {
    return this.record(collectivityId, itemId, dto.version, { transmittedAt: dto.transmittedAt }, 'item.recordTransmission');
  }

  recordAcknowledgement(collectivityId: string, itemId: string, dto: RecordAcknowledgementDto) {
    return this.record(collectivityId, itemId, dto.version, { receivedAt: dto.receivedAt, acteId: dto.acteId }, 'item.recordAcknowledgement');
  }

  recordPublication(collectivityId: string, itemId: string, dto: RecordPublicationDto) {
    return this.record(collectivityId, itemId, dto.version, { publishedAt: dto.publishedAt }, 'item.recordPublication');
  }

  /** Changes recorded facts; each change is written with its reason before the item, which the trigger checks. */
  correct(collectivityId: string, itemId: string, dto: CorrectExecutoireDto) {
    return this.uow.run(collectivityId, async (em) => {
      const item = await this.lock(em, collectivityId, itemId);
      assertVersion('Item', itemId, dto.version, item.version);
      const facts = factsOf(item);
      const changes = EXECUTOIRE_FIELDS.filter((f) => dto[f] !== undefined && dto[f] !== facts[f]);
      if (changes.length === 0) {
        throw new DomainError('VALIDATION_FAILED', `A correction changes at least one of ${EXECUTOIRE_FIELDS.join(', ')} from its recorded value`, { field: 'transmittedAt' });
      }
      const notRecorded = changes.find((f) => facts[f] === null);
      if (notRecorded) {
        throw new DomainError('VALIDATION_FAILED', `${notRecorded} is not recorded yet: a correction changes a recorded fact`, { field: notRecorded });
      }
      const next = { ...facts, ...Object.fromEntries(changes.map((f) => [f, dto[f] ?? null])) } as ExecutoireFacts;
      await this.assertValid(em, item, next);
      const reason = dto.reason.trim();
      await em.getRepository(ExecutoireCorrection).insert(changes.map((f) => ({
        collectivityId, itemId, field: COLUMN[f], before: facts[f], after: next[f], reason,
      })));
      return this.write(em, item, next);
    }, { useCase: 'item.correctExecutoire' });
  }

  private record(collectivityId: string, itemId: string, version: number, facts: Partial<ExecutoireFacts>, useCase: string) {
    return this.uow.run(collectivityId, async (em) => {
      const item = await this.lock(em, collectivityId, itemId);
      const current = factsOf(item);
      const fields = Object.keys(facts) as ExecutoireField[];
      // The same facts sent again (a retried request) change nothing.
      if (fields.every((f) => current[f] === facts[f])) return item;
      for (const f of fields.filter((f) => current[f] !== facts[f])) assertNotRecorded(current, f, item);
      assertVersion('Item', itemId, version, item.version);
      const next = { ...current, ...facts };
      await this.assertValid(em, item, next);
      return this.write(em, item, next);
    }, { useCase });
  }

  private async assertValid(em: EntityManager, item: Item, next: ExecutoireFacts): Promise<void> {
    const ctx = await loadSessionContext(em, item.collectivityId, item.sessionId);
    assertExecutoireFacts(next, { number: item.number, status: item.status, sessionDate: ctx.localDate }, localParts(new Date()).date);
    if (next.acteId !== null && next.acteId !== item.acteId) assertActeId(ctx, next.acteId, (item.actesNature ?? 'DE') as ActesNature);
  }

  private async write(em: EntityManager, item: Item, next: ExecutoireFacts): Promise<Item> {
    await em.getRepository(Item).update({ id: item.id, collectivityId: item.collectivityId }, { ...next, version: item.version + 1 });
    return em.getRepository(Item).findOneByOrFail({ id: item.id, collectivityId: item.collectivityId });
  }

  private async lock(em: EntityManager, collectivityId: string, id: string): Promise<Item> {
    return assertFound(await em.getRepository(Item).findOne({ where: { id, collectivityId }, lock: { mode: 'pessimistic_write' } }), 'Item', id);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { Item } from '../deliberations/item.entity';
import { assertFound, assertVersion, DomainError } from '../domain/errors';
import { assertAdoptable, assertDebatesEditable, assertPublishable, SessionFacts } from '../domain/minutes';
import { localParts, timeZoneOfCollectivity } from '../register/session-context';
import { Session } from '../sessions/session.entity';
import { AdoptMinutesDto, PublishMinutesDto, WriteDebatesDto } from './dto/minutes.dto';
import { loadMinutes, minutesView } from './minutes-record';
import { Minutes } from './minutes.entity';

const facts = (s: Session): SessionFacts => ({ id: s.id, bodyId: s.bodyId, status: s.status, startsAt: s.startsAt });

/**
 * The procès-verbal (L2121-15): debates written during and after the session, adoption at a later session
 * of the body, publication. Each write is one transaction on the locked minutes row and bumps its version.
 */
@Injectable()
export class MinutesService {
  constructor(private readonly uow: UnitOfWork) {}

  get(collectivityId: string, sessionId: string) {
    return this.uow.run(collectivityId, (em) => this.view(em, collectivityId, sessionId), { isolation: 'REPEATABLE READ' });
  }

  writeDebates(collectivityId: string, sessionId: string, itemId: string, dto: WriteDebatesDto) {
    return this.uow.run(collectivityId, async (em) => {
      const session = await this.session(em, collectivityId, sessionId);
      const item = await em.getRepository(Item).findOneBy({ id: itemId, collectivityId });
      if (!item || item.sessionId !== sessionId) {
        throw new DomainError('NOT_FOUND', `Item ${itemId} is not on the agenda of session ${sessionId}`, { entity: 'Item', id: itemId });
      }
      assertDebatesEditable({ status: 'draft' }, session);
      const minutes = await this.lockMinutes(em, collectivityId, sessionId);
      assertDebatesEditable(minutes, session);
      assertVersion('Minutes', sessionId, dto.version, minutes.version);
      if (dto.textMd.trim() === '') {
        await em.query(`DELETE FROM minutes_debate WHERE minutes_id = $1 AND item_id = $2`, [minutes.id, itemId]);
      } else {
        await em.query(
          `INSERT INTO minutes_debate (collectivity_id, minutes_id, item_id, text_md) VALUES ($1, $2, $3, $4)
           ON CONFLICT ON CONSTRAINT minutes_debate_item_unique DO UPDATE SET text_md = EXCLUDED.text_md, updated_at = now()`,
          [collectivityId, minutes.id, itemId, dto.textMd],
        );
      }
      await this.bump(em, minutes);
      return this.view(em, collectivityId, sessionId);
    }, { useCase: 'minutes.writeDebates' });
  }

  /** L2121-15: adopted "lors de la séance suivante": a later session of the same body, sitting. */
  adopt(collectivityId: string, sessionId: string, dto: AdoptMinutesDto) {
    return this.uow.run(collectivityId, async (em) => {
      const pv = await this.session(em, collectivityId, sessionId);
      // Shared lock: the adopting session cannot be closed while the adoption is written.
      const at = assertFound(
        await em.getRepository(Session).findOne({ where: { id: dto.adoptedAtSessionId, collectivityId }, lock: { mode: 'pessimistic_read' } }),
        'Session', dto.adoptedAtSessionId,
      );
      const minutes = await this.lockMinutes(em, collectivityId, sessionId);
      assertVersion('Minutes', sessionId, dto.version, minutes.version);
      assertAdoptable(minutes, facts(pv), facts(at));
      Object.assign(minutes, { status: 'adopted', adoptedAtSessionId: at.id, adoptedOn: localParts(at.startsAt, await timeZoneOfCollectivity(em, collectivityId)).date });
      await this.bump(em, minutes);
      return this.view(em, collectivityId, sessionId);
    }, { useCase: 'minutes.adopt' });
  }

  /** The publication date, set once after adoption (L2121-15: within the week). */
  publish(collectivityId: string, sessionId: string, dto: PublishMinutesDto) {
    return this.uow.run(collectivityId, async (em) => {
      await this.session(em, collectivityId, sessionId);
      const minutes = await this.lockMinutes(em, collectivityId, sessionId);
      assertVersion('Minutes', sessionId, dto.version, minutes.version);
      assertPublishable(minutes, dto.publishedOn, localParts(new Date(), await timeZoneOfCollectivity(em, collectivityId)).date);
      minutes.publishedOn = dto.publishedOn;
      await this.bump(em, minutes);
      return this.view(em, collectivityId, sessionId);
    }, { useCase: 'minutes.publish' });
  }

  private async view(em: EntityManager, collectivityId: string, sessionId: string) {
    await this.session(em, collectivityId, sessionId);
    const { row, record, debates } = await loadMinutes(em, collectivityId, sessionId);
    const items = await em.getRepository(Item).find({ where: { sessionId, collectivityId }, order: { position: 'ASC' } });
    return minutesView(sessionId, row, record, debates, items);
  }

  private async session(em: EntityManager, collectivityId: string, id: string): Promise<Session> {
    return assertFound(await em.getRepository(Session).findOneBy({ id, collectivityId }), 'Session', id);
  }

  /** The minutes row, created blank at version 1 on the first write, locked for the transaction. */
  private async lockMinutes(em: EntityManager, collectivityId: string, sessionId: string): Promise<Minutes> {
    await em.query(`INSERT INTO minutes (collectivity_id, session_id) VALUES ($1, $2) ON CONFLICT ON CONSTRAINT minutes_session_unique DO NOTHING`, [collectivityId, sessionId]);
    return em.getRepository(Minutes).findOneOrFail({ where: { sessionId, collectivityId }, lock: { mode: 'pessimistic_write' } });
  }

  private async bump(em: EntityManager, minutes: Minutes): Promise<void> {
    minutes.version += 1;
    await em.getRepository(Minutes).save(minutes);
  }
}

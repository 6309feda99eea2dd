import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { Body } from '../collectivities/body.entity';
import { Collectivity } from '../collectivities/collectivity.entity';
import { PageQuery, pageOf } from '../common/pagination.dto';
import { UnitOfWork } from '../database/unit-of-work';
import { checkConvocationNotice } from '../domain/convocation-notice';
import { DomainError, assertFound, assertVersion } from '../domain/errors';
import { assertCarriedItemsKeepLink } from '../domain/second-convocation';
import { assertTransition, SessionStatus } from '../domain/session-lifecycle';
import { Item } from '../deliberations/item.entity';
import { renumberItems } from '../deliberations/item-numbering';
import { presenceAt } from '../domain/attendance';
import { Member } from '../members/member.entity';
import { Minutes } from '../minutes/minutes.entity';
import { itemContext, loadSessionContext, localParts, membersInOffice, timeZoneOfCollectivity } from '../register/session-context';
import { CreateSessionDto, TransitionDto, UpdateSessionDto } from './dto/session.dto';
import { assertConvocation, firstConvocationFacts } from './first-convocation';
import { Session, SessionSecretary, SessionTransition } from './session.entity';

@Injectable()
export class SessionsService {
  constructor(private readonly uow: UnitOfWork) {}

  create(collectivityId: string, dto: CreateSessionDto) {
    return this.uow.run(collectivityId, async (em) => {
      const body = assertFound(await em.getRepository(Body).findOneBy({ id: dto.bodyId, collectivityId }), 'Body', dto.bodyId);
      const startsAt = new Date(dto.startsAt);
      const timeZone = await timeZoneOfCollectivity(em, collectivityId);
      assertConvokedBefore(dto.convocationDate ?? null, startsAt, timeZone);
      const repo = em.getRepository(Session);
      const draft = repo.create({
        collectivityId, bodyId: body.id, startsAt, place: dto.place ?? null, convocationDate: dto.convocationDate ?? null,
        secondConvocation: dto.secondConvocation ?? false, firstConvocationSessionId: dto.firstConvocationSessionId ?? null, presidentId: null, status: 'planned',
        urgency: dto.urgency ?? false,
      });
      await assertNotice(em, draft, timeZone);
      await assertConvocation(em, draft, body.ruleProfile);
      const session = await repo.save(draft);
      await this.assignOfficers(em, session, dto.presidentId, dto.secretaryIds);
      return this.view(em, collectivityId, session.id);
    }, { useCase: 'session.create' });
  }

  update(collectivityId: string, id: string, dto: UpdateSessionDto) {
    return this.uow.run(collectivityId, async (em) => {
      const session = await this.lock(em, collectivityId, id);
      assertVersion('Session', id, dto.version, session.version);
      if (session.status === 'closed' || session.status === 'cancelled') throw new DomainError('SESSION_CLOSED', `Session ${id} is ${session.status}`);
      await this.assertFactsMayChange(em, session, dto);
      const timeZone = await timeZoneOfCollectivity(em, collectivityId);
      const before = localParts(session.startsAt, timeZone).date;
      if (dto.startsAt) session.startsAt = new Date(dto.startsAt);
      if (dto.place !== undefined) session.place = dto.place;
      if (dto.convocationDate !== undefined) session.convocationDate = dto.convocationDate;
      if (dto.secondConvocation !== undefined) session.secondConvocation = dto.secondConvocation;
      if (dto.urgency !== undefined) session.urgency = dto.urgency;
      // Switched off, the second convocation no longer names a first one.
      if (dto.firstConvocationSessionId !== undefined || !session.secondConvocation) session.firstConvocationSessionId = dto.firstConvocationSessionId ?? null;
      assertConvokedBefore(session.convocationDate, session.startsAt, timeZone);
      if (dto.startsAt !== undefined || dto.convocationDate !== undefined || dto.urgency !== undefined) await assertNotice(em, session, timeZone);
      if (dto.startsAt !== undefined || dto.secondConvocation !== undefined || dto.firstConvocationSessionId !== undefined) {
        const body = await em.getRepository(Body).findOneByOrFail({ id: session.bodyId, collectivityId });
        await assertConvocation(em, session, body.ruleProfile);
      }
      session.version += 1;
      await em.getRepository(Session).save(session);
      await this.assignOfficers(em, session, dto.presidentId, dto.secretaryIds);
      if (dto.startsAt) await this.assertRecordFitsDate(em, collectivityId, id, before);
      return this.view(em, collectivityId, id);
    }, { useCase: 'session.update' });
  }

  /**
   * The session's facts are printed on each act it adopted: once an item is voted they are sealed.
   * L2121-17: a second convocation is decided when convening; switched on in an open session it would waive the quorum.
   */
  private async assertFactsMayChange(em: EntityManager, session: Session, dto: UpdateSessionDto): Promise<void> {
    const secretaries = (await em.getRepository(SessionSecretary).find({ where: { sessionId: session.id, collectivityId: session.collectivityId }, order: { rank: 'ASC' } }))
      .map((s) => s.memberId);
    const changed = [
      dto.startsAt !== undefined && new Date(dto.startsAt).getTime() !== session.startsAt.getTime() && 'startsAt',
      dto.place !== undefined && dto.place !== session.place && 'place',
      dto.convocationDate !== undefined && dto.convocationDate !== session.convocationDate && 'convocationDate',
      dto.secondConvocation !== undefined && dto.secondConvocation !== session.secondConvocation && 'secondConvocation',
      dto.urgency !== undefined && dto.urgency !== session.urgency && 'urgency',
      dto.firstConvocationSessionId !== undefined && dto.firstConvocationSessionId !== session.firstConvocationSessionId && 'firstConvocationSessionId',
      dto.presidentId !== undefined && dto.presidentId !== session.presidentId && 'presidentId',
      dto.secretaryIds !== undefined && dto.secretaryIds.join() !== secretaries.join() && 'secretaryIds',
    ].filter((f): f is string => !!f);
    if (changed.length === 0) return;
    const voted = await em.getRepository(Item).findOne({ where: { sessionId: session.id, collectivityId: session.collectivityId, status: 'voted' }, order: { position: 'ASC' } });
    if (voted) {
      throw new DomainError('ITEM_ALREADY_VOTED', `Item ${voted.number} is voted: ${changed.join(', ')} of its session can no longer change`, { itemId: voted.id, fields: changed });
    }
    // L2121-15: a procès-verbal adopted at this session prints its date ("adopté lors de la séance du ...").
    const adoption = changed.includes('startsAt')
      ? await em.getRepository(Minutes).findOne({ where: { adoptedAtSessionId: session.id, collectivityId: session.collectivityId } })
      : null;
    if (adoption) {
      throw new DomainError('MINUTES_SEALED', `The procès-verbal of session ${adoption.sessionId} was adopted at this session: its startsAt, which that procès-verbal prints, can no longer change (L2121-15)`, {
        field: 'startsAt', minutesSessionId: adoption.sessionId,
      });
    }
    const convocation = changed.find((f) => f === 'secondConvocation' || f === 'firstConvocationSessionId');
    if (convocation && session.status === 'open') {
      throw new DomainError('SESSION_TRANSITION_INVALID', `${convocation} is decided when convening: it cannot change once the session is open (L2121-17)`, { field: convocation });
    }
    if (convocation) {
      const where = { sessionId: session.id, collectivityId: session.collectivityId, carriedFromItemId: Not(IsNull()) };
      const carried = await em.getRepository(Item).find({ where, order: { position: 'ASC' } });
      const body = await em.getRepository(Body).findOneByOrFail({ id: session.bodyId, collectivityId: session.collectivityId });
      assertCarriedItemsKeepLink(convocation, carried.map((i) => i.number), body.ruleProfile);
    }
  }

  /** A new date changes the members in office (the attendance and officers recorded must still fit) and the items' numbers. */
  private async assertRecordFitsDate(em: EntityManager, collectivityId: string, id: string, before: string): Promise<void> {
    const ctx = await loadSessionContext(em, collectivityId, id);
    if (ctx.localDate !== before) await renumberItems(em, ctx);
    presenceAt(itemContext(ctx, 1));
    const officers = [ctx.session.presidentId, ...(await em.getRepository(SessionSecretary).findBy({ sessionId: id, collectivityId })).map((s) => s.memberId)];
    const gone = officers.find((m) => m && !ctx.membersById.has(m));
    if (gone) throw new DomainError('MEMBER_NOT_IN_OFFICE', `Member ${gone} (president or secretary) is not in office on ${ctx.localDate}`, { memberId: gone });
  }

  /** planned → convened → open → closed, through the one transition table of src/domain. */
  transition(collectivityId: string, id: string, dto: TransitionDto) {
    return this.uow.run(collectivityId, async (em) => {
      const session = await this.lock(em, collectivityId, id);
      assertVersion('Session', id, dto.version, session.version);
      const from = session.status;
      assertTransition(from, dto.to as SessionStatus);
      if (dto.to === 'open' && !session.presidentId) {
        throw new DomainError('SESSION_TRANSITION_INVALID', 'A session opens under a president: set presidentId first', { field: 'presidentId' });
      }
      session.status = dto.to as SessionStatus;
      session.version += 1;
      await em.getRepository(Session).save(session);
      await em.getRepository(SessionTransition).insert({ collectivityId, sessionId: id, fromStatus: from, toStatus: dto.to });
      return this.view(em, collectivityId, id);
    }, { useCase: `session.${dto.to}` });
  }

  async list(collectivityId: string, bodyId: string | undefined, q: PageQuery) {
    const [items, total] = await this.uow.run(collectivityId, (em) => em.getRepository(Session).findAndCount({
      where: { collectivityId, ...(bodyId ? { bodyId } : {}) }, order: { startsAt: 'DESC', id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize,
    }));
    return pageOf(items, total, q);
  }

  get(collectivityId: string, id: string) {
    return this.uow.run(collectivityId, (em) => this.view(em, collectivityId, id), { isolation: 'REPEATABLE READ' });
  }

  async view(em: EntityManager, collectivityId: string, id: string) {
    const ctx = await loadSessionContext(em, collectivityId, id);
    const transitions = await em.getRepository(SessionTransition).find({ where: { sessionId: id, collectivityId }, order: { at: 'ASC' } });
    const first = ctx.session.firstConvocationSessionId ? await firstConvocationFacts(em, collectivityId, ctx.session.firstConvocationSessionId) : null;
    return {
      ...ctx.session, localDate: ctx.localDate, localTime: ctx.localTime, body: ctx.body, profile: ctx.profile,
      // L2121-17: the failed first convocation that lets this one deliberate whatever the number present.
      firstConvocation: first && { id: first.id, localDate: first.localDate, localTime: first.localTime, status: first.status, quorum: first.openingQuorum },
      president: ctx.session.presidentId ? (ctx.membersById.get(ctx.session.presidentId) ?? null) : null,
      secretaries: ctx.secretaries,
      inOffice: ctx.members.filter((m) => m.seat === 'titulaire').length,
      items: ctx.items.map((i) => ({ id: i.id, position: i.position, number: i.number, object: i.object, status: i.status, carriedFromItemId: i.carriedFromItemId })),
      transitions,
    };
  }

  private async lock(em: EntityManager, collectivityId: string, id: string): Promise<Session> {
    return assertFound(await em.getRepository(Session).findOne({ where: { id, collectivityId }, lock: { mode: 'pessimistic_write' } }), 'Session', id);
  }

  /** President and secretaries must be members in office in the body on the session date (L2121-15). */
  private async assignOfficers(em: EntityManager, session: Session, presidentId?: string, secretaryIds?: string[]) {
    if (presidentId === undefined && secretaryIds === undefined) return;
    const date = localParts(session.startsAt, await timeZoneOfCollectivity(em, session.collectivityId)).date;
    const inOffice = new Set((await membersInOffice(em, session.collectivityId, session.bodyId, date)).map((m) => m.id));
    const check = async (memberId: string, field: string) => {
      assertFound(await em.getRepository(Member).findOneBy({ id: memberId, collectivityId: session.collectivityId }), 'Member', memberId);
      if (!inOffice.has(memberId)) throw new DomainError('MEMBER_NOT_IN_OFFICE', `${field}: member ${memberId} is not in office in this body on ${date}`, { field, memberId });
    };
    if (presidentId !== undefined) {
      await check(presidentId, 'presidentId');
      await em.getRepository(Session).update({ id: session.id }, { presidentId });
    }
    if (secretaryIds !== undefined) {
      if (new Set(secretaryIds).size !== secretaryIds.length) throw new DomainError('VALIDATION_FAILED', 'secretaryIds: duplicates', { field: 'secretaryIds' });
      for (const s of secretaryIds) await check(s, 'secretaryIds');
      const current = await em.getRepository(SessionSecretary).find({ where: { sessionId: session.id }, order: { rank: 'ASC' } });
      // Sending the same secretaries again writes nothing (once an item is voted, the database refuses any write).
      if (current.map((c) => c.memberId).join() === secretaryIds.join()) return;
      await em.getRepository(SessionSecretary).delete({ sessionId: session.id });
      let rank = 1;
      for (const memberId of secretaryIds) await em.getRepository(SessionSecretary).insert({ collectivityId: session.collectivityId, sessionId: session.id, memberId, rank: rank++ });
    }
  }
}

/** Members are convened before the session (L2121-10 to L2121-12): a convocation dated after it is a typing error. */
/** L2121-11, L2121-12: three or five clear days of notice by the collectivity's population, one at least in urgency. */
async function assertNotice(em: EntityManager, session: Session, timeZone: string): Promise<void> {
  const c = await em.getRepository(Collectivity).findOneByOrFail({ id: session.collectivityId });
  checkConvocationNotice({
    kind: c.kind, population: c.population, convocationDate: session.convocationDate, sessionDate: localParts(session.startsAt, timeZone).date, urgency: session.urgency,
  });
}

function assertConvokedBefore(convocationDate: string | null, startsAt: Date, timeZone: string): void {
  const date = localParts(startsAt, timeZone).date;
  if (convocationDate && convocationDate > date) {
    throw new DomainError('VALIDATION_FAILED', `convocationDate ${convocationDate} is after the session of ${date}`, { field: 'convocationDate' });
  }
}

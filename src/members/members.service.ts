import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Body } from '../collectivities/body.entity';
import { Collectivity } from '../collectivities/collectivity.entity';
import { PageQuery, pageOf } from '../common/pagination.dto';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError, assertFound } from '../domain/errors';
import { profileFor } from '../domain/rule-profiles';
import { assertIsoDate } from '../domain/iso-date';
import { membersInOffice } from '../register/session-context';
import { CreateMemberDto, CreateMembershipDto } from './dto/create-member.dto';
import { Member } from './member.entity';
import { Membership } from './membership.entity';

@Injectable()
export class MembersService {
  constructor(private readonly uow: UnitOfWork) {}

  create(collectivityId: string, dto: CreateMemberDto) {
    return this.uow.run(collectivityId, (em) => this.createIn(em, collectivityId, dto), { useCase: 'member.create' });
  }

  /** The same use case inside a caller's transaction (the RNE import creates many members at once). */
  async createIn(em: EntityManager, collectivityId: string, dto: CreateMemberDto) {
    assertFound(await em.getRepository(Collectivity).findOneBy({ id: collectivityId }), 'Collectivity', collectivityId);
    const repo = em.getRepository(Member);
    const member = await repo.save(repo.create({
      collectivityId, civility: dto.civility, firstName: dto.firstName, lastName: dto.lastName, birthDate: dto.birthDate ?? null,
    }));
    const memberships = [];
    for (const m of dto.memberships ?? []) memberships.push(await this.insertMembership(em, collectivityId, member.id, m));
    return { ...member, memberships };
  }

  addMembership(collectivityId: string, memberId: string, dto: CreateMembershipDto) {
    return this.uow.run(collectivityId, (em) => this.addMembershipIn(em, collectivityId, memberId, dto), { useCase: 'membership.create' });
  }

  async addMembershipIn(em: EntityManager, collectivityId: string, memberId: string, dto: CreateMembershipDto) {
    assertFound(await em.getRepository(Member).findOneBy({ id: memberId, collectivityId }), 'Member', memberId);
    return this.insertMembership(em, collectivityId, memberId, dto);
  }

  private async insertMembership(em: EntityManager, collectivityId: string, memberId: string, dto: CreateMembershipDto) {
    const body = assertFound(await em.getRepository(Body).findOneBy({ id: dto.bodyId, collectivityId }), 'Body', dto.bodyId);
    if (dto.seat === 'suppleant') {
      // L5211-6: suppléants exist only where the body's rules provide for them.
      if (!profileFor(body.ruleProfile, dto.startDate, body.customRules ?? undefined).settings.suppleants) {
        throw new DomainError('SUPPLEANT_NOT_ALLOWED', `Body ${body.name} has no suppléants under its rule profile (${body.ruleProfile})`, { bodyId: body.id });
      }
      if (!dto.titulaireId) throw new DomainError('VALIDATION_FAILED', 'titulaireId is required for a suppléant', { field: 'titulaireId' });
      if (dto.titulaireId === memberId) throw new DomainError('SUPPLEANT_MISMATCH', 'A suppléant cannot stand in for himself', { field: 'titulaireId' });
      assertFound(await em.getRepository(Member).findOneBy({ id: dto.titulaireId, collectivityId }), 'Member', dto.titulaireId);
    } else if (dto.titulaireId) {
      throw new DomainError('VALIDATION_FAILED', 'titulaireId is only for a suppléant', { field: 'titulaireId' });
    }
    if (dto.endDate && dto.endDate < dto.startDate) throw new DomainError('VALIDATION_FAILED', 'endDate must not be before startDate', { field: 'endDate' });
    // One seat at a time in a body: an overlap would count the member twice among those in office.
    // The member's row is locked so that two requests at once cannot both pass this check.
    await em.getRepository(Member).findOne({ where: { id: memberId, collectivityId }, lock: { mode: 'pessimistic_write' } });
    const overlap: { start_date: string; end_date: string | null }[] = await em.query(
      `SELECT start_date, end_date FROM membership
        WHERE collectivity_id = $1 AND body_id = $2 AND member_id = $3
          AND start_date <= COALESCE($5::date, 'infinity') AND COALESCE(end_date, 'infinity') >= $4::date`,
      [collectivityId, body.id, memberId, dto.startDate, dto.endDate ?? null],
    );
    if (overlap.length) {
      const o = overlap[0];
      throw new DomainError('DUPLICATE', `This membership overlaps the member's seat in ${body.name} from ${o.start_date}${o.end_date ? ` to ${o.end_date}` : ''}`, {
        field: 'startDate', bodyId: body.id,
      });
    }
    await this.assertNoSealedSessionIn(em, collectivityId, body, dto.startDate, dto.endDate ?? null);
    const repo = em.getRepository(Membership);
    return repo.save(repo.create({
      collectivityId, bodyId: body.id, memberId, seat: dto.seat, titulaireId: dto.titulaireId ?? null, title: dto.title ?? null, tableRank: dto.tableRank ?? null,
      startDate: dto.startDate, endDate: dto.endDate ?? null,
    }));
  }

  /**
   * A new seat changes the members in office of every session of the body in its period: not of a session already
   * closed or that has voted (its membres en exercice are on record). The sessions are locked against a vote meanwhile.
   */
  private async assertNoSealedSessionIn(em: EntityManager, collectivityId: string, body: Body, start: string, end: string | null): Promise<void> {
    const sessions: { id: string; status: string; local_date: string }[] = await em.query(
      `SELECT s.id, s.status, to_char((s.starts_at AT TIME ZONE c.time_zone)::date, 'YYYY-MM-DD') AS local_date
         FROM session s JOIN collectivity c ON c.id = s.collectivity_id
        WHERE s.collectivity_id = $1 AND s.body_id = $2
          AND (s.starts_at AT TIME ZONE c.time_zone)::date BETWEEN $3::date AND COALESCE($4::date, 'infinity')
        ORDER BY s.starts_at, s.id FOR UPDATE OF s`,
      [collectivityId, body.id, start, end],
    );
    const closed = sessions.find((s) => s.status === 'closed');
    if (closed) {
      throw new DomainError('SESSION_CLOSED', `The session of ${closed.local_date} of ${body.name} is closed: its members in office can no longer change`, { sessionId: closed.id, field: 'startDate' });
    }
    if (sessions.length === 0) return;
    const voted: { number: string; id: string }[] = await em.query(
      `SELECT id, number FROM item WHERE collectivity_id = $1 AND session_id = ANY($2::uuid[]) AND status = 'voted' ORDER BY year, seq LIMIT 1`,
      [collectivityId, sessions.map((s) => s.id)],
    );
    if (voted.length) {
      throw new DomainError('ITEM_ALREADY_VOTED', `Item ${voted[0].number} is voted: the members in office of its session can no longer change`, { itemId: voted[0].id, field: 'startDate' });
    }
  }

  list(collectivityId: string, q: PageQuery) {
    return this.uow.run(collectivityId, async (em) => {
      assertFound(await em.getRepository(Collectivity).findOneBy({ id: collectivityId }), 'Collectivity', collectivityId);
      const [items, total] = await em.getRepository(Member).findAndCount({
        where: { collectivityId }, order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize,
      });
      return pageOf(items, total, q);
    });
  }

  get(collectivityId: string, id: string) {
    return this.uow.run(collectivityId, async (em) => {
      const member = assertFound(await em.getRepository(Member).findOneBy({ id, collectivityId }), 'Member', id);
      const memberships = await em.getRepository(Membership).find({ where: { memberId: id, collectivityId }, order: { startDate: 'ASC' } });
      return { ...member, memberships };
    });
  }

  /** Members in office in a body on a date (the seats actually filled that day). */
  inOffice(collectivityId: string, bodyId: string, date: string) {
    // Checked before PostgreSQL reads it: "2024-02-30" or a uuid-like "040755c7-…" (read as a date and a time zone) are refused, not a 500.
    assertIsoDate(date);
    return this.uow.run(collectivityId, async (em) => {
      assertFound(await em.getRepository(Body).findOneBy({ id: bodyId, collectivityId }), 'Body', bodyId);
      const members = await membersInOffice(em, collectivityId, bodyId, date);
      return { date, inOffice: members.filter((m) => m.seat === 'titulaire').length, members };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Body } from '../collectivities/body.entity';
import { Collectivity } from '../collectivities/collectivity.entity';
import { PageQuery, pageOf } from '../common/pagination.dto';
import { DomainError, assertFound } from '../domain/errors';
import { profileFor } from '../domain/rule-profiles';
import { membersInOffice } from '../register/session-context';
import { CreateMemberDto, CreateMembershipDto } from './dto/create-member.dto';
import { Member } from './member.entity';
import { Membership } from './membership.entity';

@Injectable()
export class MembersService {
  constructor(private readonly db: DataSource) {}

  create(collectivityId: string, dto: CreateMemberDto) {
    return this.db.transaction(async (em) => {
      assertFound(await em.getRepository(Collectivity).findOneBy({ id: collectivityId }), 'Collectivity', collectivityId);
      const repo = em.getRepository(Member);
      const member = await repo.save(repo.create({
        collectivityId, civility: dto.civility, firstName: dto.firstName, lastName: dto.lastName, birthDate: dto.birthDate ?? null,
      }));
      const memberships = [];
      for (const m of dto.memberships ?? []) memberships.push(await this.insertMembership(em, collectivityId, member.id, m));
      return { ...member, memberships };
    });
  }

  addMembership(collectivityId: string, memberId: string, dto: CreateMembershipDto) {
    return this.db.transaction(async (em) => {
      assertFound(await em.getRepository(Member).findOneBy({ id: memberId, collectivityId }), 'Member', memberId);
      return this.insertMembership(em, collectivityId, memberId, dto);
    });
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
    const repo = em.getRepository(Membership);
    return repo.save(repo.create({
      collectivityId, bodyId: body.id, memberId, seat: dto.seat, titulaireId: dto.titulaireId ?? null, title: dto.title ?? null,
      startDate: dto.startDate, endDate: dto.endDate ?? null,
    }));
  }

  async list(collectivityId: string, q: PageQuery) {
    assertFound(await this.db.getRepository(Collectivity).findOneBy({ id: collectivityId }), 'Collectivity', collectivityId);
    const [items, total] = await this.db.getRepository(Member).findAndCount({
      where: { collectivityId }, order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize,
    });
    return pageOf(items, total, q);
  }

  async get(collectivityId: string, id: string) {
    const member = assertFound(await this.db.getRepository(Member).findOneBy({ id, collectivityId }), 'Member', id);
    const memberships = await this.db.getRepository(Membership).find({ where: { memberId: id, collectivityId }, order: { startDate: 'ASC' } });
    return { ...member, memberships };
  }

  /** Members in office in a body on a date (the seats actually filled that day). */
  async inOffice(collectivityId: string, bodyId: string, date: string) {
    assertFound(await this.db.getRepository(Body).findOneBy({ id: bodyId, collectivityId }), 'Body', bodyId);
    const members = await membersInOffice(this.db.manager, collectivityId, bodyId, date);
    return { date, inOffice: members.filter((m) => m.seat === 'titulaire').length, members };
  }
}

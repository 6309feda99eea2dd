import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { currentActor } from '../auth/actor';
import { AccountsService, GrantedAccount } from '../auth/accounts.service';
import { CreateCollectivityWithAdminDto } from '../auth/dto/auth.dto';
import { visibleCollectivityIds } from '../auth/permissions';
import { PageQuery, pageOf } from '../common/pagination.dto';
import { assertFound } from '../domain/errors';
import { validateNumberPattern } from '../domain/numbering';
import { UnitOfWork } from '../database/unit-of-work';
import { EMERGENCY_PERIODS, profileFor } from '../domain/rule-profiles';
import { Body } from './body.entity';
import { Collectivity } from './collectivity.entity';
import { CreateBodyDto, UpdateBodySettingsDto } from './dto/create-body.dto';
import { UpdateCollectivityDto } from './dto/create-collectivity.dto';
import { assertTimeZone, timeZoneOf } from '../domain/time-zones';

@Injectable()
export class CollectivitiesService {
  constructor(private readonly uow: UnitOfWork, private readonly accounts: AccountsService) {}

  /**
   * The id is chosen here so that the new collectivity's own transaction (row-level security) may insert it,
   * with its first administrator (src/auth/accounts.service.ts) in the same transaction.
   */
  create(dto: CreateCollectivityWithAdminDto): Promise<Collectivity & { administrator?: GrantedAccount }> {
    const { administrator, ...fields } = dto;
    const id = randomUUID();
    const timeZone = assertTimeZone(fields.timeZone ?? timeZoneOf(fields.departementCode));
    return this.uow.run(id, async (em) => {
      const collectivity = await em.getRepository(Collectivity).save(em.getRepository(Collectivity).create({ ...fields, id, shortName: fields.shortName ?? null, timeZone, seat: fields.seat?.trim() ?? null, population: fields.population ?? null }));
      const admin = await this.accounts.firstAdministrator(em, id, administrator);
      return admin ? { ...collectivity, administrator: admin } : collectivity;
    }, { useCase: 'collectivity.create' });
  }

  /** The time zone may change (French Polynesia spans three): dates already printed on issued acts are theirs. */
  update(id: string, dto: UpdateCollectivityDto): Promise<Collectivity> {
    return this.uow.run(id, async (em) => {
      const collectivity = assertFound(await em.getRepository(Collectivity).findOneBy({ id }), 'Collectivity', id);
      if (dto.timeZone !== undefined) collectivity.timeZone = assertTimeZone(dto.timeZone);
      if (dto.seat !== undefined) collectivity.seat = dto.seat === null ? null : dto.seat.trim();
      if (dto.yearInWords !== undefined) collectivity.yearInWords = dto.yearInWords;
      if (dto.population !== undefined) collectivity.population = dto.population;
      return em.getRepository(Collectivity).save(collectivity);
    }, { useCase: 'collectivity.update' });
  }

  /** The directory of collectivities (collectivity-less unit of work): those the actor has a role in, all for an operator. */
  async list(q: PageQuery) {
    const visible = visibleCollectivityIds(currentActor());
    const [items, total] = await this.uow.run(null, (em) => em.getRepository(Collectivity).findAndCount({
      where: visible ? { id: In(visible) } : {}, order: { name: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize,
    }));
    return pageOf(items, total, q);
  }

  get(id: string): Promise<Collectivity> {
    return this.uow.run(id, async (em) => assertFound(await em.getRepository(Collectivity).findOneBy({ id }), 'Collectivity', id));
  }

  createBody(collectivityId: string, dto: CreateBodyDto): Promise<Body> {
    return this.uow.run(collectivityId, async (em) => {
      assertFound(await em.getRepository(Collectivity).findOneBy({ id: collectivityId }), 'Collectivity', collectivityId);
      if (dto.numberPattern) validateNumberPattern(dto.numberPattern);
      // Validates a custom profile's settings now rather than at the first session.
      profileFor(dto.ruleProfile, new Date().toISOString().slice(0, 10), dto.customRules);
      const repo = em.getRepository(Body);
      return repo.save(repo.create({ ...dto, collectivityId, code: dto.code ?? null, customRules: dto.customRules ?? null }));
    }, { useCase: 'body.create' });
  }

  /** How a body writes its acts ("Votants", order of members, L2131-11 proxies): only the settings given change. */
  updateBodySettings(collectivityId: string, id: string, dto: UpdateBodySettingsDto): Promise<Body> {
    return this.uow.run(collectivityId, async (em) => {
      const repo = em.getRepository(Body);
      const found = assertFound(await repo.findOneBy({ id, collectivityId }), 'Body', id);
      for (const key of ['votersHeader', 'memberOrder', 'recusedHolderProxy'] as const) {
        if (dto[key] !== undefined) Object.assign(found, { [key]: dto[key] });
      }
      return repo.save(found);
    }, { useCase: 'body.settings' });
  }

  listBodies(collectivityId: string, q: PageQuery) {
    return this.uow.run(collectivityId, async (em) => {
      assertFound(await em.getRepository(Collectivity).findOneBy({ id: collectivityId }), 'Collectivity', collectivityId);
      const [items, total] = await em.getRepository(Body).findAndCount({ where: { collectivityId }, order: { name: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
      return pageOf(items, total, q);
    });
  }

  getBody(collectivityId: string, id: string): Promise<Body> {
    return this.uow.run(collectivityId, async (em) => assertFound(await em.getRepository(Body).findOneBy({ id, collectivityId }), 'Body', id));
  }

  /** The built-in profiles as in force on a date, and the 2020–2022 emergency periods. */
  profiles(date: string) {
    const codes = ['commune', 'epci', 'departement', 'region', 'commission_permanente'] as const;
    return { date, profiles: codes.map((c) => profileFor(c, date)), emergencyPeriods: EMERGENCY_PERIODS };
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PageQuery, pageOf } from '../common/pagination.dto';
import { assertFound } from '../domain/errors';
import { validateNumberPattern } from '../domain/numbering';
import { EMERGENCY_PERIODS, profileFor } from '../domain/rule-profiles';
import { Body } from './body.entity';
import { Collectivity } from './collectivity.entity';
import { CreateBodyDto } from './dto/create-body.dto';
import { CreateCollectivityDto } from './dto/create-collectivity.dto';

@Injectable()
export class CollectivitiesService {
  constructor(private readonly db: DataSource) {}

  create(dto: CreateCollectivityDto): Promise<Collectivity> {
    return this.db.transaction((em) => em.getRepository(Collectivity).save(em.getRepository(Collectivity).create({ ...dto, shortName: dto.shortName ?? null })));
  }

  async list(q: PageQuery) {
    const [items, total] = await this.db.getRepository(Collectivity).findAndCount({ order: { name: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return pageOf(items, total, q);
  }

  async get(id: string): Promise<Collectivity> {
    return assertFound(await this.db.getRepository(Collectivity).findOneBy({ id }), 'Collectivity', id);
  }

  createBody(collectivityId: string, dto: CreateBodyDto): Promise<Body> {
    return this.db.transaction(async (em) => {
      assertFound(await em.getRepository(Collectivity).findOneBy({ id: collectivityId }), 'Collectivity', collectivityId);
      if (dto.numberPattern) validateNumberPattern(dto.numberPattern);
      // Validates a custom profile's settings now rather than at the first session.
      profileFor(dto.ruleProfile, new Date().toISOString().slice(0, 10), dto.customRules);
      const repo = em.getRepository(Body);
      return repo.save(repo.create({ ...dto, collectivityId, code: dto.code ?? null, customRules: dto.customRules ?? null }));
    });
  }

  async listBodies(collectivityId: string, q: PageQuery) {
    await this.get(collectivityId);
    const [items, total] = await this.db.getRepository(Body).findAndCount({ where: { collectivityId }, order: { name: 'ASC' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
    return pageOf(items, total, q);
  }

  async getBody(collectivityId: string, id: string): Promise<Body> {
    return assertFound(await this.db.getRepository(Body).findOneBy({ id, collectivityId }), 'Body', id);
  }

  /** The built-in profiles as in force on a date, and the 2020–2022 emergency periods. */
  profiles(date: string) {
    const codes = ['commune', 'epci', 'departement', 'region', 'commission_permanente'] as const;
    return { date, profiles: codes.map((c) => profileFor(c, date)), emergencyPeriods: EMERGENCY_PERIODS };
  }
}

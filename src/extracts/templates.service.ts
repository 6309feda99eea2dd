import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Collectivity } from '../collectivities/collectivity.entity';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError, assertFound } from '../domain/errors';
import { PARTIALS, TemplateEngine, TEMPLATE_NAMES } from '../documents/template-engine';
import type { TemplateOverrides } from '../documents/types';
import { RenderPool } from '../rendering/render-pool';
import { demoRecord, demoSessionRecord } from './demo-record';
import { TemplateOverride } from './template-override.entity';

/** The shipped templates are the defaults; a collectivity overrides any template or partial, versioned. */
@Injectable()
export class TemplatesService {
  constructor(private readonly uow: UnitOfWork, private readonly engine: TemplateEngine, private readonly pool: RenderPool) {}

  async list(collectivityId: string) {
    const current = await this.uow.run(collectivityId, async (em) => {
      await this.collectivity(em, collectivityId);
      return this.overridesIn(em, collectivityId);
    });
    return {
      defaultVersion: this.engine.defaultVersion,
      items: TEMPLATE_NAMES.map((name) => ({ name, overridden: !!current[name], version: current[name]?.version ?? 'default' })),
    };
  }

  async get(collectivityId: string, urlName: string) {
    const name = this.resolve(urlName);
    const versions = await this.uow.run(collectivityId, async (em) => {
      await this.collectivity(em, collectivityId);
      return em.getRepository(TemplateOverride).find({ where: { collectivityId, name }, order: { version: 'DESC' } });
    });
    return {
      name, version: versions[0]?.version ?? 'default', source: versions[0]?.source ?? this.engine.defaultSource(name),
      defaultSource: this.engine.defaultSource(name),
      versions: versions.map((v) => ({ version: v.version, sha256: v.sha256, createdAt: v.createdAt })),
    };
  }

  /**
   * Validated before it is saved (syntax, unknown fields, in every document it changes, then a render
   * of them on demo data within the render budget): a bad one is a 400 with its line, a runaway one a 422.
   */
  async save(collectivityId: string, urlName: string, source: string) {
    const name = this.resolve(urlName);
    await this.pool.check(name, source, await this.overrides(collectivityId));
    return this.uow.run(collectivityId, async (em) => {
      await em.getRepository(Collectivity).findOne({ where: { id: collectivityId }, lock: { mode: 'pessimistic_write' } })
        .then((c) => assertFound(c, 'Collectivity', collectivityId));
      const last: { v: number | null }[] = await em.query(`SELECT max(version) AS v FROM template_override WHERE collectivity_id = $1 AND name = $2`, [collectivityId, name]);
      const version = (last[0].v ?? 0) + 1;
      const sha256 = createHash('sha256').update(source).digest('hex');
      const row = await em.getRepository(TemplateOverride).save(em.getRepository(TemplateOverride).create({ collectivityId, name, version, source, sha256 }));
      return { name, version: row.version, sha256, createdAt: row.createdAt };
    }, { useCase: 'template.save' });
  }

  /** Back to the shipped default (issue 6): a new version holding the default source, so the history keeps what it replaced. */
  revert(collectivityId: string, urlName: string) {
    return this.save(collectivityId, urlName, this.engine.defaultSource(this.resolve(urlName)));
  }

  /** A PDF of the demo act with the proposed source (or the current one), nothing saved. */
  async preview(collectivityId: string, urlName: string, source?: string, signal?: AbortSignal): Promise<StreamableFile> {
    const name = this.resolve(urlName);
    const overrides = await this.overrides(collectivityId);
    if (source !== undefined) {
      // The static check (no trial render: the preview is one), so that a broken template says why, with its line.
      await this.pool.check(name, source, overrides, false);
      overrides[name] = { source, version: 'preview' };
    }
    const { pdf } = await this.previewDocument(name, overrides, signal);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: 'inline; filename="apercu.pdf"', length: pdf.length });
  }

  private previewDocument(name: string, overrides: TemplateOverrides, signal?: AbortSignal) {
    if (name === 'minutes' || name === 'deliberations-list') return this.pool.session(name, demoSessionRecord(), { overrides }, signal);
    return this.pool.extract(demoRecord(), { overrides }, signal);
  }

  /** The latest version of each template the collectivity overrides. */
  overrides(collectivityId: string): Promise<TemplateOverrides> {
    return this.uow.run(collectivityId, (em) => this.overridesIn(em, collectivityId));
  }

  private async overridesIn(em: EntityManager, collectivityId: string): Promise<TemplateOverrides> {
    const rows: { name: string; version: number; source: string }[] = await em.query(
      `SELECT DISTINCT ON (name) name, version, source FROM template_override WHERE collectivity_id = $1 ORDER BY name, version DESC`,
      [collectivityId],
    );
    return Object.fromEntries(rows.map((r) => [r.name, { source: r.source, version: String(r.version) }]));
  }

  /** URL names: a document ("extract") or a partial ("header" → "partials/header"). */
  private resolve(name: string): string {
    const full = (PARTIALS as readonly string[]).includes(name) ? `partials/${name}` : name;
    if (!TEMPLATE_NAMES.includes(full)) {
      throw new DomainError('NOT_FOUND', `No template named ${name}; templates are ${TEMPLATE_NAMES.join(', ')}`, { field: 'name' });
    }
    return full;
  }

  private async collectivity(em: EntityManager, id: string) {
    return assertFound(await em.getRepository(Collectivity).findOneBy({ id }), 'Collectivity', id);
  }
}

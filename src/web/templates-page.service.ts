import { Injectable, StreamableFile } from '@nestjs/common';
import { CollectivitiesService } from '../collectivities/collectivities.service';
import { statusFor } from '../common/domain-error.filter';
import { isDomainError } from '../domain/errors';
import { TemplatesService } from '../extracts/templates.service';
import { paths } from './console-format';
import { Form, gesture, PageResult } from './console-forms';
import { ConsoleViews } from './console-views';
import { explainRefusal } from './refusal-texts';

const LABELS: Record<string, string> = {
  extract: 'Extrait de délibération', minutes: 'Procès-verbal', 'deliberations-list': 'Liste des délibérations', header: 'En-tête (partiel)',
  counts: 'Décompte des voix (partiel)', attendance: 'Présences (partiel)', 'vote-result': 'Résultat du vote (partiel)', signatures: 'Signatures (partiel)',
  executoire: 'Mention exécutoire (partiel)',
};

/** Templates of the collectivity's documents (administrator): read, previewed on demo data, saved as a new version. */
@Injectable()
export class TemplatesPageService {
  constructor(private readonly collectivities: CollectivitiesService, private readonly templates: TemplatesService, private readonly views: ConsoleViews) {}

  async list(cid: string): Promise<string> {
    const collectivity = await this.collectivities.get(cid);
    const { items } = await this.templates.list(cid);
    return this.views.render('templates', { title: 'Modèles de documents', crumbs: [{ label: 'Registre', href: '/' }, { label: collectivity.name, href: paths.setup(cid) }, { label: 'Modèles', href: null }] }, {
      collectivityName: collectivity.name, template: null, refusal: null, notice: null,
      items: items.map((i) => ({ ...i, label: LABELS[i.name] ?? i.name, href: `/console/collectivites/${cid}/modeles/${i.name}` })),
    });
  }

  async edit(cid: string, name: string, extra: { refusal?: object; notice?: string; source?: string } = {}): Promise<string> {
    const collectivity = await this.collectivities.get(cid);
    const t = await this.templates.get(cid, name);
    const label = LABELS[t.name] ?? t.name;
    return this.views.render('templates', { title: label, crumbs: [{ label: 'Registre', href: '/' }, { label: collectivity.name, href: paths.setup(cid) }, { label: 'Modèles', href: `/console/collectivites/${cid}/modeles` }, { label, href: null }] }, {
      collectivityName: collectivity.name, items: [], refusal: extra.refusal ?? null, notice: extra.notice ?? null,
      template: { name: t.name, label, version: t.version, source: extra.source ?? t.source, versions: t.versions, action: `/console/collectivites/${cid}/modeles/${t.name}` },
    });
  }

  save(cid: string, name: string, form: Form): Promise<PageResult> {
    const source = typeof form.source === 'string' ? form.source : '';
    let version = 0;
    return gesture(async () => { version = (await this.templates.save(cid, name, source)).version; }, '', (refusal) => this.edit(cid, name, { refusal, source }), (e) => (statusFor(e.code) === 404 ? 404 : 422))
      .then(async (r) => ('redirect' in r ? { status: 200, html: await this.edit(cid, name, { notice: `Version ${version} enregistrée : les prochains documents l'utilisent.` }) } : r));
  }

  /** The demo act rendered with the source being edited: a PDF, or the page again with why it cannot be rendered. */
  async preview(cid: string, name: string, form: Form): Promise<StreamableFile | PageResult> {
    const source = typeof form.source === 'string' ? form.source : undefined;
    try {
      return await this.templates.preview(cid, name, source);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return { status: statusFor(e.code) === 404 ? 404 : 422, html: await this.edit(cid, name, { refusal: { ...explainRefusal(e), message: e.message }, source }) };
    }
  }
}

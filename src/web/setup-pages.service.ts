import { Injectable } from '@nestjs/common';
import { CollectivitiesService } from '../collectivities/collectivities.service';
import { CreateBodyDto } from '../collectivities/dto/create-body.dto';
import { CreateCollectivityDto } from '../collectivities/dto/create-collectivity.dto';
import { statusFor } from '../common/domain-error.filter';
import { PageQuery } from '../common/pagination.dto';
import { DomainError, isDomainError } from '../domain/errors';
import { RneImportDto, RnePreviewDto } from '../imports/dto/rne-import.dto';
import { ImportsService } from '../imports/imports.service';
import { CreateMemberDto } from '../members/dto/create-member.dto';
import { MembersService } from '../members/members.service';
import { instantOf, localParts } from '../domain/time-zones';
import { isIsoDate } from '../domain/iso-date';
import { CreateSessionDto } from '../sessions/dto/session.dto';
import { SessionsService } from '../sessions/sessions.service';
import { civilName, collectivityKindLabel, paths } from './console-format';
import { Form, gesture, int, PageResult, text, validForm } from './console-forms';
import { ConsoleViews } from './console-views';
import { explainRefusal } from './refusal-texts';

const KINDS = ['commune', 'communaute_communes', 'communaute_agglomeration', 'communaute_urbaine', 'metropole', 'syndicat', 'departement', 'region'];
const PROFILES: [string, string][] = [
  ['commune', 'Commune (CGCT L2121-17 à L2121-21)'], ['epci', 'EPCI, avec suppléants (L5211-1, L5211-6)'], ['departement', 'Département (L3121-14)'],
  ['region', 'Région (L4132-13)'], ['commission_permanente', 'Commission permanente (présents ou représentés)'], ['custom', 'Profil personnalisé'],
];
const all = Object.assign(new PageQuery(), { page: 1, pageSize: 200 });
const statusOf = (e: DomainError) => (statusFor(e.code) === 404 ? 404 : 422);

/** Setting up (collectivity, bodies, members from the RNE) and preparing a session: pages over the API's services. */
@Injectable()
export class SetupPagesService {
  constructor(
    private readonly collectivities: CollectivitiesService,
    private readonly members: MembersService,
    private readonly imports: ImportsService,
    private readonly sessions: SessionsService,
    private readonly views: ConsoleViews,
  ) {}

  async newCollectivityPage(refusal: object | null = null, values: Form = {}): Promise<string> {
    return this.views.render('setup', { title: 'Nouvelle collectivité', crumbs: [{ label: 'Registre', href: '/' }, { label: 'Nouvelle collectivité', href: null }] }, {
      collectivity: null, refusal, notice: null, newSessionHref: null, values: { name: '', shortName: '', siren: '', departementCode: '', population: '', ...values }, kinds: KINDS.map((k) => ({ value: k, label: collectivityKindLabel(k), selected: values.kind === k })), profiles: [], bodies: [],
    });
  }

  async createCollectivity(form: Form): Promise<PageResult> {
    let id = '';
    return gesture(async () => {
      const dto = await validForm(CreateCollectivityDto, { kind: text(form, 'kind'), name: text(form, 'name'), shortName: text(form, 'shortName'), siren: text(form, 'siren'), departementCode: text(form, 'departementCode'), population: int(form, 'population') });
      id = (await this.collectivities.create(dto)).id;
    }, '', (refusal) => this.newCollectivityPage(refusal, form), statusOf).then((r) => ('redirect' in r ? { redirect: paths.setup(id) } : r));
  }

  async setupPage(cid: string, refusal: object | null = null, notice: string | null = null): Promise<string> {
    const collectivity = await this.collectivities.get(cid);
    const bodies = (await this.collectivities.listBodies(cid, all)).items;
    const today = localParts(new Date(), collectivity.timeZone).date;
    const withMembers = [];
    for (const b of bodies) {
      const seated = await this.members.inOffice(cid, b.id, today);
      withMembers.push({
        ...b, inOffice: seated.inOffice, importHref: `${paths.setup(cid)}/organes/${b.id}/import`,
        members: seated.members.map((m) => ({ name: civilName(m), title: m.title ?? null, seat: m.seat === 'suppleant' ? 'suppléant' : 'titulaire' })),
        titulaires: seated.members.filter((m) => m.seat === 'titulaire').map((m) => ({ id: m.id, name: civilName(m) })),
      });
    }
    return this.views.render('setup', { title: `Paramétrage — ${collectivity.name}`, crumbs: [{ label: 'Registre', href: '/' }, { label: collectivity.name, href: null }] }, {
      collectivity, refusal, notice, values: {}, kinds: [], profiles: PROFILES.map(([value, label]) => ({ value, label })), bodies: withMembers,
      newSessionHref: paths.newSession(cid),
    });
  }

  /** A member by hand, with his seat in a body (L5211-6: a suppléant names his titulaire). */
  createMember(cid: string, form: Form): Promise<PageResult> {
    return gesture(async () => this.members.create(cid, await validForm(CreateMemberDto, {
      civility: text(form, 'civility'), firstName: text(form, 'firstName'), lastName: text(form, 'lastName'), birthDate: text(form, 'birthDate'),
      memberships: [{ bodyId: text(form, 'bodyId'), seat: text(form, 'seat') ?? 'titulaire', titulaireId: text(form, 'titulaireId'), title: text(form, 'title'), startDate: text(form, 'startDate') }],
    })), `${paths.setup(cid)}#membres`, (refusal) => this.setupPage(cid, refusal), statusOf);
  }

  createBody(cid: string, form: Form): Promise<PageResult> {
    return gesture(async () => this.collectivities.createBody(cid, await validForm(CreateBodyDto, {
      kind: text(form, 'kind') ?? 'conseil', name: text(form, 'name'), ruleProfile: text(form, 'ruleProfile'), numberPattern: text(form, 'numberPattern'),
    })), `${paths.setup(cid)}#organes`, (refusal) => this.setupPage(cid, refusal), statusOf);
  }

  async importPage(cid: string, bid: string, extra: { refusal?: object; preview?: object } = {}): Promise<string> {
    const collectivity = await this.collectivities.get(cid);
    const body = (await this.collectivities.listBodies(cid, all)).items.find((b) => b.id === bid);
    if (!body) throw new DomainError('NOT_FOUND', `Body ${bid} not found`, { field: 'bid' });
    const title = `Importer les membres — ${body.name}`;
    return this.views.render('import', { title, crumbs: [{ label: 'Registre', href: '/' }, { label: collectivity.name, href: paths.setup(cid) }, { label: 'Import RNE', href: null }] }, {
      title, collectivity, body, action: `${paths.setup(cid)}/organes/${bid}/import`, refusal: extra.refusal ?? null, preview: extra.preview ?? null,
    });
  }

  /** The file as uploaded, or the lines kept from it when the preview is confirmed. */
  async importPreview(cid: string, bid: string, csv: string, form: Form): Promise<PageResult> {
    try {
      const dto = await validForm(RnePreviewDto, { bodyId: bid, csv, unitCode: text(form, 'unitCode') });
      const p = await this.imports.preview(cid, dto);
      const person = (x: { civility: 'M.' | 'Mme'; firstName: string; lastName: string; title: string | null }) => `${civilName({ id: '', ...x })}${x.title ? `, ${x.title}` : ''}`;
      const preview = {
        unit: p.unit, lines: p.lines, digest: p.plan.digest, csv, unitCode: dto.unitCode ?? p.unit.code,
        create: p.plan.create.map(person), change: p.plan.change.map((c) => `${person(c.person)} : ${c.changes.map((x) => (x.field === 'membership' ? `siège à partir du ${x.to}` : `date de naissance ${x.to}`)).join(', ')}`),
        unchanged: p.plan.unchanged.length, left: p.plan.left.map((l) => l.name),
        nothing: p.plan.create.length + p.plan.change.length === 0,
      };
      return { status: 200, html: await this.importPage(cid, bid, { preview }) };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return { status: statusOf(e), html: await this.importPage(cid, bid, { refusal: { ...explainRefusal(e), message: e.message } }) };
    }
  }

  async importConfirm(cid: string, bid: string, form: Form): Promise<PageResult> {
    let notice = '';
    return gesture(async () => {
      const r = await this.imports.importRne(cid, await validForm(RneImportDto, { bodyId: bid, csv: form.csv, unitCode: text(form, 'unitCode'), digest: text(form, 'digest') }));
      notice = `Import terminé : ${r.created} membres créés, ${r.changed} modifiés, ${r.unchanged} inchangés.`;
    }, '', (refusal) => this.importPage(cid, bid, { refusal }), statusOf).then(async (r) => ('redirect' in r ? { status: 200, html: await this.setupPage(cid, null, notice) } : r));
  }

  async newSessionPage(cid: string, refusal: object | null = null, values: Form = {}): Promise<string> {
    const collectivity = await this.collectivities.get(cid);
    const bodies = (await this.collectivities.listBodies(cid, all)).items;
    // The refused form's date lists the members in office only when it is one (the refusal names the field otherwise).
    const typed = text(values, 'date');
    const members = bodies.length ? (await this.members.inOffice(cid, bodies[0].id, isIsoDate(typed) ? typed : localParts(new Date(), collectivity.timeZone).date)).members : [];
    return this.views.render('new-session', { title: 'Préparer une séance', crumbs: [{ label: 'Registre', href: '/' }, { label: collectivity.name, href: paths.setup(cid) }, { label: 'Nouvelle séance', href: null }] }, {
      action: `/console/collectivites/${cid}/seances`, refusal, values: { date: '', time: '', place: '', convocationDate: '', urgency: false, ...values },
      bodies: bodies.map((b) => ({ id: b.id, name: b.name })), members: members.map((m) => ({ id: m.id, name: civilName(m) })),
    });
  }

  async createSession(cid: string, form: Form): Promise<PageResult> {
    let sid = '';
    return gesture(async () => {
      const date = text(form, 'date');
      const time = text(form, 'time');
      const { timeZone } = await this.collectivities.get(cid);
      const dto = await validForm(CreateSessionDto, {
        bodyId: text(form, 'bodyId'), startsAt: date && time ? localInstant(date, time, timeZone) : undefined, place: text(form, 'place'),
        convocationDate: text(form, 'convocationDate'), urgency: text(form, 'urgency') === 'true' ? true : undefined, presidentId: text(form, 'presidentId'), secretaryIds: text(form, 'secretaryId') ? [text(form, 'secretaryId')] : undefined,
      });
      sid = (await this.sessions.create(cid, dto)).id;
    }, '', (refusal) => this.newSessionPage(cid, refusal, form), statusOf).then((r) => ('redirect' in r ? { redirect: paths.live(cid, sid) } : r));
  }
}

/** A date and time read on a clock of the collectivity → the instant with its offset; malformed input is left to the DTO. */
export function localInstant(date: string, time: string, timeZone: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) ? instantOf(date, time, timeZone) : `${date}T${time}`;
}

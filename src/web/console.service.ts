import { Injectable } from '@nestjs/common';
import { Actor, currentActor } from '../auth/actor';
import { draftScope, linkedMemberId, may } from '../auth/permissions';
import { CollectivitiesService } from '../collectivities/collectivities.service';
import { Page, PageQuery } from '../common/pagination.dto';
import { DomainError } from '../domain/errors';
import { MembersService } from '../members/members.service';
import { MinutesService } from '../minutes/minutes.service';
import { RegisterService } from '../register/register.service';
import { localParts } from '../register/session-context';
import { SessionsService } from '../sessions/sessions.service';
import { paths } from './console-format';
import { debatesHtml } from './console-markdown';
import { CollectivityInput, homeViewModel, sessionViewModel } from './console-view-models';
import { ConsoleViews, Crumb } from './console-views';
import { deliberationViewModel } from './deliberation-view-model';

const REGISTER: Crumb = { label: 'Registre', href: paths.home() };

/** The read-only console: reads through the existing services and renders HTML pages in French. */
@Injectable()
export class ConsoleService {
  constructor(
    private readonly collectivities: CollectivitiesService,
    private readonly sessions: SessionsService,
    private readonly register: RegisterService,
    private readonly minutes: MinutesService,
    private readonly members: MembersService,
    private readonly views: ConsoleViews,
  ) {}

  css(): string {
    return this.views.css;
  }

  liveScript(): string {
    return this.views.liveScript;
  }

  markdownPreview(markdown: unknown): string {
    return typeof markdown === 'string' ? (debatesHtml(markdown.slice(0, 100_000)) ?? '') : '';
  }

  /**
   * The register as the account may see it: the collectivities it has a role in (all of them for an operator, who
   * creates them), and in each the bodies and sessions its roles let it read (src/auth/permissions.ts).
   */
  async home(): Promise<string> {
    const actor = currentActor();
    const entries: CollectivityInput[] = [];
    for (const collectivity of await allPages((q) => this.collectivities.list(q))) {
      const cid = collectivity.id;
      const scope = draftScope(actor, cid);
      const bodies = scope === 'none' ? [] : await this.readableBodies(actor, cid, scope);
      const all = bodies.length === 0 ? [] : await allPages((q) => this.sessions.list(cid, undefined, q));
      entries.push({
        collectivity,
        access: { reads: scope !== 'none', ownBodyOnly: scope === 'own-body', setup: may(actor, 'body.manage', cid), prepare: may(actor, 'session.prepare', cid) },
        bodies,
        sessions: all.filter((s) => bodies.some((b) => b.id === s.bodyId)).map((s) => {
          // The register speaks in the collectivity's local time, as the documents do.
          const { date, time } = localParts(s.startsAt, collectivity.timeZone);
          return { id: s.id, bodyId: s.bodyId, localDate: date, localTime: time, place: s.place, status: s.status, secondConvocation: s.secondConvocation };
        }),
      });
    }
    const vm = homeViewModel(entries, { mayCreate: may(actor, 'operator') });
    return this.views.render('home', { title: 'Accueil', crumbs: [{ ...REGISTER, href: null }] }, vm);
  }

  /** Every body, or for a member only those his linked member sits on (the guard's rule for drafts). */
  private async readableBodies(actor: Actor, cid: string, scope: 'all' | 'own-body') {
    const bodies = await allPages((q) => this.collectivities.listBodies(cid, q));
    if (scope === 'all') return bodies;
    const memberId = linkedMemberId(actor, cid);
    if (!memberId) return [];
    const own = new Set((await this.members.get(cid, memberId)).memberships.map((m) => m.bodyId));
    return bodies.filter((b) => own.has(b.id));
  }

  async session(cid: string, sid: string): Promise<string> {
    const collectivity = await this.collectivities.get(cid);
    const session = await this.sessions.get(cid, sid);
    const { records } = await this.register.sessionRecords(cid, sid);
    const minutes = await this.minutes.get(cid, sid);
    // The collectivity's calendar: "today" there tells a procès-verbal published late.
    const vm = sessionViewModel(collectivity.name, session, records, minutes, localParts(new Date(), collectivity.timeZone).date);
    const crumbs = [REGISTER, { label: collectivity.name, href: `/#c-${cid}` }, { label: vm.title, href: null }];
    return this.views.render('session', { title: `${vm.title} — ${collectivity.name}`, crumbs }, vm);
  }

  async deliberation(cid: string, iid: string): Promise<string> {
    const record = await this.register.itemState(cid, iid);
    const session = await this.sessions.get(cid, record.session.id);
    const minutes = await this.minutes.get(cid, record.session.id);
    const vm = deliberationViewModel(record, session.items, minutes);
    const crumbs = [
      REGISTER,
      { label: record.collectivity.name, href: `/#c-${cid}` },
      { label: vm.session.label, href: vm.session.href },
      { label: vm.title, href: null },
    ];
    return this.views.render('deliberation', { title: `${vm.title} — ${record.collectivity.name}`, crumbs }, vm);
  }

  /** Any other address under /console. */
  notFound(): never {
    throw new DomainError('NOT_FOUND', 'No console page at this address');
  }

  /** The French error page; `status` is what the API's filter would answer. */
  errorPage(status: number, field: string | null): string {
    const page = errorTexts(status, field);
    return this.views.render('error', { title: page.heading, crumbs: [REGISTER, { label: page.heading, href: null }] }, { ...page, status });
  }
}

/** The list endpoints are paginated; the console shows everything, page after page. */
async function allPages<T>(load: (q: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const q = Object.assign(new PageQuery(), { page, pageSize: 200 });
    const res = await load(q);
    all.push(...res.items);
    if (res.items.length < q.pageSize || all.length >= res.total) return all;
  }
}

const WHAT: Record<string, string> = {
  cid: 'de la collectivité',
  sid: 'de la séance',
  iid: 'de la délibération',
};

function errorTexts(status: number, field: string | null): { heading: string; message: string } {
  if (status === 404) {
    return { heading: 'Page introuvable', message: "La page demandée n'existe pas : la collectivité, la séance ou la délibération est inconnue du registre." };
  }
  if (status === 400) {
    const what = field && WHAT[field] ? `L'identifiant ${WHAT[field]}` : 'Un identifiant';
    return { heading: 'Adresse invalide', message: `${what} contenu dans l'adresse n'est pas valide. Vérifiez le lien suivi.` };
  }
  if (status < 500) return { heading: 'Demande impossible', message: "La demande n'a pas pu être traitée." };
  return { heading: 'Erreur du service', message: "Une erreur est survenue. Réessayez dans quelques instants ; si elle persiste, prévenez l'administrateur du registre." };
}

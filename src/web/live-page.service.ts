import { Injectable } from '@nestjs/common';
import { AttendanceService } from '../attendance/attendance.service';
import { currentActor } from '../auth/actor';
import { may, sessionTransitionPermission } from '../auth/permissions';
import { LastGesture, UndoGestureService } from '../attendance/undo-gesture.service';
import { SetAttendanceDto } from '../attendance/dto/attendance.dto';
import { CollectivitiesService } from '../collectivities/collectivities.service';
import { statusFor } from '../common/domain-error.filter';
import { ItemsService } from '../deliberations/items.service';
import { CreateItemDto } from '../deliberations/dto/item.dto';
import { givesProxyTo, receivesProxyFrom } from '../wording';
import type { ItemAttendanceState, MemberRef } from '../domain/types';
import { MembersService } from '../members/members.service';
import { CreateProxyDto } from '../proxies/dto/proxy.dto';
import { ProxiesService } from '../proxies/proxies.service';
import { RegisterService } from '../register/register.service';
import { ProjectorService } from '../live/projector.service';
import { SessionsService } from '../sessions/sessions.service';
import { TransitionDto } from '../sessions/dto/session.dto';
import { RecordElectionDto, RecordVoteDto } from '../votes/dto/vote.dto';
import { VotesService } from '../votes/votes.service';
import { AttendanceChangeDto, UndoGestureDto } from '../attendance/dto/attendance.dto';
import { localParts } from '../register/session-context';
import { civilName, paths, quorumVm, resultVm, sessionDateLabel, sessionStatusBadge } from './console-format';
import { Form, gesture, int, PageResult, text, validForm } from './console-forms';
import { ConsoleViews } from './console-views';
import { Refusal } from './refusal-texts';

type Shown = Refusal & { code: string; field: string | null; message: string };

const STATUS_WORD = { present: 'présent', excused: 'excusé', absent: 'absent' } as const;
const NEXT_STATUS: Record<string, { to: string; label: string }> = {
  planned: { to: 'convened', label: 'Marquer la séance convoquée' },
  convened: { to: 'open', label: 'Ouvrir la séance' },
  open: { to: 'closed', label: 'Clore la séance' },
};

/** The live session page: the secretary's gestures, each through the API's use-case service. */
@Injectable()
export class LivePageService {
  constructor(
    private readonly collectivities: CollectivitiesService,
    private readonly sessions: SessionsService,
    private readonly members: MembersService,
    private readonly attendance: AttendanceService,
    private readonly proxies: ProxiesService,
    private readonly items: ItemsService,
    private readonly votes: VotesService,
    private readonly register: RegisterService,
    private readonly projector: ProjectorService,
    private readonly gestures: UndoGestureService,
    private readonly views: ConsoleViews,
  ) {}

  page(cid: string, sid: string, extra: { refusal?: Shown; preview?: object; newLink?: string } = {}): Promise<string> {
    return this.render(cid, sid, extra);
  }

  rollCall(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, '#appel', async () => {
      const { members } = await this.seated(cid, sid);
      const entries = members.map((m) => ({ memberId: m.id, status: text(form, `statut-${m.id}`) ?? 'absent' }));
      await this.attendance.setOpening(cid, sid, await validForm(SetAttendanceDto, { version: int(form, 'version'), entries }));
    });
  }

  movement(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, `#membre-${text(form, 'memberId') ?? ''}`, async () =>
      this.attendance.addChange(cid, sid, await validForm(AttendanceChangeDto, { memberId: text(form, 'memberId'), kind: text(form, 'kind'), fromItemId: text(form, 'fromItemId'), version: int(form, 'version') })));
  }

  proxy(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, '#pouvoirs', async () =>
      this.proxies.create(cid, sid, await validForm(CreateProxyDto, { giverId: text(form, 'giverId'), holderId: text(form, 'holderId'), fromItemId: text(form, 'fromItemId'), version: int(form, 'version') })));
  }

  transition(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, '#etat', async () =>
      this.sessions.transition(cid, sid, await validForm(TransitionDto, { to: text(form, 'to'), version: int(form, 'version') })));
  }

  addItem(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, '#ordre-du-jour', async () =>
      this.items.create(cid, sid, await validForm(CreateItemDto, {
        object: text(form, 'object'), seq: int(form, 'seq'), rapporteurId: text(form, 'rapporteurId'), matiereCode: text(form, 'matiereCode'),
        actesNature: text(form, 'actesNature'), reasonsMd: text(form, 'reasonsMd'), decisionMd: text(form, 'decisionMd'),
      })));
  }

  /** The vote's result in its legal wording, before it is recorded: judged by the same service, nothing written. */
  async votePreview(cid: string, sid: string, form: Form): Promise<PageResult> {
    try {
      const dto = await validForm(RecordVoteDto, voteInput(form));
      const result = await this.votes.preview(cid, text(form, 'itemId') ?? '', dto);
      // The words of the act, as the extract will print them ("à l'unanimité", "par 30 voix pour...").
      const label = `${result.outcome === 'adopted' ? 'Adoptée' : 'Rejetée'} ${result.wording}`;
      return { status: 200, html: await this.render(cid, sid, { preview: { ...result, label, hidden: hiddenFields(form, text(form, 'itemId')) } }) };
    } catch (e) {
      return this.refused(cid, sid, e);
    }
  }

  /** A new public screen link: its address is shown once, on the page answered here (only its hash is kept). */
  async projectorLink(cid: string, sid: string): Promise<PageResult> {
    const link = await this.projector.create(cid, sid);
    return { status: 201, html: await this.render(cid, sid, { newLink: link.path }) };
  }

  revokeProjectorLink(cid: string, sid: string, lid: string): Promise<PageResult> {
    return this.act(cid, sid, '#ecran', () => this.projector.revoke(cid, lid));
  }

  undo(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, '#membres', async () => this.gestures.undo(cid, sid, (await validForm(UndoGestureDto, { gestureId: text(form, 'gestureId') })).gestureId));
  }

  /**
   * An appointment by secret ballot (L2121-21, L2122-7): up to three candidates among the members and up to three
   * rounds, each with its voters, blank and void ballots and the votes of each candidate; the rules decide who is elected.
   */
  election(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, '#election', async () => {
      const candidates = [1, 2, 3].map((slot) => ({ slot, memberId: text(form, `candidat${slot}`) })).filter((c) => c.memberId);
      const rounds = [1, 2, 3].filter((r) => text(form, `t${r}.votants`) !== undefined).map((r) => ({
        round: r, voters: int(form, `t${r}.votants`), blank: int(form, `t${r}.blancs`) ?? 0, void: int(form, `t${r}.nuls`) ?? 0,
        votes: candidates.map((c, i) => ({ candidate: i, votes: int(form, `t${r}.c${c.slot}`) ?? 0 })),
      }));
      const dto = await validForm(RecordElectionDto, { version: int(form, 'version'), office: text(form, 'office'), candidates: candidates.map((c) => ({ memberId: c.memberId })), rounds });
      return this.votes.recordElection(cid, text(form, 'itemId') ?? '', dto);
    });
  }

  vote(cid: string, sid: string, form: Form): Promise<PageResult> {
    return this.act(cid, sid, '#vote', async () => this.votes.record(cid, text(form, 'itemId') ?? '', await validForm(RecordVoteDto, voteInput(form))));
  }

  private act(cid: string, sid: string, anchor: string, run: () => Promise<unknown>): Promise<PageResult> {
    return gesture(run, `${paths.live(cid, sid)}${anchor}`, (refusal) => this.render(cid, sid, { refusal }), (e) => (statusFor(e.code) === 404 ? 404 : 422));
  }

  private async refused(cid: string, sid: string, e: unknown): Promise<PageResult> {
    return gesture(() => Promise.reject(e), '', (refusal) => this.render(cid, sid, { refusal }), () => 422);
  }

  private async seated(cid: string, sid: string) {
    const session = await this.sessions.get(cid, sid);
    const { members } = await this.members.inOffice(cid, session.bodyId, session.localDate);
    return { session, members };
  }

  private async render(cid: string, sid: string, extra: { refusal?: Shown; preview?: object; newLink?: string }): Promise<string> {
    // Independent reads at once: every screen redraws this page after each change.
    const [collectivity, { session, members }, summary, links, last] = await Promise.all([
      this.collectivities.get(cid), this.seated(cid, sid), this.attendance.summary(cid, sid), this.projector.list(cid, sid), this.gestures.last(cid, sid),
    ]);
    const current = session.items.find((i) => i.status === 'draft') ?? null;
    const next = current ? (session.items.find((i) => i.position > current.position && i.status === 'draft') ?? null) : null;
    const record = current ? await this.register.itemState(cid, current.id) : null;
    const state: ItemAttendanceState = record?.attendance ?? summary.openingState;
    const opening = new Map(summary.opening.map((a) => [a.memberId, a.status]));
    const anyVoted = session.items.some((i) => i.status === 'voted');
    // Forms only for those whose role allows them (the same permissions as the routes they post to); members and
    // presidents follow the session here without being offered gestures the server would refuse.
    const actor = currentActor();
    const nextStatus = NEXT_STATUS[session.status] ?? null;
    const allowed = {
      record: may(actor, 'session.record', cid),
      prepare: may(actor, 'session.prepare', cid),
      transition: !!nextStatus && may(actor, sessionTransitionPermission({ body: { to: nextStatus.to } }), cid),
    };
    const tiles = members.map((m) => tile(m, state, opening.get(m.id) ?? null));
    const present = state.present.map((p) => ({ id: p.member.id, name: civilName(p.member) }));
    const away = [...state.excused, ...state.absent].filter((a) => !a.proxyTo).map((a) => ({ id: a.member.id, name: civilName(a.member) }));
    const title = `Séance du ${sessionDateLabel(session.localDate, session.localTime)}`;
    const vm = {
      cid, sid, title, collectivityName: collectivity.name, bodyName: session.body.name, version: session.version,
      status: sessionStatusBadge(session.status), isOpen: session.status === 'open', nextStatus, allowed,
      eventsUrl: `/api/collectivities/${cid}/sessions/${sid}/events`,
      base: paths.live(cid, sid), sessionHref: paths.session(cid, sid), convocationHref: `/api/collectivities/${cid}/sessions/${sid}/convocation.pdf`, afterHref: `${paths.session(cid, sid)}/apres`, quorum: quorumVm(state.quorum),
      banner: `${quorumVm(state.quorum).detail} — ${quorumVm(state.quorum).label.toLowerCase()}`,
      counts: { present: state.present.length, represented: state.represented.length, voters: state.voters, inOffice: state.inOffice },
      current: current && { id: current.id, position: current.position, number: current.number, object: current.object },
      next: next && { position: next.position, number: next.number, object: next.object },
      agenda: session.items.map((i) => ({ ...i, voted: i.status === 'voted', isCurrent: i.id === current?.id, href: paths.deliberation(cid, i.id) })),
      rollCall: anyVoted || !allowed.record ? null : members.map((m) => ({ id: m.id, name: civilName(m), title: m.title ?? null, options: (['present', 'excused', 'absent'] as const).map((s) => ({ value: s, label: STATUS_WORD[s], checked: (opening.get(m.id) ?? 'present') === s })) })),
      tiles, present, away,
      lastGesture: last && !session.items.some((i) => i.status === 'voted' && i.position >= last.position) ? { id: last.id, label: gestureLabel(last, members) } : null,
      // Once an item is voted, a proxy handed in applies from the current item ("à partir du point n°N").
      proxyFromItemId: anyVoted && current ? current.id : null,
      proxies: state.represented.map((r) => ({ giver: civilName(r.giver), holder: civilName(r.holder) })),
      ballots: ballotRows(state),
      electionRounds: [1, 2, 3].map((n) => ({ n, label: n === 3 ? 'Troisième tour (majorité relative ; à égalité, le plus âgé)' : n === 1 ? 'Premier tour (majorité absolue)' : 'Deuxième tour (majorité absolue)', candidates: [1, 2, 3] })),
      members: members.map((m) => ({ id: m.id, name: civilName(m) })),
      refusal: extra.refusal ?? null,
      newLink: extra.newLink ?? null,
      links: links.items.filter((l) => !l.revokedAt).map((l, i) => ({ id: l.id, label: `Lien n°${i + 1}, créé le ${localParts(l.createdAt, collectivity.timeZone).date} à ${localParts(l.createdAt, collectivity.timeZone).time.slice(0, 5)}` })),
      preview: extra.preview ?? null,
      lastResult: lastVoted(session.items),
    };
    const crumbs = [{ label: 'Registre', href: '/' }, { label: collectivity.name, href: `/#c-${cid}` }, { label: title, href: paths.session(cid, sid) }, { label: 'En direct', href: null }];
    if (record?.vote && vm.preview === null) Object.assign(vm, { currentResult: resultVm(record) });
    return this.views.render('live', { title: `${title} — en direct`, crumbs }, vm);
  }
}

/** The vote as the API takes it, from the form: counts (show of hands, secret) or one ballot per voter (public). */
function voteInput(form: Form) {
  const mode = text(form, 'mode');
  const requestedBy = ([] as string[]).concat(form.requestedBy ?? []).filter((x) => x);
  const ballots = Object.entries(form)
    .filter(([k, v]) => k.startsWith('b.') && typeof v === 'string' && v)
    .map(([k, v]) => {
      const [, voterId, onBehalfOfId] = k.split('.');
      return { voterId, ...(onBehalfOfId ? { onBehalfOfId } : {}), choice: v as string };
    });
  return {
    mode, version: int(form, 'version'),
    ...(mode === 'roll_call' ? { ballots } : { counts: { pour: int(form, 'pour') ?? 0, contre: int(form, 'contre') ?? 0, abstention: int(form, 'abstention') ?? 0 } }),
    ...(mode !== 'show_of_hands' && requestedBy.length ? { requestedBy } : {}),
    ...(text(form, 'presidentChoice') ? { presidentChoice: text(form, 'presidentChoice') } : {}),
  };
}

/** The fields that carry a previewed vote to its confirmation, unchanged. */
function hiddenFields(form: Form, itemId: string | undefined): { name: string; value: string }[] {
  const keep = (k: string) => k === 'mode' || k === 'version' || k === 'presidentChoice' || k === 'requestedBy' || k.startsWith('b.') || ['pour', 'contre', 'abstention'].includes(k);
  const fields = [{ name: 'itemId', value: itemId ?? '' }];
  for (const [name, v] of Object.entries(form)) if (keep(name)) for (const value of ([] as string[]).concat(v ?? [])) fields.push({ name, value });
  return fields;
}

function lastVoted(items: { status: string; number: string; object: string }[]) {
  const voted = items.filter((i) => i.status === 'voted');
  return voted.length ? voted[voted.length - 1] : null;
}

const CHOICE_OPTIONS = [{ value: '', label: '—' }, { value: 'pour', label: 'pour' }, { value: 'contre', label: 'contre' }, { value: 'abstention', label: 'abstention' }];

/** One line per ballot of a public vote: each member present, then apart each proxy vote cast by its holder (L2121-20). */
function ballotRows(state: ItemAttendanceState) {
  const out = new Set(state.notTakingPart.map((n) => n.member.id));
  const own = state.present.filter((p) => !out.has(p.member.id)).map((p) => ({ field: `b.${p.member.id}`, label: civilName(p.member), proxy: false }));
  const proxies = state.represented.filter((r) => !out.has(r.giver.id)).map((r) => ({ field: `b.${r.holder.id}.${r.giver.id}`, label: `${civilName(r.holder)}, pour ${civilName(r.giver)}`, proxy: true }));
  return [...own, ...proxies].map((b, i) => ({ ...b, id: `bulletin-${i + 1}`, options: CHOICE_OPTIONS }));
}

/** "arrivée de M. Michel GARENAUX au point n°2", "pouvoir de M. Alain DUWAT à M. Michel GARENAUX". */
function gestureLabel(g: LastGesture, members: (MemberRef & { seat: string })[]): string {
  const who = (id: string | null) => { const m = members.find((x) => x.id === id); return m ? civilName(m) : 'un membre'; };
  if (g.kind === 'proxy') return `pouvoir de ${who(g.memberId)} à ${who(g.holderId)}`;
  return `${g.kind === 'arrival' ? 'arrivée' : 'départ'} de ${who(g.memberId)} au point n°${g.position}`;
}

interface Seated extends MemberRef { title?: string | null; seat: string }

/** A member's tile at the current item: présent, excusé, absent or suppléant sitting, and the one gesture that applies. */
function tile(m: Seated, state: ItemAttendanceState, opening: string | null) {
  const here = state.present.find((p) => p.member.id === m.id);
  const excused = state.excused.find((a) => a.member.id === m.id);
  const status = here ? (here.seat === 'suppleant' ? 'suppléant' : 'présent') : excused ? 'excusé' : opening === null ? 'non pointé' : 'absent';
  const tone = here ? 'ok' : excused ? 'warn' : 'bad';
  // The words of the act ("reçoit pouvoir d'H. CARVALHO"), from the wording module.
  const proxy = here?.holdsProxyOf.length ? here.holdsProxyOf.map(receivesProxyFrom).join(', ') : excused?.proxyTo ? givesProxyTo(excused.proxyTo) : null;
  return { id: m.id, name: civilName(m), title: m.title ?? null, status, tone, proxy, gesture: here ? { kind: 'departure', label: 'Départ' } : { kind: 'arrival', label: 'Arrivée' } };
}

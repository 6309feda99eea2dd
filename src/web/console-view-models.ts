// View models of the register and session pages: plain data in, display-ready French strings out.
// Every field is always present (null or [] when empty): the views compile in strict mode.
import { agree, formatDateWithWeekday, joinFrench, votersInHeader } from '../wording';
import type { DeliberationRecord, SeatedMember } from '../domain/types';
import {
  Badge, civilName, collectivityKindLabel, paths, QuorumVm, quorumVm, ResultVm, resultVm, sessionDateLabel, sessionStatusBadge,
} from './console-format';
import { MinutesBlockVm, minutesBlockVm, MinutesInput } from './minutes-view-model';

export interface SessionSummaryInput {
  id: string;
  bodyId: string;
  localDate: string;
  localTime: string;
  place: string | null;
  status: string;
  secondConvocation: boolean;
}

/** What the account's roles in a collectivity let it do from the register (src/auth/permissions.ts). */
export interface HomeAccess {
  /** Reads sessions at all (no role there: an operator sees the collectivity in the directory only). */
  reads: boolean;
  /** Reads only the bodies its linked member sits on (the member role alone). */
  ownBodyOnly: boolean;
  setup: boolean;
  prepare: boolean;
}

export interface CollectivityInput {
  collectivity: { id: string; kind: string; name: string; shortName: string | null; siren: string; departementCode: string };
  access: HomeAccess;
  bodies: { id: string; name: string }[];
  sessions: SessionSummaryInput[];
}

export interface SessionLinkVm {
  href: string;
  /** "Séance du lundi 30 septembre 2019 à 18 h 30": the link says where it goes. */
  label: string;
  /** The live page where the secretary records the session. */
  liveHref: string;
  place: string | null;
  secondConvocation: boolean;
  status: Badge;
}

export interface HomeVm {
  title: string;
  empty: boolean;
  /** Platform operators create collectivities. */
  mayCreate: boolean;
  collectivities: {
    id: string;
    name: string;
    shortName: string | null;
    kind: string;
    siren: string;
    departementCode: string;
    setupHref: string | null;
    newSessionHref: string | null;
    /** Why no session is listed, when none can be: no role, no body, no body the member sits on. */
    notice: string | null;
    bodies: { name: string; empty: boolean; sessions: SessionLinkVm[] }[];
  }[];
}

export function homeViewModel(entries: CollectivityInput[], o: { mayCreate: boolean }): HomeVm {
  return {
    title: 'Registre des délibérations',
    empty: entries.length === 0,
    mayCreate: o.mayCreate,
    collectivities: entries.map(({ collectivity: c, access, bodies, sessions }) => ({
      id: c.id,
      name: c.name,
      shortName: c.shortName,
      kind: collectivityKindLabel(c.kind),
      siren: c.siren,
      departementCode: c.departementCode,
      setupHref: access.setup ? paths.setup(c.id) : null,
      newSessionHref: access.prepare ? paths.newSession(c.id) : null,
      notice: homeNotice(access, bodies.length),
      bodies: bodies.map((b) => {
        const own = sessions.filter((s) => s.bodyId === b.id).map((s) => sessionLink(c.id, s));
        return { name: b.name, empty: own.length === 0, sessions: own };
      }),
    })),
  };
}

function homeNotice(access: HomeAccess, bodies: number): string | null {
  if (!access.reads) return "Vous n'avez pas de rôle dans cette collectivité : ses séances ne vous sont pas montrées.";
  if (bodies > 0) return null;
  return access.ownBodyOnly ? "Votre compte n'est lié à aucun membre d'une assemblée de cette collectivité." : 'Aucune assemblée enregistrée.';
}

function sessionLink(cid: string, s: SessionSummaryInput): SessionLinkVm {
  return {
    href: paths.session(cid, s.id),
    label: `Séance du ${sessionDateLabel(s.localDate, s.localTime)}`,
    liveHref: paths.live(cid, s.id),
    place: s.place,
    secondConvocation: s.secondConvocation,
    status: sessionStatusBadge(s.status),
  };
}

/** What SessionsService.get returns and the page needs. */
export interface SessionInput {
  id: string;
  collectivityId: string;
  localDate: string;
  localTime: string;
  place: string | null;
  convocationDate: string | null;
  secondConvocation: boolean;
  /** L2121-17: the first convocation whose quorum failed, named by a second convocation. */
  firstConvocation: { id: string; localDate: string; localTime: string; quorum: { met: boolean } } | null;
  status: string;
  body: { name: string };
  president: SeatedMember | null;
  secretaries: SeatedMember[];
  inOffice: number;
}

export interface AgendaRowVm {
  position: number;
  number: string;
  href: string;
  object: string;
  present: number;
  represented: number;
  voters: number;
  quorum: QuorumVm;
  result: ResultVm;
}

export interface SessionPageVm {
  title: string;
  collectivityName: string;
  bodyName: string;
  dateLabel: string;
  place: string | null;
  president: string | null;
  secretariesLabel: string;
  secretaries: string | null;
  convocation: string | null;
  secondConvocation: boolean;
  /** "Seconde convocation après la séance du … (quorum non atteint)", linking the first convocation. */
  firstConvocation: { href: string; label: string; quorumFailed: boolean } | null;
  status: Badge;
  inOffice: number;
  hasItems: boolean;
  items: AgendaRowVm[];
  /** The procès-verbal (L2121-15); null while the session has not sat, or when it was cancelled. */
  minutes: MinutesBlockVm | null;
  documents: { list: string; zip: string | null } | null;
}

/** `today`: the local date of reading (YYYY-MM-DD), to tell a procès-verbal published late. */
export function sessionViewModel(collectivityName: string, s: SessionInput, records: DeliberationRecord[], minutes: MinutesInput, today: string): SessionPageVm {
  const cid = s.collectivityId;
  const items = records.map((r) => ({
    position: r.item.position,
    number: r.item.number,
    href: paths.deliberation(cid, r.item.id),
    object: r.item.object,
    present: r.attendance.present.length,
    represented: r.attendance.represented.length,
    voters: votersInHeader(r.attendance, r.body.wording?.votersHeader),
    quorum: quorumVm(r.attendance.quorum),
    result: resultVm(r),
  }));
  const anyVoted = records.some((r) => r.item.status === 'voted');
  const president = s.president ? `${civilName(s.president)}, ${s.president.title ?? agree(s.president.civility, 'Président', 'Présidente')}` : null;
  return {
    title: `Séance du ${formatDateWithWeekday(s.localDate)}`,
    collectivityName,
    bodyName: s.body.name,
    dateLabel: sessionDateLabel(s.localDate, s.localTime),
    place: s.place,
    president,
    secretariesLabel: s.secretaries.length > 1 ? 'Secrétaires de séance' : 'Secrétaire de séance',
    secretaries: s.secretaries.length ? joinFrench(s.secretaries.map(civilName)) : null,
    convocation: s.convocationDate ? formatDateWithWeekday(s.convocationDate) : null,
    secondConvocation: s.secondConvocation,
    firstConvocation: s.secondConvocation && s.firstConvocation
      ? {
          href: paths.session(cid, s.firstConvocation.id),
          label: `séance du ${sessionDateLabel(s.firstConvocation.localDate, s.firstConvocation.localTime)}`,
          quorumFailed: !s.firstConvocation.quorum.met,
        }
      : null,
    status: sessionStatusBadge(s.status),
    inOffice: s.inOffice,
    hasItems: items.length > 0,
    items,
    minutes: minutesBlockVm(cid, s.id, s.status, minutes, today),
    // The documents exist once there is an agenda; the ZIP holds extracts, so only voted items (see ExtractsService).
    // The procès-verbal has its own block.
    documents: items.length ? { list: paths.listPdf(cid, s.id), zip: anyVoted ? paths.extractsZip(cid, s.id) : null } : null,
  };
}

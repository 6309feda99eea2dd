// French wording of the console: labels, dates, quorum and result sentences. Pure, no Nest, no I/O.
// The words of the act (results, names, articles) come from src/wording, as the documents' do.
import type { DeliberationRecord, MemberRef, QuorumState } from '../domain/types';
import { civilityOfName, hourShort, civilName as wordCivilName, electedLabel, formatDateWithWeekday, modeLabel, resultSummary } from '../wording';

/** A label with a CSS modifier, so colour never carries the meaning alone (the text does). */
export interface Badge {
  label: string;
  tone: 'ok' | 'warn' | 'bad' | 'neutral' | 'info';
}

const SESSION_STATUS: Record<string, Badge> = {
  planned: { label: 'planifiée', tone: 'neutral' },
  convened: { label: 'convoquée', tone: 'info' },
  open: { label: 'ouverte', tone: 'warn' },
  closed: { label: 'close', tone: 'ok' },
  cancelled: { label: 'annulée', tone: 'bad' },
};

const ITEM_STATUS: Record<string, string> = {
  draft: 'Non votée',
  voted: 'Votée',
  withdrawn: 'Retirée',
  adjourned: 'Ajournée',
};

const COLLECTIVITY_KIND: Record<string, string> = {
  commune: 'Commune',
  communaute_communes: 'Communauté de communes',
  communaute_agglomeration: "Communauté d'agglomération",
  communaute_urbaine: 'Communauté urbaine',
  metropole: 'Métropole',
  syndicat: 'Syndicat',
  departement: 'Département',
  region: 'Région',
};

// An unknown code is shown as is rather than failing the page: the database may know more than this list.
export const sessionStatusBadge = (status: string): Badge => SESSION_STATUS[status] ?? { label: status, tone: 'neutral' };
export const itemStatusLabel = (status: string): string => ITEM_STATUS[status] ?? status;
export const collectivityKindLabel = (kind: string): string => COLLECTIVITY_KIND[kind] ?? kind;

/** "18 h 30", "9 h": the short hour, from the wording module. */
export const formatTimeShort = hourShort;

/** "lundi 30 septembre 2019 à 18 h 30". */
export function sessionDateLabel(localDate: string, localTime: string): string {
  return `${formatDateWithWeekday(localDate)} à ${formatTimeShort(localTime)}`;
}

/** "M. Christian LEROY", "Mme Anne FOURNIER". */
export const civilName = (member: MemberRef): string => wordCivilName(member);

export interface QuorumVm {
  met: boolean;
  /** "Quorum atteint" / "Quorum non atteint". */
  label: string;
  /** "36 présents, 25 requis". */
  detail: string;
  /** L2121-17: a second convocation deliberates whatever the number present. */
  waiver: string | null;
  tone: Badge['tone'];
}

export function quorumVm(q: QuorumState, quorumArticle = 'L2121-17'): QuorumVm {
  // Some profiles (commission permanente of a département) count those present or represented.
  const counted = q.basis === 'present' ? `${q.counted} présent${q.counted > 1 ? 's' : ''}` : `${q.counted} présents ou représentés`;
  const waiver = !q.met && q.waivedBySecondConvocation ? `Seconde convocation : délibère valablement quel que soit le nombre de présents (art. ${quorumArticle} du CGCT).` : null;
  return {
    met: q.met,
    label: q.met ? 'Quorum atteint' : 'Quorum non atteint',
    detail: `${counted}, ${q.needed} requis`,
    waiver,
    tone: q.met ? 'ok' : waiver ? 'warn' : 'bad',
  };
}

export interface ResultVm {
  /** "Adoptée à l'unanimité", "Rejetée par ...", "Élue : Anne FOURNIER", "Non votée". */
  label: string;
  tone: Badge['tone'];
  /** "Scrutin public", "Scrutin secret", "Vote à main levée", "Élection au scrutin secret". */
  mode: string | null;
}

export function resultVm(record: DeliberationRecord): ResultVm {
  const e = record.election;
  if (e) {
    const elected = e.candidates.find((c) => c.id === e.electedId) ?? null;
    if (!elected) return { label: 'Aucun candidat élu', tone: 'bad', mode: 'Élection au scrutin secret' };
    const member = elected.memberId ? memberById(record, elected.memberId) : null;
    return { label: electedLabel(member?.civility ?? civilityOfName(elected.name), elected.name), tone: 'ok', mode: 'Élection au scrutin secret' };
  }
  const v = record.vote;
  if (!v) return { label: itemStatusLabel(record.item.status), tone: 'neutral', mode: null };
  const adopted = v.outcome === 'adopted';
  const president = record.item.president ?? record.session.president;
  // L2121-20: a tie decided by the president is said once, in the result's own words (src/wording/results.ts).
  return {
    label: resultSummary(v, president?.civility),
    tone: adopted ? 'ok' : 'bad',
    mode: modeLabel(v.mode, !!v.named),
  };
}

/** Any member the record knows, wherever he sits at this item. */
export function memberById(record: DeliberationRecord, id: string): MemberRef | null {
  const a = record.attendance;
  const all = [...a.present, ...a.excused, ...a.absent];
  return all.find((x) => x.member.id === id)?.member ?? null;
}

/** Where the console's pages and the API's documents live; one place so links never drift. */
export const paths = {
  home: () => '/',
  session: (cid: string, sid: string) => `/console/collectivites/${cid}/seances/${sid}`,
  deliberation: (cid: string, iid: string) => `/console/collectivites/${cid}/deliberations/${iid}`,
  live: (cid: string, sid: string) => `/console/collectivites/${cid}/seances/${sid}/direct`,
  setup: (cid: string) => `/console/collectivites/${cid}/parametrage`,
  newSession: (cid: string) => `/console/collectivites/${cid}/seances/nouvelle`,
  minutesPdf: (cid: string, sid: string) => `/api/collectivities/${cid}/sessions/${sid}/minutes.pdf`,
  listPdf: (cid: string, sid: string) => `/api/collectivities/${cid}/sessions/${sid}/deliberations-list.pdf`,
  extractsZip: (cid: string, sid: string) => `/api/collectivities/${cid}/sessions/${sid}/extracts.zip`,
  extractPdf: (cid: string, iid: string) => `/api/collectivities/${cid}/items/${iid}/extract.pdf`,
  extractPdfa: (cid: string, iid: string) => `/api/collectivities/${cid}/items/${iid}/extract.pdf?pdfa=true`,
};

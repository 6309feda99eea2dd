// View model of one deliberation's page: the facts its extract prints, as display-ready French strings.
// Every field is always present (null or [] when empty): the views compile in strict mode.
import { actStatus, mustBeTransmitted } from '../domain/act-status';
import type { AbsentEntry, DeliberationRecord, MemberRef, NamedVote } from '../domain/types';
import {
  ActFactLine, actFactLines, absentNotes as wordAbsentNotes, agree, arrivedNote, articlesFor, capitalize, changeSentence, civilityOfName, countNoun, joinFrench,
  leftNote, memberInitialName, memberShortName, namedSides, ordinalInWords, orderMembers, presentNotes, roundOutcome, votersInHeader,
} from '../wording';
import { civilName, itemStatusLabel, memberById, paths, QuorumVm, quorumVm, ResultVm, resultVm, sessionDateLabel } from './console-format';
import { DebatesVm, debatesVm, MinutesInput } from './minutes-view-model';

/** The agenda of the session, for numbers of other items ("après la délibération n°…") and prev/next links. */
export interface AgendaEntry {
  id: string;
  position: number;
  number: string;
}

export interface NavLinkVm {
  href: string;
  label: string;
}

export interface ElectionRoundVm {
  title: string;
  voters: number;
  blank: number;
  void: number;
  cast: number;
  /** "13" at the first two rounds; null at the third, where the relative majority suffices (L2122-7). */
  absoluteMajority: number | null;
  candidates: { name: string; votes: string }[];
  outcome: string;
}

export interface DeliberationPageVm {
  title: string;
  number: string;
  object: string;
  collectivityName: string;
  bodyName: string;
  session: NavLinkVm;
  place: string | null;
  status: string;
  rapporteur: string | null;
  itemPresident: string | null;
  matiereCode: string | null;
  acteId: string | null;
  /** L2131-1: sent to the préfecture, received there (the acknowledgement), published, exécutoire (src/wording/act-facts.ts). */
  actFacts: ActFactLine[];
  /** L2121-17: the item of the failed first convocation this one carries over, linked. */
  carriedFrom: NavLinkVm | null;
  /** The extract's header figures; `note` qualifies one ("dont 1 suppléante"). */
  counts: { label: string; value: string; note: string | null }[];
  quorum: QuorumVm;
  present: string[];
  excused: string[];
  absent: string[];
  changes: string[];
  notTakingPart: string[];
  result: ResultVm;
  /** L2121-21: "Scrutin public demandé par M. Jean GARDIN, … et Mme …"; null when nobody asked (or a show of hands). */
  requests: string | null;
  /** The substance of the debates, from the procès-verbal (L2121-15); null when the session has none. */
  debates: DebatesVm | null;
  /** Named votes per side; `long` lists are set in columns. */
  named: { label: string; count: number; long: boolean; names: string[] }[];
  election: { wording: string; rounds: ElectionRoundVm[] } | null;
  documents: { extract: string; extractPdfa: string } | null;
  previous: NavLinkVm | null;
  next: NavLinkVm | null;
}

const withNotes = (m: MemberRef, notes: string[]): string => memberShortName(m) + (notes.length ? ` (${notes.join(', ')})` : '');

/** `minutes`: the procès-verbal of the item's session (MinutesService.get), for its debates. */
export function deliberationViewModel(record: DeliberationRecord, agenda: AgendaEntry[], minutes: MinutesInput | null): DeliberationPageVm {
  const cid = record.collectivity.id;
  const a = record.attendance;
  const numberAt = (position: number): string | null => agenda.find((e) => e.position === position)?.number ?? null;
  const president = record.item.president ?? record.session.president;
  const v = record.vote;
  const dash = (n: number | undefined): string => (n === undefined ? '—' : String(n));
  const index = agenda.findIndex((e) => e.id === record.item.id);
  const nav = (e: AgendaEntry | undefined): NavLinkVm | null =>
    e ? { href: paths.deliberation(cid, e.id), label: `Délibération n°${e.number}` } : null;

  const w = record.body.wording;
  const ordered = <T extends { member: MemberRef }>(list: T[]): T[] =>
    orderMembers(list, (e) => e.member, w?.memberOrder, w?.tableRanks, (e) => ('replaces' in e ? (e.replaces as MemberRef | null) : null));
  const present = ordered(a.present).map((p) =>
    withNotes(p.member, [
      ...(president && p.member.id === president.id ? [agree(p.member.civility, 'président', 'présidente')] : []),
      ...presentNotes(p),
      ...(p.arrivedAt !== null ? [arrivedNote(p.member, numberAt(p.arrivedAt), p.arrivedTime ?? null)] : []),
    ]),
  );
  const absentNotes = (e: AbsentEntry): string[] => [
    ...wordAbsentNotes(e),
    ...(e.leftAt !== null ? [leftNote(e.member, numberAt(e.leftAt - 1), e.leftTime ?? null)] : []),
  ];

  return {
    title: `Délibération n°${record.item.number}`,
    number: record.item.number,
    object: record.item.object,
    collectivityName: record.collectivity.name,
    bodyName: record.body.name,
    session: {
      href: paths.session(cid, record.session.id),
      label: `Séance du ${sessionDateLabel(record.session.localDate, record.session.localTime)}`,
    },
    place: record.session.place,
    status: itemStatusLabel(record.item.status),
    rapporteur: record.item.rapporteur ? civilName(record.item.rapporteur) : null,
    itemPresident: record.item.president ? civilName(record.item.president) : null,
    matiereCode: record.item.matiereCode,
    acteId: record.item.acteId,
    actFacts: actFacts(record.item),
    carriedFrom: record.item.carriedFrom
      ? { href: paths.deliberation(cid, record.item.carriedFrom.id), label: `n°${record.item.carriedFrom.number} : ${record.item.carriedFrom.object}` }
      : null,
    counts: [
      { label: 'Membres en exercice', value: String(a.inOffice), note: null },
      { label: 'Présents', value: String(a.present.length), note: suppleantsNote(record) },
      { label: 'Représentés', value: String(a.represented.length), note: null },
      { label: 'Votants', value: String(votersInHeader(a, w?.votersHeader)), note: null },
      { label: 'Pour', value: dash(v?.pour), note: null },
      { label: 'Contre', value: dash(v?.contre), note: null },
      { label: 'Abstentions', value: dash(v?.abstention), note: null },
      { label: 'Ne prenant pas part', value: String(a.notTakingPart.length), note: null },
    ],
    quorum: quorumVm(a.quorum, articlesFor(record.collectivity.kind).quorum),
    present,
    excused: ordered(a.excused).map((e) => withNotes(e.member, absentNotes(e))),
    absent: ordered(a.absent).map((e) => withNotes(e.member, absentNotes(e))),
    changes: changesHere(record),
    notTakingPart: a.notTakingPart.map((n) => withNotes(n.member, n.reason ? [n.reason] : [])),
    result: resultVm(record),
    requests: requestsLine(record),
    debates: debatesVm(record.item.id, record.session.status, minutes),
    named: v?.named
      ? namedSides(v.named, namedVote, v.mode === 'roll_call').map(({ label, count, names }) => ({ label, count, long: count > 8, names }))
      : [],
    election: electionVm(record),
    // Only a voted item is an act that can be certified (ExtractsService refuses the others).
    documents: record.item.status === 'voted' ? { extract: paths.extractPdf(cid, record.item.id), extractPdfa: paths.extractPdfa(cid, record.item.id) } : null,
    previous: index > 0 ? nav(agenda[index - 1]) : null,
    next: index >= 0 ? nav(agenda[index + 1]) : null,
  };
}

/** Judged as the extract judges them (src/documents/view-models.ts): the receipt, not the sending, with the publication. */
function actFacts(i: DeliberationRecord['item']): ActFactLine[] {
  const status = actStatus({ receivedOn: i.receivedAt, publishedOn: i.publishedAt, acteId: i.acteId }, mustBeTransmitted({}));
  return actFactLines(i.transmittedAt, status, i.status === 'voted');
}

/** L2121-21: who asked for the public vote or the secret ballot, as the procès-verbal names them. */
function requestsLine(record: DeliberationRecord): string | null {
  const v = record.vote;
  const who = v?.requestedBy ?? [];
  if (!v || who.length === 0 || (v.mode !== 'roll_call' && v.mode !== 'secret')) return null;
  const article = articlesFor(record.collectivity.kind).ballot;
  return `Scrutin ${v.mode === 'roll_call' ? 'public' : 'secret'} demandé par ${joinFrench(who.map(civilName))} (art. ${article} du CGCT).`;
}

/** "dont 1 suppléante": L5211-6 suppléants are counted apart, as extracts do. */
function suppleantsNote(record: DeliberationRecord): string | null {
  const a = record.attendance;
  if (!a.presentSuppleants) return null;
  const women = a.present.filter((p) => p.seat === 'suppleant').every((p) => p.member.civility === 'Mme');
  const noun = women ? countNoun(a.presentSuppleants, 'suppléante', 'suppléantes') : countNoun(a.presentSuppleants, 'suppléant', 'suppléants');
  return `dont ${noun}`;
}

function changesHere(record: DeliberationRecord): string[] {
  const a = record.attendance;
  return record.changesHere.map((c) => {
    const entry = c.kind === 'departure' ? [...a.excused, ...a.absent].find((e) => e.member.id === c.member.id) : undefined;
    return changeSentence(c, entry?.proxyTo ?? null);
  });
}

const namedVote = (n: NamedVote): string => memberShortName(n.member) + (n.castBy ? ` (par pouvoir, vote exprimé par ${memberInitialName(n.castBy)})` : '');

function electionVm(record: DeliberationRecord): DeliberationPageVm['election'] {
  const e = record.election;
  if (!e) return null;
  const nameOf = (id: string): string => e.candidates.find((c) => c.id === id)?.name ?? id;
  const civilityOf = (id: string) => {
    const c = e.candidates.find((x) => x.id === id);
    return (c?.memberId ? memberById(record, c.memberId)?.civility : null) ?? civilityOfName(c?.name ?? '');
  };
  return {
    wording: e.wording,
    rounds: e.rounds.map((r) => ({
      title: `${capitalize(ordinalInWords(r.round))} tour`,
      voters: r.voters,
      blank: r.blank,
      void: r.void,
      cast: r.cast,
      absoluteMajority: r.relative ? null : r.absoluteMajority,
      candidates: [...r.votes].sort((x, y) => y.votes - x.votes).map((x) => ({ name: nameOf(x.candidateId), votes: countNoun(x.votes, 'voix', 'voix') })),
      outcome: roundOutcome(r, nameOf, civilityOf, ordinalInWords(r.round + 1)),
    })),
  };
}

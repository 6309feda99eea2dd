// Builders shared by the three view models. Pure: record in, Markdown-ready strings out. The words come from
// src/wording (the console takes them from there too); this file escapes and arranges them.
import type { DeliberationRecord, MemberRef, SeatedMember } from '../domain/types';
import {
  absentNotes, articlesFor, hourShort, orderMembers, votersInHeader, bodyWords, civilityOfName, countNoun, deliberatedSentence, formatDateLong,
  formatDateWithWeekday, formatTimeInWords, modeSentence, namedSides, notTakingPartSentence, openingDateFormula, ordinalInWords,
  placeAndDateSentence, presentNotes, receivesProxyFrom, requestSentence as wordRequest, resultSummary, resultWording,
  roundOutcome, secretarySentence as wordSecretary, signers, changeSentence, tieSentence, urgencyMention,
} from '../wording';
import {
  agree,
  civilityWord,
  escapeMarkdown as md,
  groupByCivility,
  memberFullName,
  memberInitialName,
  memberShortName,
} from './french-format';
import type {
  AttendanceVm,
  BodyVm,
  CivilityGroupVm,
  CountsVm,
  HeaderVm,
  PersonVm,
  PresidencyVm,
  ResultVm,
  SessionVm,
  SignatureVm,
} from './view-model.types';

export function person(member: MemberRef & { title?: string | null }): PersonVm {
  return {
    civility: civilityWord(member.civility),
    fullName: md(memberFullName(member)),
    shortName: md(memberShortName(member)),
    initialName: md(memberInitialName(member)),
    title: member.title ? md(member.title) : null,
  };
}

export function header(record: Pick<DeliberationRecord, 'collectivity' | 'body'>, documentTitle: string, number: string | null): HeaderVm {
  const name = md(record.collectivity.name);
  return {
    collectivityName: name,
    collectivityShortName: record.collectivity.shortName ? md(record.collectivity.shortName) : null,
    bodyName: md(record.body.name),
    documentTitle,
    number: number === null ? null : md(number),
    runningTitle: number === null ? name : `${name} — Délibération n°${md(number)}`,
  };
}

export function body(record: Pick<DeliberationRecord, 'body'> & { collectivity?: Pick<DeliberationRecord['collectivity'], 'kind'> }): BodyVm {
  const name = md(record.body.name);
  const w = bodyWords(record.body.kind, name, record.collectivity?.kind ?? '');
  return { name, subject: w.subject, metVerb: w.metVerb, deliberating: w.deliberating };
}

export function session(record: Pick<DeliberationRecord, 'session'>, mil: boolean): SessionVm {
  const s = record.session;
  return {
    dateFormula: openingDateFormula(s.localDate, s.localTime, { mil }),
    date: formatDateLong(s.localDate),
    dateWithWeekday: formatDateWithWeekday(s.localDate),
    time: formatTimeInWords(s.localTime),
    place: s.place ? md(s.place) : null,
    convocationDate: s.convocationDate ? formatDateLong(s.convocationDate) : null,
    urgency: s.urgency ? urgencyMention(s.urgency.article) : null,
    secondConvocation: s.secondConvocation,
  };
}

const presidentTitle = (m: SeatedMember): string => md(m.title ?? agree(m.civility, 'Président', 'Présidente'));

/** Who presides this item, with the proxy he holds (the reference names it in the opening formula). */
export function presidency(record: DeliberationRecord): PresidencyVm | null {
  const president = record.item.president ?? record.session.president;
  if (!president) return null;
  const entry = record.attendance.present.find((p) => p.member.id === president.id);
  const proxies = entry?.holdsProxyOf ?? [];
  return {
    person: person(president),
    proxyMention: proxies.length > 0 ? md(proxies.map(receivesProxyFrom).join(', ')) : null,
    title: presidentTitle(president),
  };
}

function groups<T extends { member: MemberRef }>(entries: T[], describe: (entry: T) => string[], record: Pick<DeliberationRecord, 'body'>): CivilityGroupVm[] {
  const w = record.body.wording;
  const ordered = orderMembers(entries, (e) => e.member, w?.memberOrder, w?.tableRanks, (e) => ('replaces' in e ? (e.replaces as MemberRef | null) : null));
  return groupByCivility(ordered, (e) => e.member.civility).map((g) => ({
    label: g.label,
    names: g.entries.map((e) => {
      const notes = describe(e);
      return md(memberShortName(e.member)) + (notes.length > 0 ? ` (${md(notes.join(', '))})` : '');
    }),
  }));
}

/** Attendance lists of one item; the president named in the opening formula is left out of the présents. */
export function attendance(record: DeliberationRecord, numberAt: (position: number) => string | null, omitId: string | null): AttendanceVm {
  const a = record.attendance;
  const articles = articlesFor(record.collectivity.kind);
  const left = (e: (typeof a.excused)[number]): string[] => {
    if (e.leftAt === null || e.leftAt === record.item.position) return [];
    const before = numberAt(e.leftAt - 1);
    const at = e.leftTime ? ` à ${hourShort(e.leftTime)}` : '';
    return [before ? `a quitté la séance${at}${at ? ',' : ''} après la délibération n°${before}` : `a quitté la séance${at}`];
  };
  const absent = (e: (typeof a.excused)[number]): string[] => [...absentNotes(e), ...left(e)];
  return {
    present: groups(a.present.filter((p) => p.member.id !== omitId), presentNotes, record),
    excused: groups(a.excused, absent, record),
    absent: groups(a.absent, absent, record),
    changes: record.changesHere.map((c) => md(changeSentence(c, c.kind === 'departure' ? proxyGivenBy(record, c.member) : null))),
    notTakingPart: a.notTakingPart.map((n) => md(notTakingPartSentence(
      n.member, n.reason, articles.notTakingPart, [...a.excused, ...a.absent].filter((e) => e.proxyUnusedBy?.id === n.member.id).map((e) => e.member),
    ))),
  };
}

function proxyGivenBy(record: DeliberationRecord, m: MemberRef): MemberRef | null {
  const entry = [...record.attendance.excused, ...record.attendance.absent].find((e) => e.member.id === m.id);
  return entry?.proxyTo ?? null;
}

export function counts(record: DeliberationRecord): CountsVm {
  const a = record.attendance;
  const v = record.vote;
  const q = a.quorum;
  const quorumSentence = q.met
    ? `Le quorum est atteint (${countNoun(q.counted, 'membre présent', 'membres présents')}, ${q.needed} requis).`
    : q.waivedBySecondConvocation
      ? `Le quorum n'est pas atteint (${q.counted} présents, ${q.needed} requis), mais l'assemblée, réunie sur seconde convocation, délibère valablement (article ${articlesFor(record.collectivity.kind).quorum} du CGCT).`
      : `Le quorum n'est pas atteint (${q.counted} présents, ${q.needed} requis).`;
  return {
    inOffice: a.inOffice,
    present: a.present.length,
    presentTitulaires: a.presentTitulaires,
    presentSuppleants: a.presentSuppleants,
    hasSuppleants: a.presentSuppleants > 0,
    represented: a.represented.length,
    voters: votersInHeader(a, record.body.wording?.votersHeader),
    pour: v ? v.pour : null,
    contre: v ? v.contre : null,
    abstention: v ? v.abstention : null,
    notTakingPart: a.notTakingPart.length,
    quorumNeeded: q.needed,
    quorumSentence,
  };
}

export function secretarySentence(secretaries: SeatedMember[]): string | null {
  const sentence = wordSecretary(secretaries);
  return sentence === null ? null : md(sentence);
}

const castName = (n: { member: MemberRef; castBy: MemberRef | null }): string =>
  md(memberShortName(n.member)) + (n.castBy ? ` (par pouvoir, ${md(memberInitialName(n.castBy))})` : '');

export function result(record: DeliberationRecord): ResultVm {
  const b = body(record);
  const articles = articlesFor(record.collectivity.kind);
  const president = record.item.president ?? record.session.president;
  if (record.election) {
    const e = record.election;
    const nameOf = (id: string): string => md(e.candidates.find((c) => c.id === id)?.name ?? id);
    const civilityOf = (id: string) => {
      const c = e.candidates.find((x) => x.id === id);
      const member = c?.memberId ? memberOf(record, c.memberId) : null;
      return member ? member.civility : civilityOfName(c?.name ?? '');
    };
    const rounds = e.rounds.map((r) => ({
      title: `${ordinalInWords(r.round).replace(/^./, (c) => c.toUpperCase())} tour`,
      voters: r.voters,
      blankAndVoid: r.blank + r.void,
      blank: r.blank,
      void: r.void,
      cast: r.cast,
      absoluteMajority: r.relative ? null : r.absoluteMajority,
      results: [...r.votes].sort((x, y) => y.votes - x.votes).map((v) => ({ name: nameOf(v.candidateId), votes: countNoun(v.votes, 'voix', 'voix') })),
      outcome: roundOutcome(r, nameOf, civilityOf, ordinalInWords(r.round + 1)),
    }));
    // The wording recorded with the election (it may name the office: "… est élu deuxième vice-président.").
    const wording = md(e.wording);
    return {
      kind: 'election',
      adopted: e.electedId !== null,
      deliberatedSentence: `${capitalizeFirst(b.deliberating)} procède à l'élection au scrutin secret.`,
      wording,
      summary: wording,
      requestSentence: null,
      modeSentence: modeSentence('secret', articles.ballot),
      named: [],
      castingVoteSentence: null,
      election: {
        intro: `${capitalizeFirst(b.deliberating)} procède à l'élection au scrutin secret (article ${articles.ballot} du CGCT).`,
        rounds,
        wording,
      },
    };
  }
  const v = record.vote;
  if (!v) {
    return {
      kind: 'none', adopted: false, deliberatedSentence: `${capitalizeFirst(b.deliberating)} prend acte.`, wording: '',
      summary: 'Sans vote', requestSentence: null, modeSentence: null, named: [], castingVoteSentence: null, election: null,
    };
  }
  const adopted = v.outcome === 'adopted';
  // L2121-20: the casting vote is said once, in the result, agreeing with who presides.
  const wording = resultWording(v, president?.civility);
  const publicVote = v.mode === 'roll_call';
  const named = v.named
    ? namedSides(v.named, publicVote ? castName : (n) => md(`${n.member.civility} ${memberFullName(n.member)}`), publicVote)
        .map(({ label, count, names, sentence }) => ({ label, count, names, sentence }))
    : [];
  return {
    kind: 'vote',
    adopted,
    deliberatedSentence: deliberatedSentence(b.deliberating, wording, adopted, record.item.decisionMd.trim() !== ''),
    wording,
    summary: resultSummary(v, president?.civility),
    requestSentence: requestSentence(v.mode, v.requestedBy ?? [], articles.ballot),
    modeSentence: modeSentence(v.mode, articles.ballot),
    named,
    castingVoteSentence: v.castingVote ? tieSentence(v.pour, v.contre, president?.civility, articles.majority) : null,
    election: null,
  };
}

function memberOf(record: DeliberationRecord, id: string): MemberRef | null {
  const a = record.attendance;
  return [...a.present, ...a.excused, ...a.absent].find((x) => x.member.id === id)?.member ?? null;
}

/** L2121-21: the procès-verbal states who asked for a public vote or a secret ballot ("M. Jean GARDIN, Mme ..."). */
export function requestSentence(mode: string, requesters: MemberRef[], ballotArticle = 'L2121-21'): string | null {
  return wordRequest(mode, requesters.map((m) => `${m.civility} ${md(memberFullName(m))}`), ballotArticle);
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** President and secretaries sign (L2121-23) under the title of their function in this body (R2131-1). */
export function signatures(
  record: Pick<DeliberationRecord, 'collectivity' | 'session' | 'item'> | { collectivity: DeliberationRecord['collectivity']; session: DeliberationRecord['session']; item?: undefined },
): SignatureVm[] {
  return signers(record.collectivity.kind, record.session.president, record.item?.president ?? null, record.session.secretaries)
    .map((s) => ({ role: s.role, fullName: md(memberFullName(s.member)), title: null }));
}

/** "Fait à Lumbres, le 30 septembre 2019.": the seat of the collectivity (a setting), else the place given. */
export function placeAndDate(seat: string | null, date: string): string {
  return placeAndDateSentence(seat ? md(seat) : null, formatDateLong(date));
}

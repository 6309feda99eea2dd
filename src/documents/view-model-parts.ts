// Builders shared by the three view models. Pure: record in, Markdown-ready strings out.
import type { DeliberationRecord, MemberRef, SeatedMember } from '../domain/types';
import {
  agree,
  civilityWord,
  countNoun,
  escapeMarkdown as md,
  formatDateLong,
  formatDateWithWeekday,
  formatTimeInWords,
  givesProxyTo,
  groupByCivility,
  joinFrench,
  memberFullName,
  memberInitialName,
  memberShortName,
  openingDateFormula,
  ordinalInWords,
  receivesProxyFrom,
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

/** Spelt "Madame Sophie ARNAUD" in sentences. */
const called = (member: MemberRef): string => `${civilityWord(member.civility)} ${md(memberFullName(member))}`;

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

const normalizeKind = (kind: string): string =>
  kind.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s-]+/g, '_');

// Collective name of the deliberating body by its kind; feminine bodies make "réunie".
const DELIBERATING: Record<string, [string, boolean]> = {
  conseil_municipal: ['le conseil municipal', false],
  conseil_communautaire: ['le conseil communautaire', false],
  conseil_de_communaute: ['le conseil communautaire', false],
  conseil_metropolitain: ['le conseil métropolitain', false],
  comite_syndical: ['le comité syndical', false],
  conseil_departemental: ['le conseil départemental', false],
  conseil_regional: ['le conseil régional', false],
  commission_permanente: ['la commission permanente', true],
  bureau: ['le bureau', false],
  assemblee: ["l'assemblée", true],
};

export function body(record: Pick<DeliberationRecord, 'body'>): BodyVm {
  const known = DELIBERATING[normalizeKind(record.body.kind)];
  const name = md(record.body.name);
  const feminine = known ? known[1] : /^(commission|assembl)/i.test(record.body.name);
  const article = /^[aeiouyhàâéèêîôû]/i.test(name) ? "l'" : feminine ? 'la ' : 'le ';
  return {
    name,
    subject: `${article}${name}`,
    metVerb: feminine ? "s'est réunie" : "s'est réuni",
    deliberating: known ? known[0] : `${article}${name.toLowerCase()}`,
  };
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

function groups<T extends { member: MemberRef }>(entries: T[], describe: (entry: T) => string[]): CivilityGroupVm[] {
  return groupByCivility(entries, (e) => e.member.civility).map((g) => ({
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
  const left = (leftAt: number | null): string[] => {
    if (leftAt === null || leftAt === record.item.position) return [];
    const before = numberAt(leftAt - 1);
    return [before ? `a quitté la séance après la délibération n°${before}` : 'a quitté la séance'];
  };
  const present = groups(
    a.present.filter((p) => p.member.id !== omitId),
    (p) => [
      ...(p.replaces ? [`${agree(p.member.civility, 'suppléant', 'suppléante')} de ${memberInitialName(p.replaces)}`] : []),
      ...p.holdsProxyOf.map(receivesProxyFrom),
    ],
  );
  const absentNotes = (e: (typeof a.excused)[number]): string[] => [
    ...(e.replacedBy ? [`${agree(e.member.civility, 'remplacé', 'remplacée')} par ${memberInitialName(e.replacedBy)}`] : []),
    ...(e.proxyTo ? [givesProxyTo(e.proxyTo)] : []),
    ...left(e.leftAt),
  ];
  const changes = record.changesHere.map((c) =>
    c.kind === 'arrival'
      ? `${called(c.member)} ${agree(c.member.civility, 'arrive', 'arrive')} en séance et prend part aux débats à partir de la présente délibération.`
      : `${called(c.member)} quitte la séance avant la présente délibération${departureProxy(record, c.member)}.`,
  );
  return {
    present,
    excused: groups(a.excused, absentNotes),
    absent: groups(a.absent, absentNotes),
    changes,
    notTakingPart: a.notTakingPart.map(
      (n) => `${called(n.member)} ne prend pas part au vote (article L2131-11 du CGCT)${n.reason ? ` : ${md(n.reason)}` : ''}.`,
    ),
  };
}

function departureProxy(record: DeliberationRecord, m: MemberRef): string {
  const entry = [...record.attendance.excused, ...record.attendance.absent].find((e) => e.member.id === m.id);
  return entry?.proxyTo ? ` et ${givesProxyTo(entry.proxyTo)}` : '';
}

export function counts(record: DeliberationRecord): CountsVm {
  const a = record.attendance;
  const v = record.vote;
  const q = a.quorum;
  const quorumSentence = q.met
    ? `Le quorum est atteint (${countNoun(q.counted, 'membre présent', 'membres présents')}, ${q.needed} requis).`
    : q.waivedBySecondConvocation
      ? `Le quorum n'est pas atteint (${q.counted} présents, ${q.needed} requis), mais l'assemblée, réunie sur seconde convocation, délibère valablement (article L2121-17 du CGCT).`
      : `Le quorum n'est pas atteint (${q.counted} présents, ${q.needed} requis).`;
  return {
    inOffice: a.inOffice,
    present: a.present.length,
    presentTitulaires: a.presentTitulaires,
    presentSuppleants: a.presentSuppleants,
    hasSuppleants: a.presentSuppleants > 0,
    represented: a.represented.length,
    voters: a.voters,
    pour: v ? v.pour : null,
    contre: v ? v.contre : null,
    abstention: v ? v.abstention : null,
    notTakingPart: a.notTakingPart.length,
    quorumNeeded: q.needed,
    quorumSentence,
  };
}

export function secretarySentence(secretaries: SeatedMember[]): string | null {
  if (secretaries.length === 0) return null;
  if (secretaries.length === 1) {
    const s = secretaries[0];
    return `${called(s)} est ${agree(s.civility, 'élu', 'élue')} secrétaire.`;
  }
  const allWomen = secretaries.every((s) => s.civility === 'Mme');
  return `${joinFrench(secretaries.map(called))} sont ${allWomen ? 'élues' : 'élus'} secrétaires.`;
}

const castName = (n: { member: MemberRef; castBy: MemberRef | null }): string =>
  md(memberShortName(n.member)) + (n.castBy ? ` (par pouvoir, ${md(memberInitialName(n.castBy))})` : '');

export function result(record: DeliberationRecord): ResultVm {
  const b = body(record);
  const president = record.item.president ?? record.session.president;
  if (record.election) {
    const e = record.election;
    const nameOf = (id: string): string => md(e.candidates.find((c) => c.id === id)?.name ?? id);
    const rounds = e.rounds.map((r) => ({
      title: `${ordinalInWords(r.round).replace(/^./, (c) => c.toUpperCase())} tour`,
      voters: r.voters,
      blankAndVoid: r.blank + r.void,
      blank: r.blank,
      void: r.void,
      cast: r.cast,
      absoluteMajority: r.relative ? null : r.absoluteMajority,
      results: [...r.votes].sort((x, y) => y.votes - x.votes).map((v) => ({ name: nameOf(v.candidateId), votes: countNoun(v.votes, 'voix', 'voix') })),
      outcome: r.electedId
        ? `${nameOf(r.electedId)} obtient ${r.relative ? 'la majorité relative' : 'la majorité absolue'}${r.decidedByAge ? ' et, à égalité de suffrages, est le plus âgé' : ''}.`
        : `Aucun candidat n'ayant obtenu la majorité absolue, il est procédé à un ${ordinalInWords(r.round + 1)} tour.`,
    }));
    return {
      kind: 'election',
      adopted: e.electedId !== null,
      deliberatedSentence: `${capitalizeFirst(b.deliberating)} procède à l'élection au scrutin secret.`,
      wording: md(e.wording),
      summary: md(e.wording),
      requestSentence: null,
      modeSentence: 'Le vote a lieu au scrutin secret (article L2121-21 du CGCT).',
      named: [],
      castingVoteSentence: null,
      election: {
        intro: `${capitalizeFirst(b.deliberating)} procède à l'élection au scrutin secret (article L2121-21 du CGCT).`,
        rounds,
        wording: md(e.wording),
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
  const presidentWord = president?.civility === 'Mme' ? 'la présidente' : 'le président';
  const casting = v.castingVote && !/prépondérante/.test(v.wording)
    ? `la voix de ${presidentWord} étant prépondérante (article L2121-20 du CGCT)`
    : null;
  const wording = md(v.wording) + (casting ? `, ${casting}` : '');
  const named = v.named
    ? ([
        ['Ont voté pour', v.named.pour],
        ['Ont voté contre', v.named.contre],
        ['Se sont abstenus', v.named.abstention],
      ] as const)
        .filter(([, list]) => list.length > 0)
        .map(([label, list]) => ({ label, count: list.length, names: list.map(castName) }))
    : [];
  return {
    kind: 'vote',
    adopted,
    deliberatedSentence: adopted
      ? `Après en avoir délibéré, ${b.deliberating}, ${wording},`
      : `Après en avoir délibéré, ${b.deliberating}, ${wording}, **REJETTE** la proposition.`,
    wording,
    summary: `${adopted ? 'Adoptée' : 'Rejetée'} ${wording}`,
    requestSentence: requestSentence(v.mode, v.requestedBy ?? []),
    modeSentence: v.mode === 'roll_call' ? 'Le vote a lieu au scrutin public (article L2121-21 du CGCT).' : v.mode === 'secret' ? 'Le vote a lieu au scrutin secret (article L2121-21 du CGCT).' : null,
    named,
    castingVoteSentence: v.castingVote
      ? `Les voix étant partagées (${v.pour} pour, ${v.contre} contre), la voix de ${presidentWord} est prépondérante (article L2121-20 du CGCT).`
      : null,
    election: null,
  };
}

/** L2121-21: the procès-verbal states who asked for a public vote or a secret ballot ("M. Jean GARDIN, Mme ..."). */
export function requestSentence(mode: string, requesters: MemberRef[]): string | null {
  if (requesters.length === 0 || (mode !== 'roll_call' && mode !== 'secret')) return null;
  const names = requesters.map((m) => `${m.civility} ${md(memberFullName(m))}`);
  return `Le scrutin ${mode === 'roll_call' ? 'public' : 'secret'} a été demandé par ${joinFrench(names)} (article L2121-21 du CGCT).`;
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** President and secretaries sign (L2121-23); R2131-1 wants first name, surname and title. */
export function signatures(record: Pick<DeliberationRecord, 'session' | 'item'> | { session: DeliberationRecord['session']; item?: undefined }): SignatureVm[] {
  const president = record.item?.president ?? record.session.president;
  const list: SignatureVm[] = [];
  if (president) {
    list.push({ role: agree(president.civility, 'Le Président', 'La Présidente'), fullName: md(memberFullName(president)), title: presidentTitle(president) });
  }
  for (const s of record.session.secretaries) {
    list.push({
      role: agree(s.civility, 'Le secrétaire de séance', 'La secrétaire de séance'),
      fullName: md(memberFullName(s)),
      title: s.title ? md(s.title) : null,
    });
  }
  return list;
}

export function placeAndDate(place: string | null, date: string): string {
  return place ? `Fait à ${md(place)}, le ${formatDateLong(date)}.` : `Fait le ${formatDateLong(date)}.`;
}

export const RECOURSE =
  "La présente délibération peut faire l'objet d'un recours pour excès de pouvoir devant le tribunal administratif dans un délai de deux mois à compter de sa publication ou de sa notification.";

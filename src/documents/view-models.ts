// Computed state → what the templates print. Pure functions: no I/O, no clock.
import type { DeliberationRecord } from '../domain/types';
import { escapeMarkdown as md, formatDateLong } from './french-format';
import { BLANK_MINUTES_RECORD, debatesMarkdown, minutesStatus } from './minutes-parts';
import type { ExtractOptions, SessionRecord } from './types';
import { actStatus, mustBeTransmitted } from '../domain/act-status';
import { articlesFor, executoireSentence, receiptSentence, rectificationSentence, recourseMention } from '../wording';
import {
  attendance,
  body,
  counts,
  header,
  placeAndDate,
  presidency,
  result,
  secretarySentence,
  session,
  signatures,
} from './view-model-parts';
import type { DeliberationsListViewModel, ExtractViewModel, ItemVm, MinutesViewModel } from './view-model.types';

function itemVm(record: DeliberationRecord): ItemVm {
  const r = record.item.rapporteur;
  return {
    position: record.item.position,
    number: md(record.item.number),
    object: md(record.item.object),
    rapporteur: r ? md(`${r.firstName} ${r.lastName.toLocaleUpperCase('fr-FR')}`) : null,
    reasonsMd: record.item.reasonsMd.trim(),
    decisionMd: record.item.decisionMd.trim(),
  };
}

const datePart = (iso: string): string => iso.slice(0, 10);

/** The certified extract of one deliberation (L2121-23, R2131-1). */
export function extractViewModel(record: DeliberationRecord, options: ExtractOptions = {}): ExtractViewModel {
  const presiding = record.item.president ?? record.session.president;
  const i = record.item;
  // L2131-1: the receipt is stated as soon as known; "exécutoire" only once enforceable (published, and received when
  // L2131-2 lists the act). The date printed is the préfecture's date of receipt, not the day the act was sent.
  const status = actStatus({ receivedOn: i.receivedAt, publishedOn: i.publishedAt, acteId: i.acteId }, mustBeTransmitted({}));
  const long = (d: string | null): string | null => (d ? formatDateLong(datePart(d)) : null);
  const acteId = status.transmission?.acteId ? md(status.transmission.acteId) : null;
  const receipt = status.transmission ? receiptSentence(long(status.transmission.receivedOn)!, acteId) : null;
  const executoire = status.enforceable
    ? {
        transmittedAt: long(status.transmission?.receivedOn ?? null),
        publishedAt: long(status.publishedOn)!,
        acteId,
        sentence: executoireSentence(status.mustBeTransmitted ? long(status.transmission!.receivedOn) : null, long(status.publishedOn)!),
      }
    : null;
  return {
    header: header(record, 'EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS', record.item.number),
    articles: articlesFor(record.collectivity.kind),
    body: body(record),
    // L2121-17: the waiver is printed on the agenda carried over (or an act voted under it), not on a new item.
    session: { ...session(record, options.yearWithMil ?? record.collectivity.yearWithMil ?? false), secondConvocation: record.session.secondConvocation && (!!i.carriedFrom || record.attendance.quorum.waivedBySecondConvocation) },
    presidency: presidency(record),
    counts: counts(record),
    attendance: attendance(record, () => null, presiding?.id ?? null),
    secretarySentence: secretarySentence(record.session.secretaries),
    item: itemVm(record),
    rectification: i.rectifies ? rectificationSentence(i.rectifies.kind, { number: md(i.rectifies.number), sessionDate: i.rectifies.sessionDate, object: md(i.rectifies.object) }) : null,
    result: result(record),
    closingFormula: 'Pour extrait conforme.',
    placeAndDate: placeAndDate(options.signedAt ?? record.collectivity.seat ?? null, record.session.localDate),
    signatures: signatures(record),
    receipt,
    executoire,
    recourse: recourseMention('deliberation'),
  };
}

function numberAtFor(sessionRecord: SessionRecord): (position: number) => string | null {
  return (position) => {
    const found = sessionRecord.items.find((it) => it.item.position === position);
    return found ? found.item.number : null;
  };
}

/** A record standing for the session as a whole: the first item's state, as at the opening. */
function openingRecord(sessionRecord: SessionRecord): DeliberationRecord {
  const first = sessionRecord.items[0] ?? sessionRecord.opening;
  if (!first) throw new RangeError('A session document needs an item or the opening attendance');
  return { ...first, collectivity: sessionRecord.collectivity, body: sessionRecord.body, session: sessionRecord.session, changesHere: [] };
}

/** With no item examined, the procès-verbal says why the session ended (L2121-17: convened again). */
function closingSentence(sessionRecord: SessionRecord, opening: DeliberationRecord): string {
  if (sessionRecord.items.length > 0) return "L'ordre du jour étant épuisé, la séance est levée.";
  const { needed, counted, met } = opening.attendance.quorum;
  if (!met && !sessionRecord.session.secondConvocation) {
    return `Le quorum n'étant pas atteint (${counted} membres présents, ${needed} requis), la séance est levée ; ` +
      `l'assemblée sera convoquée à nouveau à trois jours au moins d'intervalle (article ${articlesFor(sessionRecord.collectivity.kind).quorum} du CGCT).`;
  }
  return "Aucune affaire n'ayant été examinée, la séance est levée.";
}

/**
 * The procès-verbal (L2121-15): date and time, president, attendance, secretary, quorum, agenda, each
 * deliberation with its debates, ballot requests and result; a draft until a later session adopts it.
 */
export function minutesViewModel(sessionRecord: SessionRecord, options: ExtractOptions = {}): MinutesViewModel {
  const opening = openingRecord(sessionRecord);
  const sessionPresidentId = sessionRecord.session.president?.id ?? null;
  const numberAt = numberAtFor(sessionRecord);
  const minutes = sessionRecord.minutes ?? BLANK_MINUTES_RECORD;
  const { documentTitle, ...status } = minutesStatus(minutes, body(opening), articlesFor(sessionRecord.collectivity.kind).minutes);
  return {
    header: header(opening, documentTitle, null),
    articles: articlesFor(sessionRecord.collectivity.kind),
    body: body(opening),
    session: session(opening, options.yearWithMil ?? sessionRecord.collectivity.yearWithMil ?? false),
    presidency: presidency({ ...opening, item: { ...opening.item, president: null } }),
    counts: counts(opening),
    attendance: attendance(opening, numberAt, sessionPresidentId),
    secretarySentence: secretarySentence(sessionRecord.session.secretaries),
    agenda: sessionRecord.items.map((it) => ({ number: md(it.item.number), object: md(it.item.object) })),
    items: sessionRecord.items.map((it) => {
      const presiding = it.item.president ?? sessionRecord.session.president;
      return {
        item: itemVm(it),
        debatesMd: debatesMarkdown(minutes.debates[it.item.id]),
        counts: counts(it),
        attendance: attendance(it, numberAt, presiding?.id ?? null),
        presidency: presidency(it),
        presidencyChanged: it.item.president !== null && it.item.president.id !== sessionPresidentId,
        result: result(it),
      };
    }),
    closingSentence: closingSentence(sessionRecord, opening),
    placeAndDate: placeAndDate(options.signedAt ?? sessionRecord.collectivity.seat ?? null, sessionRecord.session.localDate),
    signatures: signatures({ collectivity: sessionRecord.collectivity, session: sessionRecord.session }),
    ...status,
    recourse: recourseMention('minutes'),
  };
}

/** The list of deliberations examined, posted and published within a week (L2121-25). */
export function deliberationsListViewModel(sessionRecord: SessionRecord, options: ExtractOptions = {}): DeliberationsListViewModel {
  const opening = openingRecord(sessionRecord);
  return {
    header: header(opening, 'LISTE DES DÉLIBÉRATIONS', null),
    articles: articlesFor(sessionRecord.collectivity.kind),
    body: body(opening),
    session: session(opening, options.yearWithMil ?? sessionRecord.collectivity.yearWithMil ?? false),
    presidency: presidency({ ...opening, item: { ...opening.item, president: null } }),
    counts: counts(opening),
    items: sessionRecord.items.map((it) => ({ number: md(it.item.number), object: md(it.item.object), summary: result(it).summary })),
    legalMention: `Liste des délibérations examinées en séance, affichée et publiée sous huit jours (article ${articlesFor(sessionRecord.collectivity.kind).list} du CGCT).`,
    placeAndDate: placeAndDate(options.signedAt ?? sessionRecord.collectivity.seat ?? null, sessionRecord.session.localDate),
    signatures: signatures({ collectivity: sessionRecord.collectivity, session: sessionRecord.session }).slice(0, 1),
  };
}

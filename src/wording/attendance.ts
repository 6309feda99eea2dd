// The words of attendance: who arrives or leaves at an item, who does not take part (L2131-11), and the notes beside
// a name in the lists ("suppléante d'A. DUWAT", "reçoit pouvoir d'H. CARVALHO", "parti après la délibération n°2").
import type { AbsentEntry, ItemAttendanceState, MemberOrder, MemberRef, PresentEntry, VotersHeader } from '../domain/types';
import { agree, called, elide, givesProxyTo, memberFullName, memberInitialName, receivesProxyFrom, replacedBy, suppleantOf } from './people';

/** Notes beside a present member: the seat he fills, the proxies he holds. */
export function presentNotes(p: Pick<PresentEntry, 'member' | 'replaces' | 'holdsProxyOf'>): string[] {
  return [...(p.replaces ? [suppleantOf(p.member, p.replaces)] : []), ...p.holdsProxyOf.map(receivesProxyFrom)];
}

/**
 * Notes beside an absent member: the suppléant in his seat, the proxy he gave — or, when its holder does not take part
 * in the item (L2131-11), that he is represented by no one: "pouvoir à D. BEE, qui ne prend pas part au vote : non représenté".
 */
export function absentNotes(e: Pick<AbsentEntry, 'member' | 'replacedBy' | 'proxyTo' | 'proxyUnusedBy'>): string[] {
  return [
    ...(e.replacedBy ? [replacedBy(e.member, e.replacedBy)] : []),
    ...(e.proxyTo ? [givesProxyTo(e.proxyTo)] : []),
    ...(!e.proxyTo && e.proxyUnusedBy ? [unusedProxy(e.member, e.proxyUnusedBy)] : []),
  ];
}

export const unusedProxy = (giver: MemberRef, holder: MemberRef): string =>
  `pouvoir à ${memberInitialName(holder)}, qui ne prend pas part au vote : ${agree(giver.civility, 'non représenté', 'non représentée')}`;

/** "arrivée à 19 h 07, à partir de la délibération n°3" (the hour when recorded; "en cours de séance" without a number). */
export function arrivedNote(m: MemberRef, number: string | null, time: string | null = null): string {
  const word = agree(m.civility, 'arrivé', 'arrivée') + (time ? ` à ${hourShort(time)}` : '');
  return number ? `${word}${time ? ',' : ''} à partir de la délibération n°${number}` : `${word} en cours de séance`;
}

/** "partie à 21 h 10, après la délibération n°2"; before the first item, "a quitté la séance avant la première délibération". */
export function leftNote(m: MemberRef, numberBefore: string | null, time: string | null = null): string {
  const at = time ? ` à ${hourShort(time)}` : '';
  return numberBefore
    ? `${agree(m.civility, 'parti', 'partie')}${at}${at ? ',' : ''} après la délibération n°${numberBefore}`
    : `a quitté la séance${at} avant la première délibération`;
}

/** The act's sentence of an arrival or departure taking effect at this item, with its hour when recorded. */
export function changeSentence(c: { member: MemberRef; kind: 'arrival' | 'departure'; atTime?: string | null }, proxyTo: MemberRef | null): string {
  const at = c.atTime ? ` à ${hourShort(c.atTime)}` : '';
  return c.kind === 'arrival'
    ? `${called(c.member)} arrive en séance${at} et prend part aux débats à partir de la présente délibération.`
    : `${called(c.member)} quitte la séance${at} avant la présente délibération${proxyTo ? ` et ${givesProxyTo(proxyTo)}` : ''}.`;
}

/**
 * "Monsieur Marc HENRY ne prend pas part au vote (article L2131-11 du CGCT) : président de l'association." — and, when
 * he holds a proxy he does not use, "Le pouvoir qu'il détient de Mme Anne FOURNIER n'est pas exercé."
 */
export function notTakingPartSentence(m: MemberRef, reason: string | null, article: string, unusedProxiesOf: MemberRef[] = []): string {
  const proxies = unusedProxiesOf.length
    ? ` ${unusedProxiesOf.length > 1 ? 'Les pouvoirs' : 'Le pouvoir'} qu'${agree(m.civility, 'il', 'elle')} détient ${unusedProxiesOf.map((g) => elide('de', `${g.civility} ${memberFullName(g)}`)).join(' et ')} ${unusedProxiesOf.length > 1 ? 'ne sont pas exercés' : "n'est pas exercé"}.`
    : '';
  return `${called(m)} ne prend pas part au vote (article ${article} du CGCT)${reason ? ` : ${reason}` : ''}.${proxies}`;
}

const NBSP = '\u00a0';

/** "19 h 07", "9 h": the short hour of French administrative writing, never split at a line end. */
export function hourShort(time: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) throw new RangeError(`Not a time: ${time}`);
  const hours = Number(match[1]);
  return match[2] === '00' ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${match[2]}`;
}

/**
 * "Votants" as the body counts them in the header: those taking part (present and represented, less those not taking
 * part), or all present and represented. The figures of law (suffrages exprimés, majority) do not change.
 */
export function votersInHeader(a: Pick<ItemAttendanceState, 'voters' | 'present' | 'represented'>, header: VotersHeader = 'taking_part'): number {
  return header === 'present_and_represented' ? a.present.length + a.represented.length : a.voters;
}

// localeCompare with a locale builds a collator at each call: one, made once, compares the same.
const FRENCH_BASE = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * Members in the order of the body's lists: alphabetical (surname, then first name), or "dans l'ordre du tableau"
 * (L2121-1) by rank, the unranked after them alphabetically. A suppléant sorts with the others, at his own rank or,
 * sitting for a titulaire, at the titulaire's.
 */
export function orderMembers<T>(
  entries: T[], memberOf: (entry: T) => MemberRef, order: MemberOrder = 'alphabetical', ranks: Record<string, number> = {},
  standsFor: (entry: T) => MemberRef | null = () => null,
): T[] {
  const byName = (a: MemberRef, b: MemberRef): number =>
    FRENCH_BASE.compare(a.lastName, b.lastName) || FRENCH_BASE.compare(a.firstName, b.firstName) || a.id.localeCompare(b.id);
  const rank = (e: T): number => ranks[memberOf(e).id] ?? ranks[standsFor(e)?.id ?? ''] ?? Number.POSITIVE_INFINITY;
  return [...entries].sort((x, y) => {
    if (order === 'table') {
      const d = rank(x) - rank(y);
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return byName(memberOf(x), memberOf(y));
  });
}

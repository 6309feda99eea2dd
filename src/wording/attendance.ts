// The words of attendance: who arrives or leaves at an item, who does not take part (L2131-11), and the notes beside
// a name in the lists ("suppléante d'A. DUWAT", "reçoit pouvoir d'H. CARVALHO", "parti après la délibération n°2").
import type { AbsentEntry, MemberRef, PresentEntry } from '../domain/types';
import { agree, called, givesProxyTo, receivesProxyFrom, replacedBy, suppleantOf } from './people';

/** Notes beside a present member: the seat he fills, the proxies he holds. */
export function presentNotes(p: Pick<PresentEntry, 'member' | 'replaces' | 'holdsProxyOf'>): string[] {
  return [...(p.replaces ? [suppleantOf(p.member, p.replaces)] : []), ...p.holdsProxyOf.map(receivesProxyFrom)];
}

/** Notes beside an absent member: the suppléant in his seat, the proxy he gave. */
export function absentNotes(e: Pick<AbsentEntry, 'member' | 'replacedBy' | 'proxyTo'>): string[] {
  return [...(e.replacedBy ? [replacedBy(e.member, e.replacedBy)] : []), ...(e.proxyTo ? [givesProxyTo(e.proxyTo)] : [])];
}

/** "arrivée à partir de la délibération n°3" (or "en cours de séance" when the number is unknown). */
export function arrivedNote(m: MemberRef, number: string | null): string {
  const word = agree(m.civility, 'arrivé', 'arrivée');
  return number ? `${word} à partir de la délibération n°${number}` : `${word} en cours de séance`;
}

/** "partie après la délibération n°2"; before the first item, "a quitté la séance avant la première délibération". */
export function leftNote(m: MemberRef, numberBefore: string | null): string {
  return numberBefore ? `${agree(m.civility, 'parti', 'partie')} après la délibération n°${numberBefore}` : 'a quitté la séance avant la première délibération';
}

/** The act's sentence of an arrival or departure taking effect at this item. */
export function changeSentence(c: { member: MemberRef; kind: 'arrival' | 'departure' }, proxyTo: MemberRef | null): string {
  return c.kind === 'arrival'
    ? `${called(c.member)} arrive en séance et prend part aux débats à partir de la présente délibération.`
    : `${called(c.member)} quitte la séance avant la présente délibération${proxyTo ? ` et ${givesProxyTo(proxyTo)}` : ''}.`;
}

/** "Monsieur Marc HENRY ne prend pas part au vote (article L2131-11 du CGCT) : président de l'association." */
export function notTakingPartSentence(m: MemberRef, reason: string | null, article: string): string {
  return `${called(m)} ne prend pas part au vote (article ${article} du CGCT)${reason ? ` : ${reason}` : ''}.`;
}

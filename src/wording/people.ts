// How an act names people: civility, gender agreement, elision before a name, proxies, suppléants.
// Pure: member data in, plain French out (callers escape Markdown where they need it).
import {
  agree, civilityWord, elide, joinFrench, memberFullName, memberInitialName, memberShortName,
} from '../documents/french-format';
import type { Civility, MemberRef } from '../domain/types';

export { agree, civilityWord, elide, joinFrench, memberFullName, memberInitialName, memberShortName };

/** "Madame Sophie ARNAUD": in sentences of the act. */
export const called = (m: MemberRef): string => `${civilityWord(m.civility)} ${memberFullName(m)}`;

/** "M. Christian LEROY", "Mme Anne FOURNIER": short civil name of lists and the console. */
export const civilName = (m: MemberRef): string => `${m.civility} ${memberFullName(m)}`;

/** "élu" / "élue" from the member's civility, never "élu(e)". */
export const elected = (c: Civility): string => agree(c, 'élu', 'élue');

/** Civility read off a candidate's name as entered ("Mme Anne FOURNIER"), for candidates who are not members. */
export function civilityOfName(name: string): Civility | null {
  if (/^(mme|madame)\b/i.test(name.trim())) return 'Mme';
  if (/^(m\.|monsieur)(\s|$)/i.test(name.trim())) return 'M.';
  return null;
}

/** "le président" / "la présidente" of the session (the person presiding, L2121-14). */
export const presidentNoun = (c: Civility | null | undefined): string => (c === 'Mme' ? 'la présidente' : 'le président');

/** "du président" / "de la présidente": "la voix de la présidente est prépondérante". */
export const ofPresident = (c: Civility | null | undefined): string => (c === 'Mme' ? 'de la présidente' : 'du président');

/** "suppléante d'A. DUWAT" (L5211-6), with the elision French wants before a vowel. */
export const suppleantOf = (m: MemberRef, titulaire: MemberRef): string =>
  `${agree(m.civility, 'suppléant', 'suppléante')} ${elide('de', memberInitialName(titulaire))}`;

/** "remplacée par C. LAMOTTE". */
export const replacedBy = (m: MemberRef, suppleant: MemberRef): string =>
  `${agree(m.civility, 'remplacé', 'remplacée')} par ${memberInitialName(suppleant)}`;

/** "reçoit pouvoir de R. DENUNCQ" / "reçoit pouvoir d'H. CARVALHO". */
export const receivesProxyFrom = (giver: MemberRef): string => `reçoit pouvoir ${elide('de', memberInitialName(giver))}`;

/** "donne pouvoir à O. DUFOUR". */
export const givesProxyTo = (holder: MemberRef): string => `donne pouvoir à ${memberInitialName(holder)}`;

/** "Monsieur Daniel MAILLOT est élu secrétaire." / "… sont élues secrétaires." */
export function secretarySentence(secretaries: MemberRef[]): string | null {
  if (secretaries.length === 0) return null;
  if (secretaries.length === 1) return `${called(secretaries[0])} est ${elected(secretaries[0].civility)} secrétaire.`;
  const allWomen = secretaries.every((s) => s.civility === 'Mme');
  return `${joinFrench(secretaries.map(called))} sont ${allWomen ? 'élues' : 'élus'} secrétaires.`;
}

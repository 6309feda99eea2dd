// Who signs (L2121-23: the president and the secretary or secretaries) under the title of the function each holds in
// this body (R2131-1 wants first name, surname and title): "Le Maire", "La Présidente de la communauté de communes".
import type { Civility } from '../domain/types';

import { normalizeKind as normalize } from './articles';

// What the head of the executive presides: "de la communauté de communes", "du conseil départemental".
const OF_COLLECTIVITY: [RegExp, string][] = [
  [/^communaute_(de_)?communes/, 'de la communauté de communes'],
  [/^communaute_(d_)?agglomeration/, "de la communauté d'agglomération"],
  [/^communaute_urbaine/, 'de la communauté urbaine'],
  [/^metropole/, 'de la métropole'],
  [/^syndicat/, 'du syndicat'],
  [/^departement/, 'du conseil départemental'],
  [/^region/, 'du conseil régional'],
];

/** "Le Maire" / "La Maire", "Le Président de la communauté de communes", "La Présidente du conseil départemental". */
export function headTitle(collectivityKind: string, civility: Civility): string {
  const k = normalize(collectivityKind);
  if (k === 'commune') return civility === 'Mme' ? 'La Maire' : 'Le Maire';
  const of = OF_COLLECTIVITY.find(([re]) => re.test(k))?.[1];
  const president = civility === 'Mme' ? 'La Présidente' : 'Le Président';
  return of ? `${president} ${of}` : president;
}

/** Who presides one item in the place of the head (L2121-14, compte administratif): "La Présidente de séance". */
export const sessionPresidentTitle = (civility: Civility): string => (civility === 'Mme' ? 'La Présidente de séance' : 'Le Président de séance');

/** "Le secrétaire de séance" / "La secrétaire de séance" (L2121-15). */
export const secretaryTitle = (civility: Civility): string => (civility === 'Mme' ? 'La secrétaire de séance' : 'Le secrétaire de séance');

export interface Signer {
  /** "Le Maire", "La secrétaire de séance". */
  role: string;
  firstName: string;
  lastName: string;
  civility: Civility;
}

/**
 * The signers of an act: who presided (the head of the executive, or the member elected to preside this item) and
 * the secretaries. `itemPresident`: set when someone else than the session's president presides the item.
 */
export function signers<M extends { id: string; civility: Civility; firstName: string; lastName: string }>(
  collectivityKind: string, sessionPresident: M | null, itemPresident: M | null, secretaries: M[],
): (Signer & { member: M })[] {
  const list: (Signer & { member: M })[] = [];
  const president = itemPresident ?? sessionPresident;
  if (president) {
    const role = itemPresident && itemPresident.id !== sessionPresident?.id ? sessionPresidentTitle(president.civility) : headTitle(collectivityKind, president.civility);
    list.push({ role, firstName: president.firstName, lastName: president.lastName, civility: president.civility, member: president });
  }
  for (const s of secretaries) list.push({ role: secretaryTitle(s.civility), firstName: s.firstName, lastName: s.lastName, civility: s.civility, member: s });
  return list;
}

/** "Fait à Lumbres, le 30 septembre 2019.": the seat of the collectivity, not the room of the session. */
export const placeAndDateSentence = (seat: string | null, dateLong: string): string => (seat ? `Fait à ${seat}, le ${dateLong}.` : `Fait le ${dateLong}.`);

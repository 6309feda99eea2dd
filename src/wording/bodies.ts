// How an act names the deliberating body: "le Conseil de Communauté s'est réuni", "Après en avoir délibéré, le conseil
// communautaire, …". Its kind of collectivity decides the collective name when the body is its council.
import { normalizeKind as normalize } from './articles';


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

// A body of kind "conseil" takes the name of its collectivity's council.
const COUNCIL_OF: [RegExp, string][] = [
  [/^commune/, 'conseil_municipal'],
  [/^communaute/, 'conseil_communautaire'],
  [/^metropole/, 'conseil_metropolitain'],
  [/^syndicat/, 'comite_syndical'],
  [/^departement/, 'conseil_departemental'],
  [/^region/, 'conseil_regional'],
];

export interface BodyWords {
  /** "le Conseil de Communauté": subject of the opening formula. */
  subject: string;
  /** "s'est réuni" / "s'est réunie". */
  metVerb: string;
  /** "le conseil communautaire". */
  deliberating: string;
  feminine: boolean;
}

/** `name` is used as given (the caller escapes it for Markdown if need be). */
export function bodyWords(bodyKind: string, name: string, collectivityKind = ''): BodyWords {
  let kind = normalize(bodyKind);
  if (kind === 'conseil') kind = COUNCIL_OF.find(([re]) => re.test(normalize(collectivityKind)))?.[1] ?? kind;
  const known = DELIBERATING[kind];
  const feminine = known ? known[1] : /^(commission|assembl)/i.test(name);
  const article = /^[aeiouyhàâéèêîôû]/i.test(name) ? "l'" : feminine ? 'la ' : 'le ';
  return {
    subject: `${article}${name}`,
    metVerb: feminine ? "s'est réunie" : "s'est réuni",
    deliberating: known ? known[0] : `${article}${name.toLowerCase()}`,
    feminine,
  };
}

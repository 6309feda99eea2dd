// The articles an act cites, by kind of collectivity: a département votes in public under L3121-15, not L2121-21.
// EPCI and syndicats follow the communes' rules (L5211-1, L5711-1).

export type CollectivityFamily = 'commune' | 'departement' | 'region';

export interface Articles {
  /** Quorum (and its waiver on a second convocation). */
  quorum: string;
  /** Absolute majority of the votes cast and the president's casting vote. */
  majority: string;
  /** Public vote and secret ballot on request. */
  ballot: string;
  /** The procès-verbal of a session. */
  minutes: string;
  /** The list of deliberations examined in a session. */
  list: string;
  /** Presidency of an item by another member (compte administratif). */
  presidency: string;
  /** A member interested in an item does not take part (conflict of interest). */
  notTakingPart: string;
  /** Enforceable once published and, for the acts the next article lists, transmitted. */
  executoire: string;
  /** The acts that must be transmitted to the préfet. */
  transmitted: string;
}

const COMMUNE: Articles = {
  quorum: 'L2121-17', majority: 'L2121-20', ballot: 'L2121-21', minutes: 'L2121-15', list: 'L2121-25', presidency: 'L2121-14',
  notTakingPart: 'L2131-11', executoire: 'L2131-1', transmitted: 'L2131-2',
};

const BY_FAMILY: Record<CollectivityFamily, Articles> = {
  commune: COMMUNE,
  departement: {
    quorum: 'L3121-14', majority: 'L3121-14-1', ballot: 'L3121-15', minutes: 'L3121-13',
    // The CGCT has no list of deliberations for départements as L2121-25 has for communes (ordonnance 2021-1310
    // dealt with the procès-verbal, L3121-13): the list cites the procès-verbal's article. Not confirmed further.
    list: 'L3121-13', presidency: 'L3312-5', // compte administratif; not confirmed further
    notTakingPart: 'L2131-11', executoire: 'L3131-1', transmitted: 'L3131-2',
  },
  region: {
    quorum: 'L4132-13', majority: 'L4132-13-1', ballot: 'L4132-14', minutes: 'L4132-12',
    // As for départements (see above): no list of deliberations article confirmed; the procès-verbal's is cited.
    list: 'L4132-12', presidency: 'L4312-9', // compte administratif; not confirmed further
    notTakingPart: 'L2131-11', executoire: 'L4141-1', transmitted: 'L4141-2',
  },
};

/** "Communauté de communes", "communaute_communes" → "communaute_communes": kinds compared without accents or case. */
export const normalizeKind = (kind: string): string => kind.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s-]+/g, '_');
const normalize = normalizeKind;

/** Communes, EPCI and syndicats; départements; régions. */
export function collectivityFamily(kind: string): CollectivityFamily {
  const k = normalize(kind);
  if (k.startsWith('departement')) return 'departement';
  if (k.startsWith('region')) return 'region';
  return 'commune';
}

export function articlesFor(collectivityKind: string): Articles {
  return BY_FAMILY[collectivityFamily(collectivityKind)];
}

/** "(article L2121-21 du CGCT)". */
export const cgct = (article: string): string => `(article ${article} du CGCT)`;
/** "(art. L2121-21 du CGCT)": the console's shorter form. */
export const cgctShort = (article: string): string => `(art. ${article} du CGCT)`;

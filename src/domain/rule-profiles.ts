// Rule profiles: every threshold that depends on the kind of body or on the date (DOMAIN.md).
// Old sessions are judged by the rules in force on their date, hence the emergency periods table.
import { DomainError } from './errors';
import { assertIsoDate } from './iso-date';
import { ProfileCode, QuorumBasis, RuleProfile, RuleSettings } from './types';

export const PROFILE_CODES: readonly ProfileCode[] = [
  'commune',
  'epci',
  'departement',
  'region',
  'commission_permanente',
  'custom',
];

interface BaseProfile {
  label: string;
  articles: string[];
  settings: RuleSettings;
}

const COMMUNE: RuleSettings = {
  // L2121-17: more than half of the members in office present; proxies do not count.
  quorum: { num: 1, den: 2, strict: true, basis: 'present' },
  // L2121-20: one proxy per holder, three consecutive sessions except illness.
  maxProxiesPerHolder: 1,
  maxConsecutiveSessionsPerProxy: 3,
  illnessExtendsProxy: true,
  suppleants: false,
  secondConvocationWaivesQuorum: true,
  castingVote: true,
  // L2121-21: public vote at the request of a quarter, secret ballot of a third of those present.
  publicVoteFraction: { num: 1, den: 4 },
  secretVoteFraction: { num: 1, den: 3 },
};

const DEPARTEMENT: RuleSettings = {
  ...COMMUNE,
  // L3121-16 / L4132-15: a delegation is valid for one meeting only, no illness exception.
  maxConsecutiveSessionsPerProxy: 1,
  illnessExtendsProxy: false,
  // L3121-15 / L4132-14: public vote at the request of a sixth of those present.
  publicVoteFraction: { num: 1, den: 6 },
};

const BASE_PROFILES: Record<ProfileCode, BaseProfile> = {
  commune: {
    label: 'Conseil municipal',
    articles: ['L2121-17', 'L2121-20', 'L2121-21'],
    settings: COMMUNE,
  },
  epci: {
    label: 'Organe délibérant d’EPCI',
    articles: ['L2121-17', 'L2121-20', 'L2121-21', 'L5211-1', 'L5211-6'],
    // L5211-6: suppléants sit for absent titulaires.
    settings: { ...COMMUNE, suppleants: true },
  },
  departement: {
    label: 'Conseil départemental',
    articles: ['L3121-14', 'L3121-15', 'L3121-16'],
    settings: DEPARTEMENT,
  },
  region: {
    label: 'Conseil régional',
    articles: ['L4132-13', 'L4132-14', 'L4132-15'],
    settings: DEPARTEMENT,
  },
  commission_permanente: {
    label: 'Commission permanente',
    articles: ['L3122-7', 'L3121-15', 'L3121-16'],
    // L3122-7: members present or represented count for the quorum.
    settings: { ...DEPARTEMENT, quorum: { ...DEPARTEMENT.quorum, basis: 'present_or_represented' } },
  },
  custom: {
    label: 'Règles personnalisées (règlement intérieur)',
    articles: [],
    settings: COMMUNE,
  },
};

export interface EmergencyPeriod {
  /** Suffix of the variant name, e.g. "urgence-2020" → "commune-urgence-2020". */
  id: string;
  /** Inclusive bounds, YYYY-MM-DD (the collectivity's local date of the session). */
  from: string;
  to: string;
  /** Département codes where it applied; absent = the whole territory of the Republic. */
  territory?: readonly string[];
  sources: string[];
  /** Unconfirmed points, said in the API as well as here. */
  notes?: string[];
  quorum: Omit<RuleSettings['quorum'], 'basis'>;
  /** Replaces the body's basis when the texts (or their accepted reading) counted proxies toward the quorum. */
  quorumBasis?: QuorumBasis;
  maxProxiesPerHolder: number;
}

const THIRD = { num: 1, den: 3, strict: false } as const;

// Quorum one third of members in office (at least a third, rounded up) and two proxies per holder, by period and place.
export const EMERGENCY_PERIODS: readonly EmergencyPeriod[] = [
  {
    // Loi 2020-290 du 23 mars 2020 (JO 24 mars, in force at once), art. 10: quorum of a third; ordonnance 2020-391 du
    // 1er avril 2020 (JO 2 avril), art. 10: a third, two proxies, and — as lawyers and the Sénat read it (Landot avocats,
    // 27 May 2020; Sénat, debate of April 2020) — the members represented count toward that quorum, until the state of
    // health emergency ended on 10 July 2020 (loi 2020-856 du 9 juillet 2020, art. 1).
    // Not confirmed: whether proxies counted from 24 March or only from the ordonnance (2 April); the election of the
    // mayor and his adjoints counted those present only (ordonnance 2020-562, art. 1), which a body-wide profile cannot say.
    id: 'urgence-2020',
    from: '2020-03-24',
    to: '2020-07-10',
    sources: ['loi 2020-290 art. 10', 'ordonnance 2020-391 art. 10', 'loi 2020-856 art. 1'],
    notes: ['proxies counted toward the quorum: reading of the ordonnance 2020-391, not confirmed before 2 April 2020'],
    quorum: THIRD,
    quorumBasis: 'present_or_represented',
    maxProxiesPerHolder: 2,
  },
  {
    // Ordonnance 2020-391 art. 10 as rewritten by loi 2020-760 du 22 juin 2020, art. 3 (in force 11 July 2020):
    // "jusqu'au 30 août 2020", a third of the members in office present, two proxies, on the whole territory.
    id: 'urgence-2020-ete',
    from: '2020-07-11',
    to: '2020-08-30',
    sources: ['ordonnance 2020-391 art. 10 (rédaction loi 2020-760 art. 3)'],
    quorum: THIRD,
    maxProxiesPerHolder: 2,
  },
  {
    // The same article ran on "pendant la durée de l'état d'urgence sanitaire ... dans les zones géographiques où il
    // reçoit application": in Guyane and Mayotte it was prorogued to 30 October 2020 (loi 2020-856, art. 2), then ended
    // by décret 2020-1143 du 16 septembre 2020 (JO 17 septembre, in force the next day): last day 17 September 2020.
    id: 'urgence-2020-guyane-mayotte',
    from: '2020-08-31',
    to: '2020-09-17',
    territory: ['973', '976'],
    sources: ['ordonnance 2020-391 art. 10 (rédaction loi 2020-760 art. 3)', 'loi 2020-856 art. 2', 'décret 2020-1143'],
    quorum: THIRD,
    maxProxiesPerHolder: 2,
  },
  {
    // Loi 2020-1379 du 14 novembre 2020, art. 6 IV, published in the JO of 15 November 2020 (not from 30 October: the
    // state of health emergency declared on 17 October by décret 2020-1257 did not bring the quorum rules back);
    // kept by loi 2021-160 du 15 février 2021 (prorogation to 1 June 2021), then to 30 September 2021 by loi 2021-689
    // du 31 mai 2021. Not confirmed: whether loi 2020-1379 applied on the day of its publication (taken here) or the next.
    id: 'urgence-2020-2021',
    from: '2020-11-15',
    to: '2021-09-30',
    sources: ['loi 2020-1379 art. 6', 'loi 2021-160', 'loi 2021-689'],
    notes: ['start: day of publication in the JO (15 November 2020); entry into force the next day not excluded'],
    quorum: THIRD,
    maxProxiesPerHolder: 2,
  },
  {
    // Loi 2021-1465 du 10 novembre 2021, art. 10 (JO 11 novembre 2021), until 31 July 2022; the AMF reads it as applying
    // from its promulgation on 10 November. Not confirmed: 10, 11 or 12 November; the day of publication is taken.
    id: 'urgence-2021-2022',
    from: '2021-11-11',
    to: '2022-07-31',
    sources: ['loi 2021-1465 art. 10'],
    notes: ['start: day of publication in the JO (11 November 2021); 10 November (AMF) or 12 November not excluded'],
    quorum: THIRD,
    maxProxiesPerHolder: 2,
  },
];

/** The period in force on `date` for a collectivity of `departementCode` (none given: the whole-territory periods only). */
export function emergencyPeriodOn(date: string, departementCode?: string | null): EmergencyPeriod | null {
  assertIsoDate(date);
  return EMERGENCY_PERIODS.find((p) => p.from <= date && date <= p.to && (!p.territory || (!!departementCode && p.territory.includes(departementCode)))) ?? null;
}

/**
 * The profile in force on `date`. `custom` settings apply to the custom profile only (built-in
 * profiles follow the law and ignore them); custom profiles never get the emergency overrides.
 */
export function profileFor(code: ProfileCode, date: string, custom?: Partial<RuleSettings> | null, departementCode?: string | null): RuleProfile {
  const base = BASE_PROFILES[code];
  if (!base) {
    throw new DomainError('VALIDATION_FAILED', `Unknown rule profile "${code}"`, { field: 'code', value: code });
  }
  assertIsoDate(date);
  if (code === 'custom') {
    const settings = mergeCustom(custom ?? {});
    return { code, variant: 'custom', label: base.label, articles: [...base.articles], settings };
  }
  const period = emergencyPeriodOn(date, departementCode);
  if (!period) {
    return { code, variant: code, label: base.label, articles: [...base.articles], settings: cloneSettings(base.settings) };
  }
  const settings = cloneSettings(base.settings);
  settings.quorum = { ...period.quorum, basis: period.quorumBasis ?? settings.quorum.basis };
  settings.maxProxiesPerHolder = period.maxProxiesPerHolder;
  return {
    code,
    variant: `${code}-${period.id}`,
    label: `${base.label} (règles d’urgence sanitaire du ${period.from} au ${period.to}${period.territory ? ` en ${period.territory.join(', ')}` : ''})`,
    articles: [...base.articles, ...period.sources],
    settings,
  };
}

function cloneSettings(s: RuleSettings): RuleSettings {
  return {
    ...s,
    quorum: { ...s.quorum },
    publicVoteFraction: { ...s.publicVoteFraction },
    secretVoteFraction: { ...s.secretVoteFraction },
  };
}

function mergeCustom(custom: Partial<RuleSettings>): RuleSettings {
  if (typeof custom !== 'object' || Array.isArray(custom)) {
    invalid('settings', 'must be an object');
  }
  const known = new Set(Object.keys(COMMUNE));
  for (const key of Object.keys(custom)) {
    if (!known.has(key)) invalid(key, 'is not a rule setting');
  }
  const merged: RuleSettings = { ...COMMUNE, ...stripUndefined(custom) };
  validateSettings(merged);
  return cloneSettings(merged);
}

function stripUndefined(o: Partial<RuleSettings>): Partial<RuleSettings> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<RuleSettings>;
}

const QUORUM_BASES: readonly QuorumBasis[] = ['present', 'present_or_represented'];

/** Throws CUSTOM_RULES_INVALID naming the first nonsensical setting. */
export function validateSettings(s: RuleSettings): void {
  const q = s.quorum as Partial<RuleSettings['quorum']> | null;
  if (!q || typeof q !== 'object') invalid('quorum', 'must be an object {num, den, strict, basis}');
  checkFraction('quorum', q.num, q.den);
  if (typeof q.strict !== 'boolean') invalid('quorum.strict', 'must be true or false');
  if (!QUORUM_BASES.includes(q.basis as QuorumBasis)) invalid('quorum.basis', `must be one of ${QUORUM_BASES.join(', ')}`);
  if (!isInt(s.maxProxiesPerHolder) || s.maxProxiesPerHolder < 0) {
    invalid('maxProxiesPerHolder', 'must be an integer >= 0');
  }
  if (!isInt(s.maxConsecutiveSessionsPerProxy) || s.maxConsecutiveSessionsPerProxy < 1) {
    invalid('maxConsecutiveSessionsPerProxy', 'must be an integer >= 1');
  }
  for (const key of ['suppleants', 'secondConvocationWaivesQuorum', 'castingVote'] as const) {
    if (typeof s[key] !== 'boolean') invalid(key, 'must be true or false');
  }
  if (s.illnessExtendsProxy !== undefined && typeof s.illnessExtendsProxy !== 'boolean') {
    invalid('illnessExtendsProxy', 'must be true or false');
  }
  for (const key of ['publicVoteFraction', 'secretVoteFraction'] as const) {
    const f = s[key] as Partial<RuleSettings['publicVoteFraction']> | null;
    if (!f || typeof f !== 'object') invalid(key, 'must be an object {num, den}');
    checkFraction(key, f.num, f.den);
  }
}

function checkFraction(field: string, num: unknown, den: unknown): void {
  if (!isInt(den) || den <= 0) invalid(`${field}.den`, 'must be an integer > 0');
  if (!isInt(num) || num <= 0) invalid(`${field}.num`, 'must be an integer > 0');
  if (num > den) invalid(`${field}.num`, `must not exceed den (${num}/${den})`);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

function invalid(field: string, why: string): never {
  throw new DomainError('CUSTOM_RULES_INVALID', `Custom rule setting ${field} ${why}`, { field });
}

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
  /** Inclusive bounds, YYYY-MM-DD. */
  from: string;
  to: string;
  sources: string[];
  /** The basis (present / present or represented) stays that of the body. */
  quorum: Omit<RuleSettings['quorum'], 'basis'>;
  maxProxiesPerHolder: number;
}

// Quorum one third of members in office (at least a third, rounded up) and two proxies per holder.
export const EMERGENCY_PERIODS: readonly EmergencyPeriod[] = [
  {
    id: 'urgence-2020',
    from: '2020-03-24',
    to: '2020-08-30',
    sources: ['loi 2020-290 art. 10', 'ordonnance 2020-391 art. 2'],
    quorum: { num: 1, den: 3, strict: false },
    maxProxiesPerHolder: 2,
  },
  {
    id: 'urgence-2020-2021',
    from: '2020-10-30',
    to: '2021-09-30',
    sources: ['loi 2020-1379 art. 6', 'loi 2021-689 art. 6'],
    quorum: { num: 1, den: 3, strict: false },
    maxProxiesPerHolder: 2,
  },
  {
    id: 'urgence-2021-2022',
    from: '2021-11-11',
    to: '2022-07-31',
    sources: ['loi 2021-1465 art. 10'],
    quorum: { num: 1, den: 3, strict: false },
    maxProxiesPerHolder: 2,
  },
];

export function emergencyPeriodOn(date: string): EmergencyPeriod | null {
  assertIsoDate(date);
  return EMERGENCY_PERIODS.find((p) => p.from <= date && date <= p.to) ?? null;
}

/**
 * The profile in force on `date`. `custom` settings apply to the custom profile only (built-in
 * profiles follow the law and ignore them); custom profiles never get the emergency overrides.
 */
export function profileFor(code: ProfileCode, date: string, custom?: Partial<RuleSettings> | null): RuleProfile {
  const base = BASE_PROFILES[code];
  if (!base) {
    throw new DomainError('VALIDATION_FAILED', `Unknown rule profile "${code}"`, { field: 'code', value: code });
  }
  assertIsoDate(date);
  if (code === 'custom') {
    const settings = mergeCustom(custom ?? {});
    return { code, variant: 'custom', label: base.label, articles: [...base.articles], settings };
  }
  const period = emergencyPeriodOn(date);
  if (!period) {
    return { code, variant: code, label: base.label, articles: [...base.articles], settings: cloneSettings(base.settings) };
  }
  const settings = cloneSettings(base.settings);
  settings.quorum = { ...period.quorum, basis: settings.quorum.basis };
  settings.maxProxiesPerHolder = period.maxProxiesPerHolder;
  return {
    code,
    variant: `${code}-${period.id}`,
    label: `${base.label} (règles d’urgence sanitaire du ${period.from} au ${period.to})`,
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

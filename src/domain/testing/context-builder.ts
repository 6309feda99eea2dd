// Builders of plain ItemContext data for specs and benchmarks (no test framework needed).
import { DomainError } from '../errors';
import { profileFor } from '../rule-profiles';
import {
  AttendanceChange,
  AttendanceInput,
  Civility,
  ItemContext,
  NotTakingPart,
  ProfileCode,
  ProxyInput,
  RuleProfile,
  SeatedMember,
} from '../types';

export function member(id: string, extra: Partial<SeatedMember> = {}): SeatedMember {
  return {
    id,
    civility: 'M.' as Civility,
    firstName: id.toUpperCase(),
    lastName: id.toUpperCase(),
    seat: 'titulaire',
    ...extra,
  };
}

export function suppleant(id: string, titulaireId: string): SeatedMember {
  return member(id, { seat: 'suppleant', titulaireId });
}

export interface ContextSpec {
  /** Ids of titulaires, or full members. */
  members: (string | SeatedMember)[];
  present?: string[];
  excused?: string[];
  /** Extra rows (suppléants, replacesMemberId...). */
  rows?: AttendanceInput[];
  changes?: AttendanceChange[];
  proxies?: ProxyInput[];
  notTakingPart?: (string | NotTakingPart)[];
  position?: number;
  profile?: RuleProfile | ProfileCode;
  date?: string;
  secondConvocation?: boolean;
  recusedHolderProxy?: 'unused' | 'cast';
}

/** Members without a row are absent (L2121-17 counts members in office, not rows). */
export function buildContext(spec: ContextSpec): ItemContext {
  const members = spec.members.map((m) => (typeof m === 'string' ? member(m) : m));
  const attendance: AttendanceInput[] = [
    ...(spec.present ?? []).map((memberId) => ({ memberId, status: 'present' as const })),
    ...(spec.excused ?? []).map((memberId) => ({ memberId, status: 'excused' as const })),
    ...(spec.rows ?? []),
  ];
  const profile =
    typeof spec.profile === 'object' ? spec.profile : profileFor(spec.profile ?? 'commune', spec.date ?? '2019-09-30');
  return {
    position: spec.position ?? 1,
    members,
    attendance,
    changes: spec.changes ?? [],
    proxies: spec.proxies ?? [],
    notTakingPart: (spec.notTakingPart ?? []).map((n) => (typeof n === 'string' ? { memberId: n } : n)),
    profile,
    secondConvocation: spec.secondConvocation ?? false,
    ...(spec.recusedHolderProxy ? { recusedHolderProxy: spec.recusedHolderProxy } : {}),
  };
}

/** Ids m1..mN. */
export function ids(n: number, prefix = 'm'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

/** Runs `fn` and returns the DomainError it throws; fails loudly when it throws nothing or something else. */
export function catchDomainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('Expected a DomainError, nothing was thrown');
}

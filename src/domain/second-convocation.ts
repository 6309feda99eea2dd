// Second convocation (L2121-17; départements L3121-14, régions L4132-13): when the quorum fails, the
// assembly is convened again and then deliberates whatever the number present. Waiving the quorum is
// lawful only after a first convocation of the same body that failed for want of it, days earlier.
import { DomainError } from './errors';
import { assertIsoDate } from './iso-date';
import type { ProfileCode, QuorumState } from './types';

/**
 * "À trois jours au moins d'intervalle" (L2121-17): three clear days between the two meetings, so their dates
 * are at least four apart (Monday → Friday).
 */
export const SECOND_CONVOCATION_MIN_DAYS = 4;

/**
 * Départements and régions meet "de plein droit trois jours plus tard" (L3121-14, L4132-13): Monday → Thursday,
 * the very date the law sets, so three days apart at least.
 */
export const OF_RIGHT_MIN_DAYS = 3;

/** The session convened again, as created or changed. */
export interface SecondConvocation {
  /** Absent while the session is being created. */
  id?: string;
  bodyId: string;
  /** Local date of the session in the collectivity's time zone, YYYY-MM-DD. */
  localDate: string;
  profile: ProfileCode;
  secondConvocation: boolean;
  firstConvocationSessionId: string | null;
}

/** What the register says of the first convocation. */
export interface FirstConvocation {
  id: string;
  bodyId: string;
  localDate: string;
  status: string;
  /** It went through 'convened': a session cancelled while planned was never convened, so never failed. */
  convened: boolean;
  secondConvocation: boolean;
  /** Number of the first item voted in it, if any: a session that deliberated did not fail. */
  votedItem: string | null;
  /** At least one opening attendance row: the failure is on record. */
  openingRecorded: boolean;
  /** The quorum at the opening (position 1). */
  openingQuorum: Pick<QuorumState, 'needed' | 'counted' | 'met'>;
}

/** Whole days from `from` to `to`, on the calendar (no hours, so no summer-time surprise). */
export function daysBetween(from: string, to: string): number {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const ARTICLE: Partial<Record<ProfileCode, string>> = { departement: 'L3121-14', commission_permanente: 'L3121-14', region: 'L4132-13' };

/** Throws SECOND_CONVOCATION_INVALID naming the rule broken; `first` is the session the link names (null without one). */
export function assertSecondConvocation(s: SecondConvocation, first: FirstConvocation | null): void {
  const article = ARTICLE[s.profile] ?? 'L2121-17';
  const fail = (rule: string, message: string, details: Record<string, unknown> = {}): never => {
    throw new DomainError('SECOND_CONVOCATION_INVALID', message, { rule, field: 'firstConvocationSessionId', article, ...details });
  };
  if (!s.secondConvocation) {
    if (s.firstConvocationSessionId) fail('second_convocation_flag', 'firstConvocationSessionId is set only on a second convocation (secondConvocation: true)');
    return;
  }
  if (!s.firstConvocationSessionId || !first) {
    return fail('first_convocation_required', `secondConvocation requires firstConvocationSessionId: the earlier session of this body whose quorum was not met (${article})`);
  }
  const f = `firstConvocationSessionId: session ${first.id}`;
  if (first.id === s.id) fail('not_itself', 'firstConvocationSessionId: a session cannot be its own first convocation');
  if (first.bodyId !== s.bodyId) fail('same_body', `${f} belongs to another body: the same assembly is convened again (${article})`);
  if (first.secondConvocation) {
    fail('first_not_second_convocation', `${f} was itself a second convocation, which deliberates whatever the number present: its quorum cannot fail (${article})`);
  }
  if (first.status !== 'closed' && first.status !== 'cancelled') {
    fail('first_ended', `${f} is ${first.status}: a failed first convocation is closed or cancelled, its record final`, { status: first.status });
  }
  if (first.votedItem) fail('first_without_vote', `${f} voted item ${first.votedItem}: it deliberated, so its quorum did not fail (${article})`);
  if (!first.openingRecorded) fail('first_opening_recorded', `${f} has no opening attendance: record it to show the quorum was not met (${article})`);
  const q = first.openingQuorum;
  if (q.met) {
    fail('first_quorum_failed', `firstConvocationSessionId: the quorum of session ${first.id} was met at its opening (${q.counted} counted, ${q.needed} needed): no second convocation (${article})`, {
      counted: q.counted, needed: q.needed,
    });
  }
  if (!first.convened) fail('first_convened', `${f} was never convened (cancelled while planned): a second convocation follows a first convocation duly made (${article})`);
  const days = daysBetween(first.localDate, s.localDate);
  const ofRight = ARTICLE[s.profile] !== undefined;
  const minDays = ofRight ? OF_RIGHT_MIN_DAYS : SECOND_CONVOCATION_MIN_DAYS;
  if (days < minDays) {
    const rule = ofRight ? 'The meeting is held of right three days later' : 'A second convocation is held at least three clear days after the first';
    fail('three_clear_days',
      `${rule} (${article}): ${first.localDate} to ${s.localDate} is ${days} days apart, at least ${minDays} needed`,
      { field: 'startsAt', days, minDays });
  }
}

/** The session an item is carried into. */
export interface CarryTarget {
  secondConvocation: boolean;
  firstConvocationSessionId: string | null;
  profile: ProfileCode;
}

/** The item named by carriedFromItemId, as the register holds it. */
export interface CarriedItem {
  id: string;
  sessionId: string;
  number: string;
  status: string;
  /** The item it is already carried over into, if any. */
  carriedInto: { id: string; number: string } | null;
}

/**
 * "Sur le même ordre du jour" (L2121-17; L3121-14, L4132-13): the second convocation deliberates whatever the number
 * present only on the affairs of the failed first one, each carried over once. Throws SECOND_CONVOCATION_INVALID
 * naming the rule broken.
 */
export function assertCarryOver(target: CarryTarget, source: CarriedItem): void {
  const article = ARTICLE[target.profile] ?? 'L2121-17';
  const fail = (rule: string, message: string, details: Record<string, unknown> = {}): never => {
    throw new DomainError('SECOND_CONVOCATION_INVALID', `carriedFromItemId: ${message}`, { rule, field: 'carriedFromItemId', article, itemId: source.id, ...details });
  };
  if (!target.secondConvocation || !target.firstConvocationSessionId) {
    fail('carry_into_second_convocation', `this session is not a second convocation: only a second convocation carries over the agenda of the first one (${article})`);
  }
  if (source.status === 'voted') fail('carry_not_voted', `item ${source.number} was voted: a deliberation taken is no affair left to carry over (${article})`);
  if (source.sessionId !== target.firstConvocationSessionId) {
    fail('carry_from_first_convocation',
      `item ${source.number} is not on the agenda of the first convocation (session ${target.firstConvocationSessionId}): the quorum is waived on the same agenda only (${article})`,
      { sessionId: source.sessionId, firstConvocationSessionId: target.firstConvocationSessionId });
  }
  if (source.carriedInto) {
    fail('carry_once', `item ${source.number} is already carried over into item ${source.carriedInto.number}`, { carriedIntoItemId: source.carriedInto.id });
  }
}

/**
 * The link to the first convocation is what waives the quorum on the items carried over from it (L2121-17): while
 * some are, `field` (secondConvocation or firstConvocationSessionId) may not change. `carried`: their numbers.
 */
export function assertCarriedItemsKeepLink(field: string, carried: readonly string[], profile: ProfileCode): void {
  if (carried.length === 0) return;
  const article = ARTICLE[profile] ?? 'L2121-17';
  throw new DomainError('SECOND_CONVOCATION_INVALID',
    `${field}: item${carried.length > 1 ? 's' : ''} ${carried.join(', ')} ${carried.length > 1 ? 'are' : 'is'} carried over from the first convocation, on whose agenda the quorum is waived (${article})`,
    { rule: 'carried_items', field, article, items: carried });
}

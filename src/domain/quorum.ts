// Quorum arithmetic (L2121-17, L3121-14, L4132-13; emergency rules 2020–2022: one third).
import { DomainError } from './errors';
import { RuleSettings } from './types';

/**
 * Members needed for the quorum. Strict: the smallest integer strictly greater than
 * inOffice × num / den ("plus de la moitié": 49 → 25, 48 → 25). Non-strict: at least that share,
 * rounded up ("le tiers": 49 → 17). Never below 1: a body with no one present cannot deliberate.
 */
export function quorumNeeded(inOffice: number, q: RuleSettings['quorum']): number {
  if (!Number.isSafeInteger(inOffice) || inOffice < 0) {
    throw new DomainError('VALIDATION_FAILED', `inOffice must be an integer >= 0, got ${inOffice}`, { inOffice });
  }
  checkFraction(q.num, q.den);
  // Integer arithmetic: no floating-point surprise on exact multiples.
  const product = inOffice * q.num;
  const needed = q.strict ? Math.floor(product / q.den) + 1 : Math.ceil(product / q.den);
  return Math.max(1, needed);
}

/**
 * How many of those present must ask for a public vote or a secret ballot (L2121-21: a quarter,
 * a third; L3121-15: a sixth): at least that share, rounded up, never below 1.
 */
export function requestThreshold(present: number, fraction: { num: number; den: number }): number {
  if (!Number.isSafeInteger(present) || present < 0) {
    throw new DomainError('VALIDATION_FAILED', `present must be an integer >= 0, got ${present}`, { present });
  }
  checkFraction(fraction.num, fraction.den);
  return Math.max(1, Math.ceil((present * fraction.num) / fraction.den));
}

function checkFraction(num: number, den: number): void {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0 || num < 0) {
    throw new DomainError('VALIDATION_FAILED', `Invalid fraction ${num}/${den}`, { num, den });
  }
}

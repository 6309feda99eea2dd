import fc from 'fast-check';
import { quorumNeeded, requestThreshold } from './quorum';
import { catchDomainError } from './testing/context-builder';
import { RuleSettings } from './types';

const HALF: RuleSettings['quorum'] = { num: 1, den: 2, strict: true, basis: 'present' };
const THIRD: RuleSettings['quorum'] = { num: 1, den: 3, strict: false, basis: 'present' };

describe('quorumNeeded', () => {
  it.each([
    [49, HALF, 25],
    [48, HALF, 25],
    [50, HALF, 26],
    [1, HALF, 1],
    [2, HALF, 2],
    [0, HALF, 1],
    [49, THIRD, 17],
    [48, THIRD, 16],
    [1, THIRD, 1],
    [0, THIRD, 1],
    [12, { num: 2, den: 3, strict: false, basis: 'present' }, 8],
    [12, { num: 2, den: 3, strict: true, basis: 'present' }, 9],
  ] as [number, RuleSettings['quorum'], number][])('%i in office, %j → %i', (inOffice, q, needed) => {
    expect(quorumNeeded(inOffice, q)).toBe(needed);
  });

  it.each([
    [-1, HALF],
    [2.5, HALF],
    [10, { ...HALF, den: 0 }],
  ])('%i, %j → VALIDATION_FAILED', (n, q) => {
    expect(catchDomainError(() => quorumNeeded(n, q)).code).toBe('VALIDATION_FAILED');
  });

  it('strict one half is the smallest count strictly above half (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        const q = quorumNeeded(n, HALF);
        expect(2 * q).toBeGreaterThan(n);
        expect(2 * (q - 1)).toBeLessThanOrEqual(n);
      }),
    );
  });

  it('non-strict is the smallest count at least the share, and grows with the body (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (n, a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a];
        const q = quorumNeeded(n, { num, den, strict: false, basis: 'present' });
        expect(q * den).toBeGreaterThanOrEqual(n * num);
        expect((q - 1) * den).toBeLessThan(n * num);
        expect(quorumNeeded(n + 1, { num, den, strict: false, basis: 'present' })).toBeGreaterThanOrEqual(q);
      }),
    );
  });
});

describe('requestThreshold (L2121-21, L3121-15)', () => {
  it.each([
    [36, { num: 1, den: 4 }, 9],
    [37, { num: 1, den: 4 }, 10],
    [36, { num: 1, den: 3 }, 12],
    [40, { num: 1, den: 6 }, 7],
    [0, { num: 1, den: 4 }, 1],
  ])('%i present, %j → %i', (present, f, n) => {
    expect(requestThreshold(present, f)).toBe(n);
  });

  it('rejects nonsense', () => {
    expect(catchDomainError(() => requestThreshold(-3, { num: 1, den: 4 })).code).toBe('VALIDATION_FAILED');
  });
});

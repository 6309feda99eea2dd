import { assertSecondConvocation, daysBetween, FirstConvocation, SecondConvocation } from './second-convocation';
import { catchDomainError } from './testing/context-builder';

// A commune council: the first convocation of Monday 4 March 2024 failed (2 present, 5 needed).
const first: FirstConvocation = {
  id: 'first', bodyId: 'b', localDate: '2024-03-04', status: 'closed', convened: true, secondConvocation: false,
  votedItem: null, openingRecorded: true, openingQuorum: { needed: 5, counted: 2, met: false },
};
const second: SecondConvocation = { id: 'second', bodyId: 'b', localDate: '2024-03-08', profile: 'commune', secondConvocation: true, firstConvocationSessionId: 'first' };

describe('daysBetween (local calendar dates)', () => {
  it.each([
    ['2024-03-04', '2024-03-08', 4],
    ['2024-03-04', '2024-03-07', 3],
    ['2024-02-28', '2024-03-03', 4], // leap year
    ['2024-03-29', '2024-04-02', 4], // across the summer-time change: dates, not hours
    ['2024-03-08', '2024-03-04', -4],
  ])('%s → %s: %i', (a, b, n) => expect(daysBetween(a, b)).toBe(n));
});

describe('second convocation (L2121-17, L3121-14, L4132-13)', () => {
  it('accepts a failed first convocation three clear days earlier', () => {
    expect(() => assertSecondConvocation(second, first)).not.toThrow();
    expect(() => assertSecondConvocation(second, { ...first, status: 'cancelled' })).not.toThrow();
  });

  it('départements and régions meet of right three days later: Monday → Thursday (L3121-14, L4132-13)', () => {
    for (const profile of ['departement', 'region', 'commission_permanente'] as const) {
      expect(() => assertSecondConvocation({ ...second, localDate: '2024-03-07', profile }, first)).not.toThrow();
    }
  });

  it('accepts an ordinary session without a link', () => {
    expect(() => assertSecondConvocation({ ...second, secondConvocation: false, firstConvocationSessionId: null }, null)).not.toThrow();
  });

  it.each<[string, Partial<SecondConvocation>, Partial<FirstConvocation> | null, string, RegExp]>([
    ['no first convocation named', { firstConvocationSessionId: null }, null, 'first_convocation_required', /secondConvocation requires firstConvocationSessionId.*L2121-17/],
    ['a link on an ordinary session', { secondConvocation: false }, {}, 'second_convocation_flag', /firstConvocationSessionId is set only on a second convocation/],
    ['itself', { id: 'first' }, {}, 'not_itself', /cannot be its own first convocation/],
    ['another body', {}, { bodyId: 'other' }, 'same_body', /another body/],
    ['a second convocation before it', {}, { secondConvocation: true }, 'first_not_second_convocation', /itself a second convocation/],
    ['still open', {}, { status: 'open' }, 'first_ended', /is open: .*closed or cancelled/],
    ['still planned', {}, { status: 'planned' }, 'first_ended', /is planned/],
    ['cancelled before it was convened', {}, { status: 'cancelled', convened: false }, 'first_convened', /never convened.*L2121-17/],
    ['an item voted', {}, { votedItem: '24-03-2' }, 'first_without_vote', /voted item 24-03-2/],
    ['no opening attendance', {}, { openingRecorded: false }, 'first_opening_recorded', /no opening attendance/],
    ['quorum met', {}, { openingQuorum: { needed: 5, counted: 5, met: true } }, 'first_quorum_failed', /quorum.*was met at its opening \(5 counted, 5 needed\)/],
    ['three days only', { localDate: '2024-03-07' }, {}, 'three_clear_days', /at least three clear days after the first \(L2121-17\).*2024-03-04 to 2024-03-07 is 3 days apart, at least 4/],
    ['before the first', { localDate: '2024-03-01' }, {}, 'three_clear_days', /-3 days apart/],
    ['département: two days only', { localDate: '2024-03-06', profile: 'departement' }, {}, 'three_clear_days', /held of right three days later \(L3121-14\).*2 days apart, at least 3/],
    ['région: two days only', { localDate: '2024-03-06', profile: 'region' }, {}, 'three_clear_days', /L4132-13/],
  ])('refuses %s', (_, s, f, rule, message) => {
    const e = catchDomainError(() => assertSecondConvocation({ ...second, ...s }, f === null ? null : { ...first, ...f }));
    expect([e.code, e.details.rule]).toEqual(['SECOND_CONVOCATION_INVALID', rule]);
    expect(e.message).toMatch(message);
  });
});

import { assertCarriedItemsKeepLink, assertCarryOver, assertSecondConvocation, CarriedItem, CarryTarget, daysBetween, FirstConvocation, SecondConvocation } from './second-convocation';
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

describe('the agenda carried over to the second convocation (L2121-17: "sur le même ordre du jour")', () => {
  const target: CarryTarget = { secondConvocation: true, firstConvocationSessionId: 'first', profile: 'commune' };
  const source: CarriedItem = { id: 'i1', sessionId: 'first', number: '24-03-1', status: 'draft', carriedInto: null };

  it('accepts an item of the first convocation not voted nor carried yet, adjourned or not', () => {
    expect(() => assertCarryOver(target, source)).not.toThrow();
    expect(() => assertCarryOver(target, { ...source, status: 'adjourned' })).not.toThrow();
  });

  it.each<[string, Partial<CarryTarget>, Partial<CarriedItem>, string, RegExp]>([
    ['into an ordinary session', { secondConvocation: false, firstConvocationSessionId: null }, {}, 'carry_into_second_convocation', /not a second convocation.*L2121-17/],
    ['a voted item', {}, { status: 'voted' }, 'carry_not_voted', /item 24-03-1 was voted/],
    ['an item of another session', {}, { sessionId: 'other' }, 'carry_from_first_convocation', /item 24-03-1 is not on the agenda of the first convocation \(session first\).*same agenda only \(L2121-17\)/],
    ['in a département, an item of another session', { profile: 'departement' }, { sessionId: 'other' }, 'carry_from_first_convocation', /L3121-14/],
    ['an item already carried over', {}, { carriedInto: { id: 'i9', number: '24-03-9' } }, 'carry_once', /already carried over into item 24-03-9/],
  ])('refuses %s', (_, tg, src, rule, message) => {
    const e = catchDomainError(() => assertCarryOver({ ...target, ...tg }, { ...source, ...src }));
    expect([e.code, e.details.rule, e.details.field]).toEqual(['SECOND_CONVOCATION_INVALID', rule, 'carriedFromItemId']);
    expect(e.message).toMatch(message);
  });
});

describe('the link of a second convocation while items carry over from it (L2121-17)', () => {
  it('may change without carried items, not with them', () => {
    expect(() => assertCarriedItemsKeepLink('secondConvocation', [], 'commune')).not.toThrow();
    const e = catchDomainError(() => assertCarriedItemsKeepLink('firstConvocationSessionId', ['24-03-4', '24-03-5'], 'region'));
    expect([e.code, e.details.rule, e.details.field]).toEqual(['SECOND_CONVOCATION_INVALID', 'carried_items', 'firstConvocationSessionId']);
    expect(e.message).toMatch(/items 24-03-4, 24-03-5 are carried over from the first convocation.*L4132-13/);
  });
});

import { isDomainError } from './errors';
import { checkConvocationNotice, clearDaysBetween, noticeRule } from './convocation-notice';

describe('convocation notice (L2121-11, L2121-12)', () => {
  it.each([
    ['2019-09-18', '2019-09-30', 11], ['2024-03-07', '2024-03-11', 3], ['2024-03-10', '2024-03-11', 0], ['2024-02-28', '2024-03-04', 4], ['2024-12-30', '2025-01-02', 2],
  ])('from %s to %s: %i clear days', (c, s, n) => {
    expect(clearDaysBetween(c, s)).toBe(n);
  });

  it.each([
    ['commune', 3499, 3, 'L2121-11'], ['commune', 3500, 5, 'L2121-12'], ['commune', null, 3, 'L2121-11'], ['communaute_communes', 12000, 5, 'L2121-12'],
  ])('%s of %p inhabitants: %i clear days (%s)', (kind, population, days, article) => {
    expect(noticeRule(kind, population)).toEqual({ days, article });
  });

  it('has no communal notice for départements and régions', () => {
    expect(noticeRule('departement', 600000)).toBeNull();
    expect(noticeRule('region', null)).toBeNull();
  });

  const check = (convocationDate: string, population: number | null, urgency = false) => {
    try {
      checkConvocationNotice({ kind: 'commune', population, convocationDate, sessionDate: '2024-03-11', urgency });
      return 'ok';
    } catch (e) {
      if (isDomainError(e, 'CONVOCATION_NOTICE_TOO_SHORT')) return `${e.details.given}/${e.details.needed} ${e.details.article}`;
      throw e;
    }
  };

  it.each([
    ['2024-03-07', 1200, false, 'ok'], ['2024-03-08', 1200, false, '2/3 L2121-11'], ['2024-03-05', 8000, false, 'ok'],
    ['2024-03-06', 8000, false, '4/5 L2121-12'], ['2024-03-09', 8000, true, 'ok'], ['2024-03-10', 8000, true, '0/1 L2121-12'],
  ])('convened on %s, %p inhabitants, urgency %p: %s', (date, population, urgency, expected) => {
    expect(check(date, population, urgency)).toBe(expected);
  });
});

import { actStatus, mustBeTransmitted } from './act-status';

describe('actStatus (L2131-1, L2131-2)', () => {
  const facts = (receivedOn: string | null, publishedOn: string | null) => ({ receivedOn, publishedOn, acteId: receivedOn ? '062-246200364-20190930-19_09_107-DE' : null });
  it.each([
    // transmitted acts: both facts, enforceable from the later one
    [facts(null, null), true, false, null, ['transmission', 'publication']],
    [facts('2019-10-02', null), true, false, null, ['publication']],
    [facts(null, '2019-10-03'), true, false, null, ['transmission']],
    [facts('2019-10-02', '2019-10-03'), true, true, '2019-10-03', []],
    [facts('2019-10-04T10:00:00+02:00', '2019-10-03'), true, true, '2019-10-04', []],
    // acts L2131-2 does not list: publication alone
    [facts(null, '2019-10-03'), false, true, '2019-10-03', []],
    [facts(null, null), false, false, null, ['publication']],
  ] as const)('%j, transmitted %s → enforceable %s from %s', (f, transmitted, enforceable, on, missing) => {
    const s = actStatus(f, transmitted);
    expect(s).toMatchObject({ enforceable, enforceableOn: on, missing });
  });

  it('knows the transmission as soon as the préfecture received it, before publication', () => {
    expect(actStatus(facts('2019-10-02', null)).transmission).toEqual({ receivedOn: '2019-10-02', acteId: '062-246200364-20190930-19_09_107-DE' });
  });

  it('transmits deliberations unless marked exempt', () => {
    expect(mustBeTransmitted({})).toBe(true);
    expect(mustBeTransmitted({ exemptFromTransmission: true })).toBe(false);
  });
});

import { DomainErrorCode } from './errors';
import { EMERGENCY_PERIODS, emergencyPeriodOn, profileFor } from './rule-profiles';
import { catchDomainError } from './testing/context-builder';
import { ProfileCode, RuleSettings } from './types';

describe('profileFor: built-in profiles', () => {
  it.each([
    { code: 'commune', quorum: { num: 1, den: 2, strict: true, basis: 'present' }, proxies: 1, sessions: 3, suppleants: false, pub: 4, art: 'L2121-17' },
    { code: 'epci', quorum: { num: 1, den: 2, strict: true, basis: 'present' }, proxies: 1, sessions: 3, suppleants: true, pub: 4, art: 'L5211-6' },
    { code: 'departement', quorum: { num: 1, den: 2, strict: true, basis: 'present' }, proxies: 1, sessions: 1, suppleants: false, pub: 6, art: 'L3121-14' },
    { code: 'region', quorum: { num: 1, den: 2, strict: true, basis: 'present' }, proxies: 1, sessions: 1, suppleants: false, pub: 6, art: 'L4132-13' },
    {
      code: 'commission_permanente',
      quorum: { num: 1, den: 2, strict: true, basis: 'present_or_represented' },
      proxies: 1,
      sessions: 1,
      suppleants: false,
      pub: 6,
      art: 'L3122-7',
    },
    { code: 'custom', quorum: { num: 1, den: 2, strict: true, basis: 'present' }, proxies: 1, sessions: 3, suppleants: false, pub: 4, art: null },
  ])('$code', ({ code, quorum, proxies, sessions, suppleants, pub, art }) => {
    const p = profileFor(code as ProfileCode, '2019-09-30');
    expect(p.code).toBe(code);
    expect(p.variant).toBe(code);
    expect(p.settings).toMatchObject({
      quorum,
      maxProxiesPerHolder: proxies,
      maxConsecutiveSessionsPerProxy: sessions,
      suppleants,
      secondConvocationWaivesQuorum: true,
      castingVote: true,
      publicVoteFraction: { num: 1, den: pub },
      secretVoteFraction: { num: 1, den: 3 },
    });
    if (art) expect(p.articles).toContain(art);
  });

  it('returns fresh objects: a caller cannot change the law for everyone', () => {
    const p = profileFor('commune', '2019-09-30');
    p.settings.quorum.num = 99;
    p.articles.push('X');
    expect(profileFor('commune', '2019-09-30').settings.quorum.num).toBe(1);
    expect(profileFor('commune', '2019-09-30').articles).not.toContain('X');
  });
});

describe('profileFor: 2020–2022 emergency rules', () => {
  // Issue 10: dates checked against the texts (see rule-profiles.ts); the second period starts with loi 2020-1379
  // (JO 15 November 2020), not on 30 October; spring 2020 counted proxies toward the quorum.
  it.each([
    ['2020-03-23', 'commune', 'present'],
    ['2020-03-24', 'commune-urgence-2020', 'present_or_represented'],
    ['2020-07-10', 'commune-urgence-2020', 'present_or_represented'],
    ['2020-07-11', 'commune-urgence-2020-ete', 'present'],
    ['2020-08-30', 'commune-urgence-2020-ete', 'present'],
    ['2020-08-31', 'commune', 'present'],
    ['2020-10-30', 'commune', 'present'],
    ['2020-11-14', 'commune', 'present'],
    ['2020-11-15', 'commune-urgence-2020-2021', 'present'],
    ['2021-09-30', 'commune-urgence-2020-2021', 'present'],
    ['2021-10-01', 'commune', 'present'],
    ['2021-11-10', 'commune', 'present'],
    ['2021-11-11', 'commune-urgence-2021-2022', 'present'],
    ['2022-07-31', 'commune-urgence-2021-2022', 'present'],
    ['2022-08-01', 'commune', 'present'],
  ])('%s → %s (quorum of those %s)', (date, variant, basis) => {
    const p = profileFor('commune', date, null, '62');
    expect(p.variant).toBe(variant);
    const emergency = variant !== 'commune';
    expect(p.settings.maxProxiesPerHolder).toBe(emergency ? 2 : 1);
    expect(p.settings.quorum).toEqual(
      emergency ? { num: 1, den: 3, strict: false, basis } : { num: 1, den: 2, strict: true, basis: 'present' },
    );
    expect(emergencyPeriodOn(date, '62')?.id ?? null).toBe(emergency ? variant.replace('commune-', '') : null);
  });

  it.each([
    ['973', '2020-09-17', 'commune-urgence-2020-guyane-mayotte'],
    ['976', '2020-08-31', 'commune-urgence-2020-guyane-mayotte'],
    ['973', '2020-09-18', 'commune'],
    ['971', '2020-09-01', 'commune'],
    ['62', '2020-09-01', 'commune'],
  ])('a period has a territory: in %s on %s → %s (décret 2020-1143)', (departement, date, variant) => {
    expect(profileFor('commune', date, null, departement).variant).toBe(variant);
  });

  it('each period cites its texts', () => {
    for (const p of EMERGENCY_PERIODS) expect(p.sources.length).toBeGreaterThan(0);
    expect(EMERGENCY_PERIODS.find((p) => p.id === 'urgence-2020')!.sources).toEqual(expect.arrayContaining(['loi 2020-290 art. 10', 'ordonnance 2020-391 art. 10']));
  });

  it.each(['epci', 'departement', 'region', 'commission_permanente'] as ProfileCode[])('applies to %s, keeping its own basis and session limit', (code) => {
    const normal = profileFor(code, '2019-01-01');
    const p = profileFor(code, '2021-01-15');
    expect(p.variant).toBe(`${code}-urgence-2020-2021`);
    expect(p.settings.quorum).toEqual({ num: 1, den: 3, strict: false, basis: normal.settings.quorum.basis });
    expect(p.settings.maxProxiesPerHolder).toBe(2);
    expect(p.settings.maxConsecutiveSessionsPerProxy).toBe(normal.settings.maxConsecutiveSessionsPerProxy);
    expect(p.articles).toEqual(expect.arrayContaining(['loi 2020-1379 art. 6']));
  });

  it('does not touch custom profiles', () => {
    expect(profileFor('custom', '2021-01-15').settings.maxProxiesPerHolder).toBe(1);
    expect(profileFor('custom', '2021-01-15').variant).toBe('custom');
  });

  it('exports the periods in order, without overlap on a territory', () => {
    expect(EMERGENCY_PERIODS.map((p) => [p.from, p.to, p.territory ?? null])).toEqual([
      ['2020-03-24', '2020-07-10', null],
      ['2020-07-11', '2020-08-30', null],
      ['2020-08-31', '2020-09-17', ['973', '976']],
      ['2020-11-15', '2021-09-30', null],
      ['2021-11-11', '2022-07-31', null],
    ]);
  });
});

describe('profileFor: custom settings', () => {
  it('overrides every given setting over the commune defaults', () => {
    const s = profileFor('custom', '2024-01-01', {
      quorum: { num: 2, den: 3, strict: false, basis: 'present_or_represented' },
      maxProxiesPerHolder: 0,
      suppleants: true,
    }).settings;
    expect(s).toMatchObject({
      quorum: { num: 2, den: 3, strict: false, basis: 'present_or_represented' },
      maxProxiesPerHolder: 0,
      suppleants: true,
      maxConsecutiveSessionsPerProxy: 3,
      castingVote: true,
    });
  });

  it('ignores custom settings on a built-in profile', () => {
    expect(profileFor('commune', '2024-01-01', { maxProxiesPerHolder: 5 }).settings.maxProxiesPerHolder).toBe(1);
  });

  it.each([
    [{ quorum: { num: 1, den: 0, strict: true, basis: 'present' } }, 'quorum.den'],
    [{ quorum: { num: 3, den: 2, strict: true, basis: 'present' } }, 'quorum.num'],
    [{ quorum: { num: 0, den: 2, strict: true, basis: 'present' } }, 'quorum.num'],
    [{ quorum: { num: 1, den: 2, strict: 'yes', basis: 'present' } }, 'quorum.strict'],
    [{ quorum: { num: 1, den: 2, strict: true, basis: 'everyone' } }, 'quorum.basis'],
    [{ quorum: null }, 'quorum'],
    [{ maxProxiesPerHolder: -1 }, 'maxProxiesPerHolder'],
    [{ maxProxiesPerHolder: 1.5 }, 'maxProxiesPerHolder'],
    [{ maxConsecutiveSessionsPerProxy: 0 }, 'maxConsecutiveSessionsPerProxy'],
    [{ castingVote: 'no' }, 'castingVote'],
    [{ publicVoteFraction: { num: 2, den: 1 } }, 'publicVoteFraction.num'],
    [{ secretVoteFraction: { num: 1, den: -3 } }, 'secretVoteFraction.den'],
    [{ illnessExtendsProxy: 1 }, 'illnessExtendsProxy'],
    [{ quorumm: {} }, 'quorumm'],
  ])('%j → CUSTOM_RULES_INVALID naming %s', (custom, field) => {
    const e = catchDomainError(() => profileFor('custom', '2024-01-01', custom as unknown as Partial<RuleSettings>));
    expect(e.code).toBe('CUSTOM_RULES_INVALID');
    expect(e.details.field).toBe(field);
    expect(e.message).toContain(field);
  });

  it.each([
    ['commune', '2024-02-30', 'VALIDATION_FAILED'],
    ['commune', '30/09/2019', 'VALIDATION_FAILED'],
    ['mairie', '2024-01-01', 'VALIDATION_FAILED'],
  ] as [ProfileCode, string, DomainErrorCode][])('%s on %s → %s', (code, date, expected) => {
    expect(catchDomainError(() => profileFor(code, date)).code).toBe(expected);
  });
});

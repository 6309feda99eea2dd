import { assertTimeZone, instantOf, isTimeZone, localParts, timeZoneOf, wallClock } from './time-zones';

describe('time zones of collectivities', () => {
  it.each([
    ['971', 'America/Guadeloupe'], ['972', 'America/Martinique'], ['973', 'America/Cayenne'], ['974', 'Indian/Reunion'],
    ['975', 'America/Miquelon'], ['976', 'Indian/Mayotte'], ['977', 'America/St_Barthelemy'], ['978', 'America/Marigot'],
    ['986', 'Pacific/Wallis'], ['987', 'Pacific/Tahiti'], ['988', 'Pacific/Noumea'], ['62', 'Europe/Paris'], ['2A', 'Europe/Paris'], ['75', 'Europe/Paris'],
  ])('département %s → %s', (dep, zone) => {
    expect(timeZoneOf(dep)).toBe(zone);
    expect(isTimeZone(zone)).toBe(true);
  });

  it('accepts IANA names only', () => {
    for (const ok of ['Europe/Paris', 'Pacific/Marquesas', 'Pacific/Gambier', 'UTC', 'America/Argentina/Buenos_Aires']) expect(isTimeZone(ok)).toBe(true);
    for (const bad of ['Paris', 'Europe/Lumbres', '+04:00', '', 'europe/paris; DROP', 42, null]) expect(isTimeZone(bad)).toBe(false);
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('a session at 01:30 in La Réunion is on its local date, not the evening before in Paris', () => {
    const at = new Date('2023-03-01T01:30:00+04:00');
    expect(localParts(at, 'Indian/Reunion')).toEqual({ date: '2023-03-01', time: '01:30' });
    expect(localParts(at, 'Europe/Paris')).toEqual({ date: '2023-02-28', time: '22:30' });
    expect(localParts(new Date('2019-09-30T16:30:00Z'))).toEqual({ date: '2019-09-30', time: '18:30' });
  });

  it('gives the wall time as local fields, for ZIP entries', () => {
    const { date, time } = localParts(new Date('2023-03-01T01:30:00+04:00'), 'Indian/Reunion');
    const wall = wallClock(date, time);
    expect([wall.getFullYear(), wall.getMonth() + 1, wall.getDate(), wall.getHours(), wall.getMinutes()]).toEqual([2023, 3, 1, 1, 30]);
  });
});

describe('instantOf', () => {
  it.each([
    ['2023-03-01', '01:30', 'Indian/Reunion', '2023-03-01T01:30:00+04:00'],
    ['2019-09-30', '18:30', 'Europe/Paris', '2019-09-30T18:30:00+02:00'],
    ['2019-12-30', '18:30', 'Europe/Paris', '2019-12-30T18:30:00+01:00'],
    ['2024-01-10', '09:00', 'America/Cayenne', '2024-01-10T09:00:00-03:00'],
    ['2024-01-10', '09:00', 'Pacific/Marquesas', '2024-01-10T09:00:00-09:30'],
  ])('%s %s in %s → %s', (date, time, zone, iso) => {
    expect(instantOf(date, time, zone)).toBe(iso);
    expect(localParts(new Date(iso), zone)).toEqual({ date, time });
  });
});

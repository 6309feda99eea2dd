import { acteIdentifier, acteInternalNumber, formatItemNumber, validateNumberPattern } from './numbering';
import { catchDomainError } from './testing/context-builder';

describe('formatItemNumber', () => {
  it.each([
    ['{yy}-{mm}-{seq:3}', { date: '2019-09-30', seq: 107 }, '19-09-107'],
    ['DEL{yyyy}-{seq:2}', { date: '2023-03-14', seq: 1 }, 'DEL2023-01'],
    ['{yyyy}/{seq:3}', { date: '2023-03-14', seq: 21 }, '2023/021'],
    ['{body}-{yyyy}{mm}{dd}-{seq}', { date: '2023-03-14', seq: 5, bodyCode: 'CC' }, 'CC-20230314-5'],
    ['{seq:2}', { date: '2023-03-14', seq: 123 }, '123'],
  ])('%s with %j → %s', (pattern, v, out) => {
    expect(formatItemNumber(pattern, v)).toBe(out);
  });

  it.each(['{yyyy}-{mm}', '{year}-{seq}', '{seq', 'DEL}{seq}', '{seq:0}', '{seq:10}', '{mm:2}-{seq}', ''])(
    'pattern %j → NUMBER_PATTERN_INVALID',
    (pattern) => {
      expect(catchDomainError(() => validateNumberPattern(pattern)).code).toBe('NUMBER_PATTERN_INVALID');
      expect(catchDomainError(() => formatItemNumber(pattern, { date: '2023-01-01', seq: 1 })).code).toBe('NUMBER_PATTERN_INVALID');
    },
  );

  it.each([
    [{ date: '2023-02-30', seq: 1 }],
    [{ date: '2023-01-01', seq: 0 }],
    [{ date: '2023-01-01', seq: 1.5 }],
  ])('values %j → VALIDATION_FAILED', (v) => {
    expect(catchDomainError(() => formatItemNumber('{seq}', v)).code).toBe('VALIDATION_FAILED');
  });

  it.each(['{seq}', '{body}-{seq:3}', 'DEL-{mm}-{seq}'])('a body pattern without the year (%j) is refused: numbers would repeat each year', (pattern) => {
    const e = catchDomainError(() => validateNumberPattern(pattern));
    expect(e.code).toBe('NUMBER_PATTERN_INVALID');
    expect(e.message).toMatch(/restarts every year/);
  });

  it.each(['{yy}-{mm}-{seq}', 'DEL{yyyy}-{seq:2}', '{body}{yy}{seq:3}'])('a body pattern with the year (%j) is accepted', (pattern) => {
    expect(() => validateNumberPattern(pattern)).not.toThrow();
  });

  it('needs the body code when the pattern uses it', () => {
    expect(catchDomainError(() => formatItemNumber('{body}{seq}', { date: '2023-01-01', seq: 1 })).details.field).toBe('bodyCode');
  });
});

describe('@ctes identifiers', () => {
  it.each([
    ['19-09-107', '19_09_107'],
    ['2023/021', '2023_021'],
    ['DÉL 2023', 'D_L_2023'],
    ['ABCDEFGHIJKLMNO', 'ABCDEFGHIJKLMNO'],
  ])('internal number of %s → %s', (n, out) => {
    expect(acteInternalNumber(n)).toBe(out);
  });

  it.each(['ABCDEFGHIJKLMNOP', ''])('internal number %j is refused', (n) => {
    expect(catchDomainError(() => acteInternalNumber(n)).code).toBe('VALIDATION_FAILED');
  });

  it.each([
    [{ departementCode: '62', siren: '200000000', date: '2019-09-30', number: '19-09-107', nature: 'DE' as const }, '062-200000000-20190930-19_09_107-DE'],
    [{ departementCode: '2A', siren: '123456789', date: '2023-01-05', number: '2023/021', nature: 'AR' as const }, '02A-123456789-20230105-2023_021-AR'],
    [{ departementCode: '974', siren: '123456789', date: '2023-01-05', number: 'X1', nature: 'BF' as const }, '974-123456789-20230105-X1-BF'],
  ])('%j → %s', (input, id) => {
    expect(acteIdentifier(input)).toBe(id);
  });

  it.each([
    [{ departementCode: '6200', siren: '200000000', date: '2019-09-30', number: '1', nature: 'DE' }, 'departementCode'],
    [{ departementCode: '62', siren: '20000000', date: '2019-09-30', number: '1', nature: 'DE' }, 'siren'],
    [{ departementCode: '62', siren: '200000000', date: '2019-09-31', number: '1', nature: 'DE' }, 'date'],
    [{ departementCode: '62', siren: '200000000', date: '2019-09-30', number: '1', nature: 'XX' }, 'nature'],
    [{ departementCode: '62', siren: '200000000', date: '2019-09-30', number: 'ABCDEFGHIJKLMNOP', nature: 'DE' }, 'number'],
  ])('%j → VALIDATION_FAILED on %s', (input, field) => {
    const e = catchDomainError(() => acteIdentifier(input as Parameters<typeof acteIdentifier>[0]));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details.field).toBe(field);
  });
});

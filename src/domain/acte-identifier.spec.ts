import fc from 'fast-check';
import { DomainError } from './errors';
import { acteIdentifier, acteInternalNumber, ACTE_INTERNAL_NUMBER, ACTES_NATURES, assertActeIdentifierOf, assertPublishedNumber, parseActeIdentifier } from './numbering';

const catchDomain = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('identifiers returned by the transmission platform', () => {
  it.each([
    ['065-200070787-20230216-2023-021-DE', { departement: '065', siren: '200070787', date: '2023-02-16', number: '2023-021', nature: 'DE' }],
    ['062-246200364-20190930-19_09_107-DE', { departement: '062', siren: '246200364', date: '2019-09-30', number: '19_09_107', nature: 'DE' }],
    ['974-123456789-20230301-DEL2023-2-AR', { departement: '974', siren: '123456789', date: '2023-03-01', number: 'DEL2023-2', nature: 'AR' }],
    ['02A-123456789-20230105-2023_009-BF', { departement: '02A', siren: '123456789', date: '2023-01-05', number: '2023_009', nature: 'BF' }],
    ['062-246200364-20190930-DE-DE', { departement: '062', siren: '246200364', date: '2019-09-30', number: 'DE', nature: 'DE' }],
    ['062-246200364-20190930-A-B-C-AU', { departement: '062', siren: '246200364', date: '2019-09-30', number: 'A-B-C', nature: 'AU' }],
  ])('%s', (id, parts) => expect(parseActeIdentifier(id)).toEqual(parts));

  it.each([
    '', '062-246200364-20190930--DE', '062-246200364-20190931-1-DE', '062-24620036-20190930-1-DE', '62-246200364-20190930-1-DE',
    '062-246200364-20190930-1-XX', '062-246200364-20190930-1', '062-246200364-20190930-a b-DE', ' 062-246200364-20190930-1-DE', '062-246200364-20190930-DE',
    `062-246200364-20190930-${'X'.repeat(16)}-DE`,
  ])('refuses %j', (id) => expect(parseActeIdentifier(id)).toBeNull());

  it('reads back every identifier made of its parts, numbers with hyphens included (property)', () => {
    const chars = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz_-./'.split(''));
    const parts = fc.record({
      departement: fc.oneof(fc.integer({ min: 1, max: 989 }).map((n) => String(n).padStart(3, '0')), fc.constantFrom('02A', '02B')),
      siren: fc.integer({ min: 0, max: 999_999_999 }).map((n) => String(n).padStart(9, '0')),
      date: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      number: fc.array(chars, { minLength: 1, maxLength: 15 }).map((a) => a.join('')),
      nature: fc.constantFrom(...(Object.keys(ACTES_NATURES) as (keyof typeof ACTES_NATURES)[])),
    });
    fc.assert(
      fc.property(parts, (p) => {
        const id = `${p.departement}-${p.siren}-${p.date.replace(/-/g, '')}-${p.number}-${p.nature}`;
        expect(parseActeIdentifier(id)).toEqual(p);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any string (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 90 }), (s) => {
      const parsed = parseActeIdentifier(s);
      if (parsed) expect(s.startsWith(parsed.departement.replace(/^0(2[AB])$/, '$1')) || s.startsWith(parsed.departement)).toBe(true);
    }), { numRuns: 1000 });
  });

  it('checks the collectivity, the local date and the nature, naming what differs', () => {
    const expected = { departementCode: '65', siren: '200070787', date: '2023-02-16', nature: 'DE' as const };
    expect(assertActeIdentifierOf('065-200070787-20230216-2023-021-DE', expected).number).toBe('2023-021');
    expect(catchDomain(() => assertActeIdentifierOf('065-200070787-20230215-2023-021-DE', expected)).details).toMatchObject({ field: 'acteId', part: 'date' });
    expect(catchDomain(() => assertActeIdentifierOf('065-200070788-20230216-2023-021-DE', expected)).details).toMatchObject({ part: 'SIREN' });
    expect(catchDomain(() => assertActeIdentifierOf('065-200070787-20230216-2023-021-AR', expected)).details).toMatchObject({ part: 'nature' });
    expect(catchDomain(() => assertActeIdentifierOf('nonsense', expected)).message).toContain('065-200070787-20230216-{number}-DE');
  });
});

describe('numbers as councils write them', () => {
  it.each([
    ['19-09-107', '19_09_107'], ['DEL2023-2', 'DEL2023_2'], ['01-02', '01_02'], ['2023/009', '2023_009'], ['del.2023.4', 'DEL_2023_4'],
  ])('%s is accepted; its @ctes internal number is %s', (n, internal) => {
    expect(assertPublishedNumber(n)).toBe(n);
    expect(acteInternalNumber(n)).toBe(internal);
    expect(internal).toMatch(ACTE_INTERNAL_NUMBER);
  });

  it.each(['', '-1', '1 2', 'A'.repeat(31), 'DELIBERATION2023-0001', '2023/', 'é1'])('%j is refused, naming number', (n) => {
    expect(catchDomain(() => assertPublishedNumber(n)).details.field).toBe('number');
  });

  it('derives internal numbers that always follow ^[0-9A-Z_]{2,15}$ or are refused (property)', () => {
    fc.assert(fc.property(fc.string({ minLength: 0, maxLength: 20 }), (n) => {
      try {
        expect(acteInternalNumber(n)).toMatch(ACTE_INTERNAL_NUMBER);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
      }
    }), { numRuns: 500 });
  });

  it('keeps the identifiers it makes readable by the parser', () => {
    const id = acteIdentifier({ departementCode: '974', siren: '123456789', date: '2023-03-01', number: 'DEL2023-2', nature: 'DE' });
    expect(id).toBe('974-123456789-20230301-DEL2023_2-DE');
    expect(parseActeIdentifier(id)?.number).toBe('DEL2023_2');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRne, RNE_MUNICIPAL_HEADER, rneDate } from './rne-parser';
import { peopleOf, planRneImport, seatTitle } from './rne-plan';

const municipal = (lines: string[]) => [RNE_MUNICIPAL_HEADER.join(';'), ...lines].join('\n');
const line = (over: Partial<Record<string, string>> = {}) => {
  const v: Record<string, string> = {
    'Code du département': '62', 'Libellé du département': 'Pas-de-Calais', 'Code de la collectivité à statut particulier': '',
    'Libellé de la collectivité à statut particulier': '', 'Code de la commune': '62999', 'Libellé de la commune': 'Inventé-sur-Aa',
    "Nom de l'élu": 'DUPONT', "Prénom de l'élu": 'Jeanne', 'Code sexe': 'F', 'Date de naissance': '1967-07-22',
    'Code de la catégorie socio-professionnelle': '23', 'Libellé de la catégorie socio-professionnelle': 'Inventée',
    'Date de début du mandat': '2020-05-23', 'Libellé de la fonction': '', 'Date de début de la fonction': '', 'Code nationalité': 'FR', ...over,
  };
  return RNE_MUNICIPAL_HEADER.map((h) => v[h]).join(';');
};

describe('RNE parser', () => {
  it.each([
    ['1967-07-22', '1967-07-22'], ['22/07/1967', '1967-07-22'], ['31/02/1967', null], ['1967-13-01', null], ['22-07-1967', null], ['', null],
  ])('reads the date %p as %p (ISO in 2026 files, dd/mm/yyyy in older ones)', (s, expected) => {
    expect(rneDate(s)).toBe(expected);
  });

  it('reads a municipal file: civility from Code sexe, both date formats, the function', () => {
    const file = parseRne(municipal([line(), line({ "Nom de l'élu": 'MARTIN', "Prénom de l'élu": 'Paul', 'Code sexe': 'M', 'Date de naissance': '02/04/1961', 'Date de début du mandat': '23/05/2020', 'Libellé de la fonction': 'Maire' })]));
    expect(file.kind).toBe('municipal');
    expect(file.errors).toEqual([]);
    expect(file.rows).toEqual([
      { line: 2, civility: 'Mme', lastName: 'DUPONT', firstName: 'Jeanne', birthDate: '1967-07-22', mandateStart: '2020-05-23', functionLabel: null, unitCode: '62999', unitName: 'Inventé-sur-Aa' },
      { line: 3, civility: 'M.', lastName: 'MARTIN', firstName: 'Paul', birthDate: '1961-04-02', mandateStart: '2020-05-23', functionLabel: 'Maire', unitCode: '62999', unitName: 'Inventé-sur-Aa' },
    ]);
  });

  it('reports a bad line with its number and column, and keeps the others', () => {
    const file = parseRne(municipal([line({ 'Code sexe': 'X' }), line({ 'Date de naissance': '1967/07/22' }), line()]));
    expect(file.errors).toEqual([
      { line: 2, field: 'Code sexe', message: '"X" is neither M nor F' },
      { line: 3, field: 'Date de naissance', message: '"1967/07/22" is not a date (yyyy-mm-dd or dd/mm/yyyy)' },
    ]);
    expect(file.rows.map((r) => r.line)).toEqual([4]);
  });

  it('refuses a file that is not an RNE file, naming what its header lacks', () => {
    expect(() => parseRne('a,b,c\n1,2,3')).toThrow(/neither "Code de la commune".*nor "N° SIREN"/);
    expect(() => parseRne("Code de la commune;Nom de l'élu\n1;2")).toThrow(/lacks "Prénom de l'élu"/);
    expect(() => parseRne('')).toThrow(/empty/);
  });

  it('reads the community fixture: the EPCI of each line, a BOM or not', () => {
    const text = readFileSync(join(__dirname, '../../test/fixtures/rne-conseillers-communautaires-ccpl.csv'), 'utf8');
    for (const t of [text, `\uFEFF${text}`]) {
      const file = parseRne(t);
      expect(file.kind).toBe('community');
      expect(file.errors).toEqual([]);
      expect(file.rows.filter((r) => r.unitCode === '246200364')).toHaveLength(50);
    }
  });
});

describe('RNE import plan', () => {
  const rows = parseRne(municipal([
    line({ 'Libellé de la fonction': '1er adjoint au maire' }), line({ 'Libellé de la fonction': 'Maire délégué' }),
    line({ "Nom de l'élu": 'MARTIN', "Prénom de l'élu": 'Paul', 'Code sexe': 'M', 'Date de naissance': '1961-04-02' }),
    line({ "Nom de l'élu": 'DURAND', "Prénom de l'élu": 'Élise', 'Date de naissance': '1980-01-01' }),
  ])).rows;

  it('merges the two lines of an élu with two functions, keeping the first as the title', () => {
    const people = peopleOf(rows);
    expect(people.map((p) => [p.lastName, p.title, p.lines])).toEqual([['DUPONT', '1er adjoint au maire', [2, 3]], ['MARTIN', null, [4]], ['DURAND', null, [5]]]);
  });

  it('creates the unknown, fills what the register lacks, leaves the rest, and is stable', () => {
    const register = [
      { id: 'a', civility: 'Mme' as const, firstName: 'jeanne', lastName: 'Dupont', birthDate: '1967-07-22', seatedInBody: true },
      { id: 'b', civility: 'M.' as const, firstName: 'Paul', lastName: 'MARTIN', birthDate: null, seatedInBody: false },
      { id: 'c', civility: 'Mme' as const, firstName: 'Elise', lastName: 'DURAND', birthDate: '1950-01-01', seatedInBody: false },
      { id: 'd', civility: 'M.' as const, firstName: 'Ancien', lastName: 'CONSEILLER', birthDate: null, seatedInBody: true },
    ];
    const plan = planRneImport(peopleOf(rows), register);
    expect(plan.unchanged.map((u) => u.memberId)).toEqual(['a']);
    expect(plan.change).toEqual([{ memberId: 'b', person: expect.objectContaining({ lastName: 'MARTIN' }), changes: [
      { field: 'birthDate', from: null, to: '1961-04-02' }, { field: 'membership', from: null, to: '2020-05-23' },
    ] }]);
    // Same names, another birth date: another person.
    expect(plan.create.map((p) => p.lastName)).toEqual(['DURAND']);
    expect(plan.left).toEqual([{ memberId: 'd', name: 'Ancien CONSEILLER' }]);
    expect(planRneImport(peopleOf(rows), register).digest).toBe(plan.digest);
  });

  it.each([
    ['Président du conseil communautaire', 'Président'], ['Vice-président du conseil communautaire', 'Vice-président'],
    ['1er adjoint au maire', '1er adjoint au maire'], ['', null],
  ])('prints the function %p as the seat title %p', (label, title) => {
    expect(seatTitle(label)).toBe(title);
  });
});

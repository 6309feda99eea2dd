import type { Civility, MemberRef } from '../domain/types';
import {
  capitalize,
  countNoun,
  elide,
  escapeMarkdown,
  formatDateLong,
  formatTimeInWords,
  givesProxyTo,
  groupByCivility,
  initials,
  joinFrench,
  memberFullName,
  memberInitialName,
  memberShortName,
  numberToFrenchWords,
  openingDateFormula,
  ordinal,
  ordinalInWords,
  receivesProxyFrom,
  voteCountsWording,
  weekdayOf,
  yearInWords,
} from './french-format';

const member = (firstName: string, lastName: string, civility: Civility = 'M.'): MemberRef => ({
  id: `${lastName}-${firstName}`,
  civility,
  firstName,
  lastName,
});

describe('numberToFrenchWords', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [44, 'quarante-quatre'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [280, 'deux cent quatre-vingts'],
    [1000, 'mille'],
    [1980, 'mille neuf cent quatre-vingts'],
    [2000, 'deux mille'],
    [2019, 'deux mille dix-neuf'],
    [80000, 'quatre-vingt mille'],
    [200000, 'deux cent mille'],
    [1000000, 'un million'],
    [2500000, 'deux millions cinq cent mille'],
  ])('%i → %s', (n, words) => {
    expect(numberToFrenchWords(n)).toBe(words);
  });

  it.each([-1, 1.5, 1e12])('refuses %p', (n) => {
    expect(() => numberToFrenchWords(n)).toThrow(RangeError);
  });
});

describe('yearInWords', () => {
  it.each([
    [2019, false, 'deux mille dix-neuf'],
    [2019, true, 'deux mil dix-neuf'],
    [2020, false, 'deux mille vingt'],
    [2021, true, 'deux mil vingt et un'],
    [1999, true, 'mil neuf cent quatre-vingt-dix-neuf'],
  ])('%i (mil: %p) → %s', (year, mil, words) => {
    expect(yearInWords(year, { mil })).toBe(words);
  });
});

describe('dates and times', () => {
  it.each([
    ['2019-09-30', 'lundi'],
    ['2019-10-01', 'mardi'],
    ['2024-02-29', 'jeudi'],
  ])('weekday of %s is %s', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each([
    ['2019-09-18', '18 septembre 2019'],
    ['2019-10-01', '1er octobre 2019'],
    ['2022-08-15', '15 août 2022'],
  ])('%s → %s', (date, text) => {
    expect(formatDateLong(date)).toBe(text);
  });

  it.each([
    ['18:30', '18 heures 30'],
    ['18:30:00', '18 heures 30'],
    ['09:00', '9 heures'],
    ['18:05', '18 heures 05'],
    ['01:00', '1 heure'],
  ])('%s → %s', (time, text) => {
    expect(formatTimeInWords(time)).toBe(text);
  });

  it.each([
    ['2019-09-30', '18:30', true, "L'an deux mil dix-neuf, le lundi 30 septembre à 18 heures 30"],
    ['2019-09-30', '18:30', false, "L'an deux mille dix-neuf, le lundi 30 septembre à 18 heures 30"],
    ['2023-06-01', '09:00', false, "L'an deux mille vingt-trois, le jeudi 1er juin à 9 heures"],
  ])('opening formula %s %s (mil %p)', (date, time, mil, text) => {
    expect(openingDateFormula(date, time, { mil })).toBe(text);
  });
});

describe('names', () => {
  it.each([
    ['Jean', 'J.'],
    ['Jean-Marie', 'J.M.'],
    ['Marie-Laure', 'M.L.'],
    ['Guy Alain', 'G.A.'],
    ['élise', 'É.'],
  ])('initials of %s → %s', (first, text) => {
    expect(initials(first)).toBe(text);
  });

  it.each([
    [member('Jacques', 'Delattre'), 'DELATTRE J.', 'J. DELATTRE', 'Jacques DELATTRE'],
    [member('Gérard', 'DELATTRE'), 'DELATTRE G.', 'G. DELATTRE', 'Gérard DELATTRE'],
    [member('Jean-Marie', 'ALLOUCHERY'), 'ALLOUCHERY J.M.', 'J.M. ALLOUCHERY', 'Jean-Marie ALLOUCHERY'],
    [member('Nathalie', 'De Jonghe', 'Mme'), 'DE JONGHE N.', 'N. DE JONGHE', 'Nathalie DE JONGHE'],
  ])('%j', (m, short, initial, full) => {
    expect(memberShortName(m)).toBe(short);
    expect(memberInitialName(m)).toBe(initial);
    expect(memberFullName(m)).toBe(full);
  });
});

describe('elision', () => {
  it.each([
    ['de', 'R. DENUNCQ', 'de R. DENUNCQ'],
    ['de', 'H. CARVALHO', "d'H. CARVALHO"],
    ['de', 'E. BOIN', "d'E. BOIN"],
    ['de', 'É. MARTIN', "d'É. MARTIN"],
    ['de', 'Y. DURAND', "d'Y. DURAND"],
    ['de', 'O. DUFOUR', "d'O. DUFOUR"],
    ['de', 'J.M. ALLOUCHERY', 'de J.M. ALLOUCHERY'],
    ['le', 'Adjoint', "l'Adjoint"],
    ['que', 'il', "qu'il"],
  ] as const)('%s + %s → %s', (particle, next, text) => {
    expect(elide(particle, next)).toBe(text);
  });

  it('writes the proxy mentions of the reference', () => {
    expect(receivesProxyFrom(member('Hélène', 'Carvalho', 'Mme'))).toBe("reçoit pouvoir d'H. CARVALHO");
    expect(receivesProxyFrom(member('René', 'Denuncq'))).toBe('reçoit pouvoir de R. DENUNCQ');
    expect(givesProxyTo(member('Olivier', 'Dufour'))).toBe('donne pouvoir à O. DUFOUR');
  });
});

describe('groupByCivility', () => {
  const civ = (e: { c: Civility }) => e.c;
  it.each([
    [[{ c: 'Mme' as Civility }, { c: 'M.' as Civility }, { c: 'Mme' as Civility }], ['Mesdames:2', 'Monsieur:1']],
    [[{ c: 'M.' as Civility }, { c: 'M.' as Civility }], ['Messieurs:2']],
    [[{ c: 'Mme' as Civility }], ['Madame:1']],
    [[], []],
  ])('%j → %j', (entries, labels) => {
    expect(groupByCivility(entries, civ).map((g) => `${g.label}:${g.entries.length}`)).toEqual(labels);
  });
});

describe('ordinals and counts', () => {
  it.each([
    [1, 'm', '1er', 'premier'],
    [1, 'f', '1re', 'première'],
    [2, 'm', '2e', 'deuxième'],
    [3, 'm', '3e', 'troisième'],
    [4, 'm', '4e', 'quatrième'],
    [5, 'm', '5e', 'cinquième'],
    [9, 'm', '9e', 'neuvième'],
  ] as const)('%i (%s) → %s / %s', (n, gender, short, words) => {
    expect(ordinal(n, gender)).toBe(short);
    expect(ordinalInWords(n, gender)).toBe(words);
  });

  it.each([
    [{ pour: 30, contre: 3, abstention: 2 }, 'par 30 voix pour, 3 voix contre et 2 abstentions'],
    [{ pour: 30, contre: 0, abstention: 1 }, 'par 30 voix pour et 1 abstention'],
    [{ pour: 12, contre: 12, abstention: 0 }, 'par 12 voix pour et 12 voix contre'],
    [{ pour: 44, contre: 0, abstention: 0 }, 'par 44 voix pour'],
  ])('%j → %s', (counts, text) => {
    expect(voteCountsWording(counts)).toBe(text);
  });

  it.each([
    [1, '1 abstention'],
    [0, '0 abstention'],
    [2, '2 abstentions'],
  ])('countNoun %i', (n, text) => {
    expect(countNoun(n, 'abstention', 'abstentions')).toBe(text);
  });

  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A et B'],
    [['A', 'B', 'C'], 'A, B et C'],
  ])('joinFrench %j', (items, text) => {
    expect(joinFrench(items)).toBe(text);
  });

  it('capitalizes and escapes', () => {
    expect(capitalize('à l’unanimité')).toBe('À l’unanimité');
    expect(escapeMarkdown('A*B_C [x] <y> | #1')).toBe('A\\*B\\_C \\[x\\] \\<y\\> \\| \\#1');
  });
});

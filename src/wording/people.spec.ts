// Issue 10, "Words": elisions, gender from civility, titles of the signers, articles by kind of collectivity.
import type { MemberRef } from '../domain/types';
import { articlesFor } from './articles';
import { absentNotes, notTakingPartSentence, presentNotes } from './attendance';
import { bodyWords } from './bodies';
import { executoireSentence, receiptSentence, recourseMention } from './documents';
import { civilityOfName, elected, secretarySentence, suppleantOf } from './people';
import { electedLabel, modeSentence, namedSides } from './results';
import { headTitle, placeAndDateSentence, signers } from './signatures';

const m = (id: string, civility: 'M.' | 'Mme', firstName: string, lastName: string): MemberRef => ({ id, civility, firstName, lastName });
const duwat = m('a', 'M.', 'Alain', 'Duwat');
const lamotte = m('b', 'Mme', 'Sophie', 'Lamotte');
const leroy = m('c', 'M.', 'Christian', 'Leroy');
const maillot = m('d', 'Mme', 'Danielle', 'Maillot');

describe('names after "de"', () => {
  it('elides before a vowel: "suppléante d\'A. DUWAT", not "de A."', () => {
    expect(suppleantOf(lamotte, duwat)).toBe("suppléante d'A. DUWAT");
    expect(presentNotes({ member: lamotte, replaces: duwat, holdsProxyOf: [m('e', 'Mme', 'Hélène', 'Carvalho')] }))
      .toEqual(["suppléante d'A. DUWAT", "reçoit pouvoir d'H. CARVALHO"]);
    expect(suppleantOf(duwat, lamotte)).toBe('suppléant de S. LAMOTTE');
  });
});

describe('a proxy its holder cannot use (L2131-11)', () => {
  it('says in the sentence of the member not taking part that the proxy he holds is not used', () => {
    expect(notTakingPartSentence(duwat, 'intéressé', 'L2131-11', [lamotte]))
      .toBe("Monsieur Alain DUWAT ne prend pas part au vote (article L2131-11 du CGCT) : intéressé. Le pouvoir qu'il détient de Mme Sophie LAMOTTE n'est pas exercé.");
  });
  it('says the giver is represented by no one', () => {
    expect(absentNotes({ member: lamotte, replacedBy: null, proxyTo: null, proxyUnusedBy: duwat }))
      .toEqual(['pouvoir à A. DUWAT, qui ne prend pas part au vote : non représentée']);
  });
});

describe('gender from civility, never "élu(e)"', () => {
  it.each([['M.', 'élu'], ['Mme', 'élue']] as const)('%s → %s', (c, word) => expect(elected(c)).toBe(word));
  it('reads the civility of a candidate who is not a member off his name', () => {
    expect(civilityOfName('Mme Isabelle POURCHEL')).toBe('Mme');
    expect(civilityOfName('M. Paul MARTIN')).toBe('M.');
    expect(electedLabel('Mme', 'Mme Isabelle POURCHEL')).toBe('Élue : Mme Isabelle POURCHEL');
  });
  it('names secretaries', () => {
    expect(secretarySentence([maillot])).toBe('Madame Danielle MAILLOT est élue secrétaire.');
    expect(secretarySentence([leroy, maillot])).toBe('Monsieur Christian LEROY et Madame Danielle MAILLOT sont élus secrétaires.');
  });
});

describe('signatures carry the title of the function held in this body', () => {
  it.each([
    ['commune', 'M.', 'Le Maire'],
    ['commune', 'Mme', 'La Maire'],
    ['communaute_communes', 'M.', 'Le Président de la communauté de communes'],
    ['communaute_agglomeration', 'Mme', "La Présidente de la communauté d'agglomération"],
    ['departement', 'M.', 'Le Président du conseil départemental'],
    ['region', 'Mme', 'La Présidente du conseil régional'],
  ] as const)('%s, %s → %s', (kind, civility, title) => expect(headTitle(kind, civility)).toBe(title));

  it('the president of one item signs as president of the session; secretaries by gender', () => {
    expect(signers('commune', leroy, null, [maillot]).map((s) => s.role)).toEqual(['Le Maire', 'La secrétaire de séance']);
    expect(signers('commune', leroy, duwat, []).map((s) => s.role)).toEqual(['Le Président de séance']);
    expect(signers('commune', leroy, leroy, []).map((s) => s.role)).toEqual(['Le Maire']);
  });

  it('"Fait à" names the seat', () => {
    expect(placeAndDateSentence('Lumbres', '30 septembre 2019')).toBe('Fait à Lumbres, le 30 septembre 2019.');
    expect(placeAndDateSentence(null, '30 septembre 2019')).toBe('Fait le 30 septembre 2019.');
  });
});

describe('articles by kind of collectivity', () => {
  it('a département votes in public under L3121-15, a région under L4132-14, communes and EPCI under L2121-21', () => {
    expect(modeSentence('roll_call', articlesFor('departement').ballot)).toBe('Le vote a lieu au scrutin public (article L3121-15 du CGCT).');
    expect(articlesFor('region').ballot).toBe('L4132-14');
    expect(articlesFor('communaute_communes').ballot).toBe('L2121-21');
    expect(articlesFor('commune').list).toBe('L2121-25');
    expect(articlesFor('departement').list).not.toBe('L2121-25');
  });
  it('names the council of its kind of collectivity', () => {
    expect(bodyWords('conseil', 'Conseil de Communauté', 'communaute_communes').deliberating).toBe('le conseil communautaire');
    expect(bodyWords('conseil', 'Conseil municipal', 'commune').deliberating).toBe('le conseil municipal');
    expect(bodyWords('commission_permanente', 'Commission permanente', 'departement').metVerb).toBe("s'est réunie");
  });
});

describe('mentions', () => {
  it('the procès-verbal\'s recourse speaks of what it reports, not of "la présente délibération"', () => {
    expect(recourseMention('minutes')).not.toContain('La présente délibération');
    expect(recourseMention('minutes')).toContain('le présent procès-verbal');
    expect(recourseMention('deliberation')).toMatch(/^La présente délibération peut faire l'objet d'un recours/);
  });
});

describe('transmission and enforceability (L2131-1, L2131-2)', () => {
  it('states the receipt as soon as known, and exécutoire from the facts that make it so', () => {
    expect(receiptSentence('2 octobre 2019', '062-246200364-20190930-19_09_107-DE')).toBe('Reçu en préfecture le 2 octobre 2019, identifiant 062-246200364-20190930-19_09_107-DE.');
    expect(executoireSentence('2 octobre 2019', '3 octobre 2019')).toBe('Certifié exécutoire compte tenu de la transmission en préfecture le 2 octobre 2019 et de la publication le 3 octobre 2019.');
    expect(executoireSentence(null, '3 octobre 2019')).toBe('Certifié exécutoire compte tenu de la publication le 3 octobre 2019.');
  });
});

describe('named votes', () => {
  const named = { pour: [], contre: [leroy, lamotte], abstention: [duwat] };
  const civil = (x: MemberRef) => `${x.civility} ${x.firstName} ${x.lastName.toUpperCase()}`;
  it('a show of hands names those against or abstaining, without "scrutin public"', () => {
    expect(namedSides(named, civil, false).map((s) => s.sentence)).toEqual([
      'Ont voté contre : M. Christian LEROY, Mme Sophie LAMOTTE',
      'Se sont abstenus : M. Alain DUWAT',
    ]);
    expect(modeSentence('show_of_hands', 'L2121-21')).toBeNull();
  });
  it('a public vote counts each side', () => {
    expect(namedSides(named, civil, true)[0].sentence).toBe('Ont voté contre (2) : M. Christian LEROY, Mme Sophie LAMOTTE');
  });
});

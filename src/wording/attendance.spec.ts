// Issue 10, points 3, 5 and 6: "Votants" as the body counts them, hours of arrivals and departures, order of members.
import type { MemberRef } from '../domain/types';
import { arrivedNote, changeSentence, leftNote, orderMembers, votersInHeader } from './attendance';

const m = (id: string, lastName: string, firstName = 'Jean', civility: 'M.' | 'Mme' = 'M.'): MemberRef => ({ id, civility, firstName, lastName });
const NB = '\u00a0';

describe('"Votants" in the header', () => {
  // "46 pour, 1 abstention, 5 ne prenant pas part, 52 votants": present + represented, those not taking part inside.
  const a = { voters: 47, present: Array.from({ length: 44 }, () => null), represented: Array.from({ length: 8 }, () => null) } as never;
  it('counts those taking part by default', () => expect(votersInHeader(a)).toBe(47));
  it('counts all present and represented when the body says so', () => expect(votersInHeader(a, 'present_and_represented')).toBe(52));
});

describe('hours of arrivals and departures', () => {
  const poulain = m('p', 'Poulain', 'Patricia', 'Mme');
  it('words an arrival with its hour and its item', () => {
    expect(arrivedNote(poulain, '19-10-110', '19:07')).toBe(`arrivée à 19${NB}h${NB}07, à partir de la délibération n°19-10-110`);
    expect(arrivedNote(poulain, '19-10-110')).toBe('arrivée à partir de la délibération n°19-10-110');
    expect(arrivedNote(poulain, null, '19:07')).toBe(`arrivée à 19${NB}h${NB}07 en cours de séance`);
  });
  it('words a departure with its hour', () => {
    expect(leftNote(m('s', 'Sagnier', 'François'), '19-10-110', '21:00')).toBe(`parti à 21${NB}h, après la délibération n°19-10-110`);
    expect(changeSentence({ member: poulain, kind: 'arrival', atTime: '19:07' }, null))
      .toBe(`Madame Patricia POULAIN arrive en séance à 19${NB}h${NB}07 et prend part aux débats à partir de la présente délibération.`);
  });
});

describe('order of the members in the lists', () => {
  const entries = [
    { member: m('w', 'Wallet'), replaces: null },
    { member: m('b', 'Bée'), replaces: null },
    { member: m('l', 'Lamotte', 'Sophie', 'Mme'), replaces: m('d', 'Duwat') }, // a suppléante sitting for DUWAT
    { member: m('a', 'Allouchery'), replaces: null },
  ];
  const ids = (list: typeof entries) => list.map((e) => e.member.id);
  const standsFor = (e: (typeof entries)[number]) => e.replaces;
  it('alphabetical by default, the suppléante with the others (not at the end)', () => {
    expect(ids(orderMembers(entries, (e) => e.member))).toEqual(['a', 'b', 'l', 'w']);
  });
  it("dans l'ordre du tableau (L2121-1): by rank, a suppléante at her titulaire's rank, the unranked last", () => {
    expect(ids(orderMembers(entries, (e) => e.member, 'table', { w: 1, d: 2, b: 3 }, standsFor))).toEqual(['w', 'l', 'b', 'a']);
  });
});

import fc from 'fast-check';
import { absoluteMajority, computeElection } from './elections';
import { catchDomainError } from './testing/context-builder';
import { Candidate, ElectionRoundInput } from './types';

const CANDIDATES: Candidate[] = [
  { id: 'durand', name: 'Mme Anne DURAND', birthDate: '1970-05-02' },
  { id: 'martin', name: 'M. Paul MARTIN', birthDate: '1965-11-20' },
  { id: 'petit', name: 'M. Luc PETIT', birthDate: '1980-01-01' },
];

const round = (n: number, voters: number, blank: number, voids: number, votes: Record<string, number>): ElectionRoundInput => ({
  round: n,
  voters,
  blank,
  void: voids,
  votes: Object.entries(votes).map(([candidateId, v]) => ({ candidateId, votes: v })),
});

describe('computeElection (L2122-7)', () => {
  it.each([
    {
      name: 'absolute majority at the first round',
      rounds: [round(1, 49, 2, 1, { durand: 25, martin: 21 })],
      elected: 'durand',
      wording: 'Élue au 1er tour à la majorité absolue : Mme Anne DURAND (25 voix)',
    },
    {
      name: 'exactly half is not a majority',
      rounds: [round(1, 48, 0, 0, { durand: 24, martin: 24 })],
      elected: null,
      wording: "Aucun candidat n'a obtenu la majorité absolue (25 voix) au 1er tour",
    },
    {
      name: 'absolute majority at the second round',
      rounds: [round(1, 49, 0, 0, { durand: 24, martin: 20, petit: 5 }), round(2, 49, 0, 0, { durand: 25, martin: 24 })],
      elected: 'durand',
      wording: 'Élue au 2e tour à la majorité absolue : Mme Anne DURAND (25 voix)',
    },
    {
      name: 'relative majority at the third round',
      rounds: [
        round(1, 49, 0, 0, { durand: 20, martin: 20, petit: 9 }),
        round(2, 49, 1, 0, { durand: 22, martin: 20, petit: 6 }),
        round(3, 49, 3, 0, { durand: 22, martin: 21, petit: 3 }),
      ],
      elected: 'durand',
      wording: 'Élue au 3e tour à la majorité relative : Mme Anne DURAND (22 voix)',
    },
    {
      name: 'tie at the third round: the oldest is elected',
      rounds: [
        round(1, 40, 0, 0, { durand: 20, martin: 20 }),
        round(2, 40, 0, 0, { durand: 20, martin: 20 }),
        round(3, 40, 0, 0, { durand: 20, martin: 20 }),
      ],
      elected: 'martin',
      byAge: true,
      wording: "Élu au 3e tour à la majorité relative, au bénéfice de l'âge : M. Paul MARTIN (20 voix)",
    },
    {
      name: 'round 1 pending a second round',
      rounds: [round(1, 10, 10, 0, {})],
      elected: null,
      wording: "Aucun candidat n'a obtenu la majorité absolue (1 voix) au 1er tour",
    },
  ])('$name', ({ rounds, elected, byAge, wording }) => {
    const r = computeElection(CANDIDATES, rounds);
    expect(r.electedId).toBe(elected);
    expect(r.wording).toBe(wording);
    const last = r.rounds[r.rounds.length - 1];
    expect(last.decidedByAge).toBe(byAge ?? false);
    expect(last.relative).toBe(last.round === 3);
  });

  it('computes cast and the absolute majority of each round', () => {
    const r = computeElection(CANDIDATES, [round(1, 49, 2, 1, { durand: 25, martin: 21 })]);
    expect(r.rounds[0]).toMatchObject({ cast: 46, absoluteMajority: 24, electedId: 'durand' });
  });

  it('cannot tell apart candidates born the same day', () => {
    const twins: Candidate[] = [
      { id: 'a', name: 'A', birthDate: '1970-01-01' },
      { id: 'b', name: 'B', birthDate: '1970-01-01' },
    ];
    const tie = (n: number) => round(n, 2, 0, 0, { a: 1, b: 1 });
    const r = computeElection(twins, [tie(1), tie(2), tie(3)]);
    expect(r.electedId).toBeNull();
    expect(r.wording).toMatch(/même jour/);
  });

  it.each([
    ['no round', [], 'rounds'],
    ['round numbered 2 first', [round(2, 10, 0, 0, { durand: 10 })], 'round'],
    ['a round after the election', [round(1, 10, 0, 0, { durand: 10 }), round(2, 10, 0, 0, { durand: 10 })], 'round'],
    [
      'a fourth round',
      [
        round(1, 2, 0, 0, { durand: 1, martin: 1 }),
        round(2, 2, 0, 0, { durand: 1, martin: 1 }),
        round(3, 2, 2, 0, {}),
        round(4, 2, 0, 0, { durand: 2 }),
      ],
      'round',
    ],
    ['votes not adding up to cast', [round(1, 10, 1, 1, { durand: 5, martin: 4 })], 'votes'],
    ['blank and void above voters', [round(1, 10, 8, 3, {})], 'blank + void'],
    ['an unknown candidate', [round(1, 10, 0, 0, { nobody: 10 })], 'votes'],
    ['negative voters', [round(1, -1, 0, 0, {})], 'voters'],
    ['fractional void', [round(1, 10, 0, 0.5, {})], 'void'],
  ] as [string, ElectionRoundInput[], string][])('%s → ELECTION_ROUNDS_INVALID (%s)', (_name, rounds, field) => {
    const e = catchDomainError(() => computeElection(CANDIDATES, rounds));
    expect(e.code).toBe('ELECTION_ROUNDS_INVALID');
    expect(e.details.field).toBe(field);
  });

  it('rejects duplicate or missing candidates', () => {
    expect(catchDomainError(() => computeElection([], [round(1, 1, 1, 0, {})])).code).toBe('ELECTION_ROUNDS_INVALID');
    expect(catchDomainError(() => computeElection([CANDIDATES[0], CANDIDATES[0]], [round(1, 1, 1, 0, {})])).code).toBe(
      'ELECTION_ROUNDS_INVALID',
    );
  });

  it('absolute majority is above half of the votes cast, and the least such (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (cast, blank, voids) => {
        const r = computeElection(CANDIDATES, [round(1, cast + blank + voids, blank, voids, { durand: cast })]);
        const m = r.rounds[0].absoluteMajority;
        expect(m).toBe(absoluteMajority(cast));
        expect(2 * m).toBeGreaterThan(cast);
        expect(2 * (m - 1)).toBeLessThanOrEqual(cast);
        // The only candidate with votes is elected at the first round iff there were votes.
        expect(r.electedId).toBe(cast > 0 ? 'durand' : null);
      }),
    );
  });
});

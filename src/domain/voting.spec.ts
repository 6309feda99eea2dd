import fc from 'fast-check';
import { computeAttendance } from './attendance';
import { DomainErrorCode } from './errors';
import { profileFor } from './rule-profiles';
import { buildContext, catchDomainError, ContextSpec, ids } from './testing/context-builder';
import { BallotInput, Choice, VoteCounts, VoteInput } from './types';
import { computeVote } from './voting';

// Six in office, four present, e gives a proxy to a, f absent: 5 voters, quorum 4 met.
const BASE: ContextSpec = {
  members: ['a', 'b', 'c', 'd', 'e', 'f'],
  present: ['a', 'b', 'c', 'd'],
  excused: ['e'],
  proxies: [{ id: 'p1', giverId: 'e', holderId: 'a' }],
};

function vote(input: Partial<VoteInput>, spec: Partial<ContextSpec> = {}) {
  const ctx = buildContext({ ...BASE, ...spec });
  const state = computeAttendance(ctx);
  return computeVote({ mode: 'show_of_hands', presidentId: 'a', ...input } as VoteInput, state, ctx, ctx.profile.settings);
}

const counts = (pour: number, contre: number, abstention: number): VoteCounts => ({ pour, contre, abstention });

describe('computeVote with counts', () => {
  it.each([
    { c: counts(5, 0, 0), outcome: 'adopted', unanimous: true, casting: false, wording: "à l'unanimité" },
    { c: counts(3, 0, 2), outcome: 'adopted', unanimous: true, casting: false, wording: "à l'unanimité des suffrages exprimés (2 abstentions)" },
    { c: counts(4, 0, 1), outcome: 'adopted', unanimous: true, casting: false, wording: "à l'unanimité des suffrages exprimés (1 abstention)" },
    { c: counts(3, 2, 0), outcome: 'adopted', unanimous: false, casting: false, wording: 'par 3 voix pour et 2 voix contre' },
    { c: counts(2, 3, 0), outcome: 'rejected', unanimous: false, casting: false, wording: 'par 2 voix pour et 3 voix contre' },
    { c: counts(0, 0, 5), outcome: 'rejected', unanimous: false, casting: false, wording: 'par 0 voix pour et 5 abstentions' },
    { c: counts(0, 1, 4), outcome: 'rejected', unanimous: false, casting: false, wording: 'par 0 voix pour, 1 voix contre et 4 abstentions' },
    {
      c: counts(2, 2, 1),
      president: 'pour' as Choice,
      outcome: 'adopted',
      unanimous: false,
      casting: true,
      wording: 'par 2 voix pour, 2 voix contre et 1 abstention, la voix du président étant prépondérante',
    },
    { c: counts(2, 2, 1), president: 'contre' as Choice, outcome: 'rejected', unanimous: false, casting: true },
    { c: counts(2, 2, 1), president: 'abstention' as Choice, outcome: 'rejected', unanimous: false, casting: false },
  ])('$c.pour/$c.contre/$c.abstention → $outcome (casting vote $casting)', ({ c, president, outcome, unanimous, casting, wording }) => {
    const r = vote({ counts: c, presidentChoice: president ?? null });
    expect(r).toMatchObject({ ...c, cast: c.pour + c.contre, outcome, unanimous, castingVote: casting, notTakingPart: 0, named: null });
    if (wording) expect(r.wording).toBe(wording);
  });

  it('a secret ballot tie is rejected: no casting vote (L2121-20)', () => {
    expect(vote({ mode: 'secret', counts: counts(2, 2, 1) })).toMatchObject({ outcome: 'rejected', castingVote: false });
  });

  it('no casting vote when the rules have none', () => {
    const profile = profileFor('custom', '2024-01-01', { castingVote: false });
    expect(vote({ counts: counts(2, 2, 1) }, { profile })).toMatchObject({ outcome: 'rejected', castingVote: false });
  });

  it('no casting vote when the president does not take part', () => {
    const r = vote({ counts: counts(2, 2, 0), presidentChoice: 'pour' }, { notTakingPart: ['a'], recusedHolderProxy: 'cast' });
    expect(r).toMatchObject({ outcome: 'rejected', castingVote: false, notTakingPart: 1 });
  });

  it('deliberates on a second convocation without quorum (L2121-17)', () => {
    const r = vote({ counts: counts(3, 0, 0) }, { present: ['a', 'b'], secondConvocation: true });
    expect(r.outcome).toBe('adopted');
  });
});

describe('computeVote errors', () => {
  const ballots = (...b: [string, Choice, string?][]): BallotInput[] =>
    b.map(([voterId, choice, onBehalfOfId]) => ({ voterId, choice, onBehalfOfId: onBehalfOfId ?? null }));
  const ok = ballots(['a', 'pour'], ['b', 'pour'], ['c', 'pour'], ['d', 'pour'], ['a', 'pour', 'e']);

  const cases: { name: string; input: Partial<VoteInput>; spec?: Partial<ContextSpec>; code: DomainErrorCode }[] = [
    { name: 'counts not adding up to the voters', input: { counts: counts(4, 0, 0) }, code: 'VOTE_COUNTS_MISMATCH' },
    { name: 'counts above the voters', input: { counts: counts(4, 1, 1) }, code: 'VOTE_COUNTS_MISMATCH' },
    { name: 'negative count', input: { counts: counts(6, -1, 0) }, code: 'VALIDATION_FAILED' },
    { name: 'roll call without ballots', input: { mode: 'roll_call', counts: counts(5, 0, 0) }, code: 'VOTE_MODE_INVALID' },
    { name: 'show of hands without counts', input: { ballots: ok }, code: 'VOTE_MODE_INVALID' },
    { name: 'secret ballot with names', input: { mode: 'secret', counts: counts(5, 0, 0), ballots: ok }, code: 'VOTE_MODE_INVALID' },
    { name: 'election mode', input: { mode: 'election' as VoteInput['mode'], counts: counts(5, 0, 0) }, code: 'VOTE_MODE_INVALID' },
    { name: 'quorum not met', input: { counts: counts(3, 0, 0) }, spec: { present: ['a', 'b'] }, code: 'QUORUM_NOT_MET' },
    { name: 'tie without the president’s choice', input: { counts: counts(2, 2, 1) }, code: 'VOTE_TIE_NEEDS_PRESIDENT_CHOICE' },
    { name: 'president not in office', input: { counts: counts(5, 0, 0), presidentId: 'zz' }, code: 'MEMBER_NOT_IN_OFFICE' },
    {
      name: 'ballot of an absent member',
      input: { mode: 'roll_call', ballots: [...ok, ...ballots(['f', 'pour'])] },
      code: 'VOTE_BALLOT_NOT_ENTITLED',
    },
    {
      name: 'ballot for a giver by someone else than his holder',
      input: { mode: 'roll_call', ballots: ballots(['a', 'pour'], ['b', 'pour'], ['c', 'pour'], ['d', 'pour'], ['b', 'pour', 'e']) },
      code: 'VOTE_BALLOT_NOT_ENTITLED',
    },
    {
      name: 'own ballot of a member not taking part',
      input: { mode: 'roll_call', ballots: ok },
      spec: { notTakingPart: ['b'] },
      code: 'VOTE_MEMBER_NOT_TAKING_PART',
    },
    {
      name: 'ballot on behalf of a giver not taking part (L2131-11)',
      input: { mode: 'roll_call', ballots: ok },
      spec: { notTakingPart: ['e'] },
      code: 'VOTE_MEMBER_NOT_TAKING_PART',
    },
    {
      name: 'two ballots for one member',
      input: { mode: 'roll_call', ballots: ballots(['a', 'pour'], ['a', 'contre'], ['c', 'pour'], ['d', 'pour'], ['a', 'pour', 'e']) },
      code: 'VOTE_BALLOT_DUPLICATE',
    },
    {
      name: 'a missing ballot',
      input: { mode: 'roll_call', ballots: ok.slice(0, 4) },
      code: 'VOTE_BALLOTS_INCOMPLETE',
    },
  ];

  it.each(cases)('$name → $code', ({ input, spec, code }) => {
    expect(catchDomainError(() => vote(input, spec)).code).toBe(code);
  });

  it('names both numbers on a count mismatch and the missing voters on incomplete ballots', () => {
    expect(catchDomainError(() => vote({ counts: counts(4, 0, 0) })).message).toMatch(/= 4 but there are 5 voters/);
    const e = catchDomainError(() => vote({ mode: 'roll_call', ballots: ok.slice(0, 4) }));
    expect(e.details).toMatchObject({ missing: ['e'], voters: 5, ballots: 4 });
  });

  it('gives needed and counted when the quorum is not met', () => {
    expect(catchDomainError(() => vote({ counts: counts(3, 0, 0) }, { present: ['a', 'b'] })).details).toMatchObject({
      needed: 4,
      counted: 2,
    });
  });
});

describe('computeVote by roll call', () => {
  const rc = (b: BallotInput[], spec: Partial<ContextSpec> = {}) => vote({ mode: 'roll_call', ballots: b }, spec);

  it('names each vote, proxies flagged with their holder, in member order', () => {
    const r = rc([
      { voterId: 'd', choice: 'abstention' },
      { voterId: 'a', onBehalfOfId: 'e', choice: 'contre' },
      { voterId: 'c', choice: 'pour' },
      { voterId: 'b', choice: 'pour' },
      { voterId: 'a', choice: 'pour' },
    ]);
    expect(r).toMatchObject({ pour: 3, contre: 1, abstention: 1, outcome: 'adopted', wording: 'par 3 voix pour, 1 voix contre et 1 abstention' });
    expect(r.named!.pour.map((n) => n.member.id)).toEqual(['a', 'b', 'c']);
    expect(r.named!.contre).toEqual([expect.objectContaining({ member: expect.objectContaining({ id: 'e' }), castBy: expect.objectContaining({ id: 'a' }) })]);
    expect(r.named!.abstention.map((n) => [n.member.id, n.castBy])).toEqual([['d', null]]);
  });

  it('a recused holder still casts his giver’s vote when the body so reads L2131-11', () => {
    const r = rc(
      [
        { voterId: 'b', choice: 'pour' },
        { voterId: 'c', choice: 'pour' },
        { voterId: 'd', choice: 'pour' },
        { voterId: 'a', onBehalfOfId: 'e', choice: 'pour' },
      ],
      { notTakingPart: ['a'], recusedHolderProxy: 'cast' },
    );
    expect(r).toMatchObject({ pour: 4, notTakingPart: 1, unanimous: true });
  });

  it.each([
    { president: 'pour' as Choice, outcome: 'adopted', casting: true },
    { president: 'contre' as Choice, outcome: 'rejected', casting: true },
  ])('a tie is decided by the president’s own ballot ($president)', ({ president, outcome, casting }) => {
    const other: Choice = president === 'pour' ? 'contre' : 'pour';
    const r = rc(
      [
        { voterId: 'a', choice: president },
        { voterId: 'c', choice: other },
        { voterId: 'd', choice: other },
        { voterId: 'a', onBehalfOfId: 'e', choice: president },
      ],
      { notTakingPart: ['b'] },
    );
    expect(r).toMatchObject({ pour: 2, contre: 2, outcome, castingVote: casting });
  });
});

describe('computeVote properties', () => {
  // n members all present: voters = n; any split of the n votes.
  const splitArb = fc
    .integer({ min: 1, max: 40 })
    .chain((n) => fc.integer({ min: 0, max: n }).chain((pour) => fc.integer({ min: 0, max: n - pour }).map((contre) => ({ n, pour, contre }))));

  it('adopted ⇔ pour > contre when there is no tie; counts and roll call agree', () => {
    fc.assert(
      fc.property(splitArb, fc.constantFrom<VoteInput['mode']>('show_of_hands', 'secret'), ({ n, pour, contre }, mode) => {
        fc.pre(pour !== contre);
        const members = ids(n);
        const spec = { members, present: members, excused: [], proxies: [] };
        const c = counts(pour, contre, n - pour - contre);
        const r = vote({ mode, counts: c, presidentId: 'm1' }, spec);
        expect(r.outcome === 'adopted').toBe(pour > contre);
        expect(r.castingVote).toBe(false);
        expect(r.unanimous).toBe(pour > 0 && contre === 0);
        const choices: Choice[] = [...Array(pour).fill('pour'), ...Array(contre).fill('contre'), ...Array(n - pour - contre).fill('abstention')];
        const byRoll = vote({ mode: 'roll_call', ballots: members.map((voterId, i) => ({ voterId, choice: choices[i] })), presidentId: 'm1' }, spec);
        expect([byRoll.outcome, byRoll.wording]).toEqual([r.outcome, r.wording]);
      }),
    );
  });
});

// Issue 10, point 4: a show of hands may name those against or abstaining, with the counts, without a roll call.
describe('computeVote: names in a show of hands', () => {
  const ids = (named: { member: { id: string } }[]) => named.map((n) => n.member.id);
  it('keeps the names of those against and abstaining, a holder naming his giver apart', () => {
    const r = vote({ counts: counts(2, 2, 1), presidentChoice: 'pour', names: [
      { voterId: 'b', choice: 'contre' }, { voterId: 'a', onBehalfOfId: 'e', choice: 'contre' }, { voterId: 'c', choice: 'abstention' },
    ] });
    expect(r.mode).toBe('show_of_hands');
    expect(ids(r.named!.contre)).toEqual(['b', 'e']);
    expect(r.named!.contre[1].castBy?.id).toBe('a');
    expect(ids(r.named!.abstention)).toEqual(['c']);
    expect(r.named!.pour).toEqual([]);
  });
  it.each<[string, Partial<VoteInput>, DomainErrorCode]>([
    ['a side named short of its count', { counts: counts(3, 2, 0), names: [{ voterId: 'b', choice: 'contre' }] }, 'VOTE_COUNTS_MISMATCH'],
    ['those for named', { counts: counts(5, 0, 0), names: [{ voterId: 'b', choice: 'pour' }] }, 'VALIDATION_FAILED'],
    ['an absent member named', { counts: counts(4, 1, 0), names: [{ voterId: 'f', choice: 'contre' }] }, 'VOTE_BALLOT_NOT_ENTITLED'],
    ['a member named twice', { counts: counts(3, 2, 0), names: [{ voterId: 'b', choice: 'contre' }, { voterId: 'b', choice: 'contre' }] }, 'VOTE_BALLOT_DUPLICATE'],
    ['names in a secret ballot', { mode: 'secret', counts: counts(4, 1, 0), names: [{ voterId: 'b', choice: 'contre' }] }, 'VOTE_MODE_INVALID'],
  ])('refuses %s', (_, input, code) => {
    expect(catchDomainError(() => vote(input)).code).toBe(code);
  });
});

import fc from 'fast-check';
import { computeAttendance } from './attendance';
import { checkBallotRequest } from './ballot-requests';
import { buildContext, catchDomainError, ids } from './testing/context-builder';
import type { ProfileCode } from './types';

/** `present` of twelve members in office, the rest excused; `recused` do not take part. */
function at(present: number, profile: ProfileCode = 'commune', recused: string[] = []) {
  const members = ids(12);
  const ctx = buildContext({ members, present: members.slice(0, present), excused: members.slice(present), notTakingPart: recused, profile, date: '2024-03-11' });
  return { state: computeAttendance(ctx), settings: ctx.profile.settings, members };
}

describe('ballot requests (L2121-21, L3121-15)', () => {
  it.each([
    // mode, profile, present, requesters, accepted
    ['roll_call', 'commune', 12, 3, true], // a quarter of 12
    ['roll_call', 'commune', 12, 2, false],
    ['roll_call', 'commune', 9, 3, true], // a quarter of 9 is 2.25: three must ask
    ['roll_call', 'commune', 9, 2, false],
    ['secret', 'commune', 12, 4, true], // a third of 12
    ['secret', 'commune', 12, 3, false],
    ['secret', 'commune', 7, 3, true], // a third of 7 is 2.33
    ['secret', 'commune', 7, 2, false],
    ['roll_call', 'departement', 12, 2, true], // a sixth in départements
    ['roll_call', 'departement', 12, 1, false],
    ['roll_call', 'commune', 1, 1, true],
  ] as const)('%s in a %s body, %i present, %i asking → accepted %s', (mode, profile, present, asking, accepted) => {
    const { state, settings, members } = at(present, profile);
    const run = () => checkBallotRequest(mode, members.slice(0, asking), state, settings);
    if (accepted) {
      expect(run().map((m) => m.id)).toEqual(members.slice(0, asking));
    } else {
      const e = catchDomainError(run);
      expect([e.code, e.details.field, e.details.requested]).toEqual(['VOTE_REQUEST_INSUFFICIENT', 'requestedBy', asking]);
      expect(e.details.rule).toBe(mode === 'roll_call' ? 'public_vote_requested' : 'secret_ballot_requested');
      expect(e.message).toMatch(mode === 'roll_call' ? /a public vote/ : /a secret ballot/);
    }
  });

  it('accepts exactly from the threshold on, for any number present', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('roll_call', 'secret'), (present, asking, mode) => {
      fc.pre(asking <= present);
      const { state, settings, members } = at(present);
      const f = mode === 'roll_call' ? settings.publicVoteFraction : settings.secretVoteFraction;
      const enough = asking * f.den >= present * f.num;
      const run = () => checkBallotRequest(mode, members.slice(0, asking), state, settings);
      if (enough) expect(run()).toHaveLength(asking);
      else expect(catchDomainError(run).code).toBe('VOTE_REQUEST_INSUFFICIENT');
    }));
  });

  it('keeps the order given and returns the members with their names', () => {
    const { state, settings } = at(8);
    expect(checkBallotRequest('roll_call', ['m5', 'm2'], state, settings).map((m) => [m.id, m.lastName])).toEqual([['m5', 'M5'], ['m2', 'M2']]);
  });

  it.each([
    ['an excused member', ['m1', 'm2', 'm12'], 'VOTE_REQUESTER_NOT_PRESENT', 'requestedBy[2]'],
    ['a member not in office', ['zz', 'm1', 'm2'], 'VOTE_REQUESTER_NOT_PRESENT', 'requestedBy[0]'],
    ['a member listed twice', ['m1', 'm2', 'm1'], 'VALIDATION_FAILED', 'requestedBy[2]'],
    ['a member not taking part (L2131-11)', ['m1', 'm3', 'm2'], 'VOTE_MEMBER_NOT_TAKING_PART', 'requestedBy[1]'],
  ])('refuses %s, naming the entry', (_what, requestedBy, code, field) => {
    const { state, settings } = at(8, 'commune', ['m3']);
    const e = catchDomainError(() => checkBallotRequest('roll_call', requestedBy, state, settings));
    expect([e.code, e.details.field]).toEqual([code, field]);
  });

  it('applies to a public or secret vote only; no request means none recorded', () => {
    const { state, settings } = at(8);
    expect(catchDomainError(() => checkBallotRequest('show_of_hands', ['m1', 'm2'], state, settings)).code).toBe('VOTE_MODE_INVALID');
    expect(checkBallotRequest('show_of_hands', [], state, settings)).toEqual([]);
    expect(checkBallotRequest('roll_call', [], state, settings)).toEqual([]);
  });

  it('a secret ballot is the exception: without the third of those present asking, it is refused (L2121-21)', () => {
    const { state, settings } = at(8);
    const e = catchDomainError(() => checkBallotRequest('secret', [], state, settings));
    expect(e.code).toBe('VOTE_REQUEST_INSUFFICIENT');
    expect(e.details).toMatchObject({ field: 'requestedBy', rule: 'secret_ballot_requested', requested: 0, needed: 3, present: 8 });
    expect(e.message).toMatch(/requestedBy: a secret ballot is held at the request of a third of the members present \(L2121-21\): nobody asked, 3 needed \(1\/3 of the 8 present\).*election/);
  });
});

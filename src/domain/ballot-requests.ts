// Requests for a public vote or a secret ballot (L2121-21; L3121-15 for départements): who asked, and
// whether enough of the members present at the item asked. Pure: the attendance state is computed already.
import { DomainError } from './errors';
import { requestThreshold } from './quorum';
import type { ItemAttendanceState, MemberRef, RuleSettings, VoteInput } from './types';

const KIND = { roll_call: 'a public vote', secret: 'a secret ballot' } as const;

/**
 * Checks the members who asked for the mode of the vote and returns them in the order given; a secret ballot
 * without them is refused.
 * A public vote needs a quarter of the members present (a sixth in départements), a secret ballot a third
 * (the profile's publicVoteFraction / secretVoteFraction); only members present at the item may ask, and
 * an interested member (L2131-11), who takes no part in the deliberation, may not.
 */
export function checkBallotRequest(
  mode: VoteInput['mode'],
  requestedBy: readonly string[],
  state: ItemAttendanceState,
  settings: RuleSettings,
): MemberRef[] {
  // L2121-21: the secret ballot is the exception, held when a third of those present ask (appointments are
  // elections, secret by law, recorded apart); a show of hands or a public vote may be taken without request.
  if (requestedBy.length === 0 && mode !== 'secret') return [];
  if (mode !== 'roll_call' && mode !== 'secret') {
    throw new DomainError('VOTE_MODE_INVALID', `requestedBy: members ask for a public (roll_call) or secret vote, not for a ${mode.replace(/_/g, ' ')} (L2121-21)`, {
      field: 'requestedBy', mode,
    });
  }
  const present = new Map(state.present.map((p) => [p.member.id, p.member]));
  const recused = new Set(state.notTakingPart.map((n) => n.member.id));
  requestedBy.forEach((id, i) => {
    const field = `requestedBy[${i}]`;
    if (requestedBy.indexOf(id) !== i) throw new DomainError('VALIDATION_FAILED', `${field}: member ${id} is listed twice`, { field, memberId: id });
    if (!present.has(id)) {
      throw new DomainError('VOTE_REQUESTER_NOT_PRESENT', `${field}: member ${id} is not present at this item; only members present may ask (L2121-21)`, { field, memberId: id });
    }
    if (recused.has(id)) {
      throw new DomainError('VOTE_MEMBER_NOT_TAKING_PART', `${field}: member ${id} does not take part in this item and may not ask for its mode of vote (L2131-11)`, { field, memberId: id });
    }
  });
  const fraction = mode === 'roll_call' ? settings.publicVoteFraction : settings.secretVoteFraction;
  const needed = requestThreshold(state.present.length, fraction);
  if (requestedBy.length < needed) {
    const share = `${fraction.num}/${fraction.den} of the ${state.present.length} present`;
    const part = fraction.num === 1 && fraction.den === 3 ? 'a third' : `${fraction.num}/${fraction.den}`;
    throw new DomainError(
      'VOTE_REQUEST_INSUFFICIENT',
      requestedBy.length === 0
        ? `requestedBy: a secret ballot is held at the request of ${part} of the members present (L2121-21): nobody asked, ${needed} needed (${share}); an appointment is voted through the election endpoint`
        : `requestedBy: ${requestedBy.length} members asked for ${KIND[mode]}; ${needed} needed (${share}, L2121-21)`,
      {
        field: 'requestedBy', rule: mode === 'secret' ? 'secret_ballot_requested' : 'public_vote_requested', article: 'L2121-21',
        requested: requestedBy.length, needed, present: state.present.length, fraction,
      },
    );
  }
  return requestedBy.map((id) => present.get(id)!);
}

// The vote of one item (L2121-20, L2121-21, L2131-11): checks the counts or ballots against the
// attendance at that item and decides the outcome by the absolute majority of the votes cast.
import { quorumSatisfied } from './attendance';
import { DomainError } from './errors';
import {
  BallotInput,
  Choice,
  ItemAttendanceState,
  ItemContext,
  MemberRef,
  NamedVote,
  Outcome,
  RuleSettings,
  VoteCounts,
  VoteInput,
  VoteResult,
} from './types';
import { resultWording } from '../wording/results';

export const ITEM_VOTE_MODES: readonly VoteInput['mode'][] = ['show_of_hands', 'roll_call', 'secret'];
export const CHOICES: readonly Choice[] = ['pour', 'contre', 'abstention'];

export function computeVote(
  input: VoteInput,
  state: ItemAttendanceState,
  ctx: ItemContext,
  settings: RuleSettings = ctx.profile.settings,
): VoteResult {
  checkMode(input);
  if (!ctx.members.some((m) => m.id === input.presidentId)) {
    throw new DomainError('MEMBER_NOT_IN_OFFICE', `President ${input.presidentId} is not a member in office of this body`, {
      memberId: input.presidentId,
    });
  }
  // L2121-17: checked when each item is taken up, a departure can break it mid-session.
  if (!quorumSatisfied(state)) {
    const { needed, counted, basis } = state.quorum;
    throw new DomainError(
      'QUORUM_NOT_MET',
      `Quorum not met at item ${state.position}: ${counted} counted (${basis.replace(/_/g, ' ')}), ${needed} needed`,
      { position: state.position, needed, counted, basis },
    );
  }
  const recused = new Set(state.notTakingPart.map((n) => n.member.id));
  const ballots = input.mode === 'roll_call' ? checkBallots(input.ballots!, state, recused) : null;
  const counts = ballots ? tally(ballots) : checkCounts(input.counts!, state.voters);
  const names = input.mode === 'show_of_hands' && input.names?.length ? checkNames(input.names, counts, state, recused) : null;
  const { pour, contre, abstention } = counts;
  const cast = pour + contre;

  let outcome: Outcome = pour > contre ? 'adopted' : 'rejected';
  let castingVote = false;
  // L2121-20: on a tie the president's voice decides, except in a secret ballot.
  if (pour === contre && pour > 0 && input.mode !== 'secret' && settings.castingVote) {
    const presidentVotes = state.present.some((e) => e.member.id === input.presidentId) && !recused.has(input.presidentId);
    if (presidentVotes) {
      const choice = presidentChoice(input, ballots);
      castingVote = choice !== 'abstention';
      outcome = choice === 'pour' ? 'adopted' : 'rejected';
    }
  }
  const unanimous = cast > 0 && contre === 0 && outcome === 'adopted';
  return {
    mode: input.mode,
    pour,
    contre,
    abstention,
    notTakingPart: state.notTakingPart.length,
    cast,
    outcome,
    castingVote,
    unanimous,
    wording: resultWording({ pour, contre, abstention, castingVote, outcome }, ctx.members.find((m) => m.id === input.presidentId)?.civility),
    named: ballots ? namedVotes(ballots, ctx) : names ? namedVotes(names, ctx) : null,
  };
}

/**
 * A show of hands may name those against or abstaining (not a public vote: L2121-21 is not invoked). Each name is a
 * vote someone entitled cast at this item, and each named side holds exactly its count.
 */
function checkNames(names: BallotInput[], counts: VoteCounts, state: ItemAttendanceState, recused: Set<string>): BallotInput[] {
  for (const n of names) {
    if (n.choice === 'pour') {
      throw new DomainError('VALIDATION_FAILED', 'names: a show of hands names those against or abstaining, not those for', { field: 'names' });
    }
  }
  checkBallots(names, state, recused, false);
  for (const side of ['contre', 'abstention'] as const) {
    const named = names.filter((n) => n.choice === side).length;
    if (named > 0 && named !== counts[side]) {
      throw new DomainError('VOTE_COUNTS_MISMATCH', `names: ${named} named ${side} but counts.${side} is ${counts[side]}`, { field: 'names', side, named, count: counts[side] });
    }
  }
  return names;
}

function checkMode(input: VoteInput): void {
  if (!ITEM_VOTE_MODES.includes(input.mode)) {
    throw new DomainError(
      'VOTE_MODE_INVALID',
      `Vote mode "${input.mode}" is not one of ${ITEM_VOTE_MODES.join(', ')}` +
        (String(input.mode) === 'election' ? ' (elections go through computeElection)' : ''),
      { mode: input.mode },
    );
  }
  if (input.mode === 'roll_call') {
    if (!Array.isArray(input.ballots) || input.counts) {
      throw new DomainError('VOTE_MODE_INVALID', 'A roll call takes one ballot per voter, not counts', { mode: input.mode });
    }
  } else if (!input.counts || (input.ballots && input.ballots.length > 0) || (input.mode === 'secret' && input.names && input.names.length > 0)) {
    // A secret ballot must not leave names behind; a show of hands is recorded as counts.
    throw new DomainError('VOTE_MODE_INVALID', `A ${input.mode.replace(/_/g, ' ')} vote takes counts, not ballots`, {
      mode: input.mode,
    });
  }
}

function checkCounts(c: VoteCounts, voters: number): VoteCounts {
  for (const k of CHOICES) {
    if (!Number.isSafeInteger(c[k]) || c[k] < 0) {
      throw new DomainError('VALIDATION_FAILED', `counts.${k} must be an integer >= 0, got ${c[k]}`, { field: `counts.${k}` });
    }
  }
  const sum = c.pour + c.contre + c.abstention;
  if (sum !== voters) {
    throw new DomainError(
      'VOTE_COUNTS_MISMATCH',
      `pour + contre + abstention = ${sum} but there are ${voters} voters at this item`,
      { sum, voters, ...c },
    );
  }
  return { pour: c.pour, contre: c.contre, abstention: c.abstention };
}

/** Each ballot is cast by a member present, for himself or for a giver whose proxy he holds here. */
function checkBallots(ballots: BallotInput[], state: ItemAttendanceState, recused: Set<string>, complete = true): BallotInput[] {
  const presentIds = new Set(state.present.map((e) => e.member.id));
  const holderOf = new Map(state.represented.map((r) => [r.giver.id, r.holder.id]));
  const seen = new Set<string>();
  for (const b of ballots) {
    if (!CHOICES.includes(b.choice)) {
      throw new DomainError('VALIDATION_FAILED', `Ballot of ${b.voterId}: unknown choice "${b.choice}"`, { ...b });
    }
    if (!presentIds.has(b.voterId)) {
      throw new DomainError('VOTE_BALLOT_NOT_ENTITLED', `${b.voterId} is not present at item ${state.position} and cannot vote`, {
        voterId: b.voterId,
        position: state.position,
      });
    }
    const giver = b.onBehalfOfId ?? null;
    if (giver !== null && holderOf.get(giver) !== b.voterId) {
      throw new DomainError(
        'VOTE_BALLOT_NOT_ENTITLED',
        `${b.voterId} holds no proxy from ${giver} valid at item ${state.position}`,
        { voterId: b.voterId, onBehalfOfId: giver, position: state.position },
      );
    }
    const whose = giver ?? b.voterId;
    // L2131-11: an interested member takes no part, not even through his proxy holder.
    if (recused.has(whose)) {
      throw new DomainError(
        'VOTE_MEMBER_NOT_TAKING_PART',
        `${whose} does not take part in this vote` + (giver ? `; ${b.voterId} cannot vote for him` : ''),
        { memberId: whose, voterId: b.voterId },
      );
    }
    if (seen.has(whose)) {
      throw new DomainError('VOTE_BALLOT_DUPLICATE', `More than one ballot for ${whose}`, { memberId: whose });
    }
    seen.add(whose);
  }
  if (complete && ballots.length !== state.voters) {
    const missing = [
      ...state.present.map((e) => e.member.id),
      ...state.represented.map((r) => r.giver.id),
    ].filter((id) => !recused.has(id) && !seen.has(id));
    throw new DomainError(
      'VOTE_BALLOTS_INCOMPLETE',
      `${ballots.length} ballots for ${state.voters} voters; missing: ${missing.join(', ')}`,
      { ballots: ballots.length, voters: state.voters, missing },
    );
  }
  return ballots;
}

function tally(ballots: BallotInput[]): VoteCounts {
  const c: VoteCounts = { pour: 0, contre: 0, abstention: 0 };
  for (const b of ballots) c[b.choice]++;
  return c;
}

function presidentChoice(input: VoteInput, ballots: BallotInput[] | null): Choice {
  const own = ballots?.find((b) => b.voterId === input.presidentId && !b.onBehalfOfId);
  const choice = own?.choice ?? input.presidentChoice ?? null;
  if (choice === null) {
    throw new DomainError(
      'VOTE_TIE_NEEDS_PRESIDENT_CHOICE',
      "Tie: say how the president voted, his voice decides (L2121-20)",
      { presidentId: input.presidentId },
    );
  }
  if (!CHOICES.includes(choice)) {
    throw new DomainError('VALIDATION_FAILED', `presidentChoice "${choice}" is not one of ${CHOICES.join(', ')}`, {
      field: 'presidentChoice',
    });
  }
  return choice;
}

function namedVotes(
  ballots: BallotInput[],
  ctx: ItemContext,
): NonNullable<VoteResult['named']> {
  const byId = new Map<string, MemberRef>(ctx.members.map((m) => [m.id, m]));
  const order = new Map(ctx.members.map((m, i) => [m.id, i]));
  const rows = ballots.map((b) => {
    const whose = b.onBehalfOfId ?? b.voterId;
    const vote: NamedVote = { member: byId.get(whose)!, castBy: b.onBehalfOfId ? byId.get(b.voterId)! : null };
    return { choice: b.choice, vote, rank: order.get(whose)! };
  });
  rows.sort((a, b) => a.rank - b.rank);
  const named: NonNullable<VoteResult['named']> = { pour: [], contre: [], abstention: [] };
  for (const r of rows) named[r.choice].push(r.vote);
  return named;
}

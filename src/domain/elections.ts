// Elections and appointments by secret ballot (L2122-7): two rounds at the absolute majority of
// the votes cast, then a third at relative majority; on a tie the oldest candidate is elected.
import { DomainError } from './errors';
import { assertIsoDate } from './iso-date';
import { Candidate, ElectionResult, ElectionRoundInput, ElectionRoundResult } from './types';
import { civilityOfName } from '../wording/people';
import { ordinalFrench } from '../wording/results';
import { electionWording as wordElection } from '../wording/results';

export const MAX_ELECTION_ROUNDS = 3;

function invalid(round: number | null, field: string, why: string, details: Record<string, unknown> = {}): never {
  const where = round === null ? '' : `Round ${round}: `;
  throw new DomainError('ELECTION_ROUNDS_INVALID', `${where}${field} ${why}`, { round, field, ...details });
}

/** Smallest number of votes above half the votes cast. */
export function absoluteMajority(cast: number): number {
  return Math.floor(cast / 2) + 1;
}

export function computeElection(candidates: Candidate[], rounds: ElectionRoundInput[]): ElectionResult {
  const byId = new Map<string, Candidate>();
  for (const c of candidates) {
    if (byId.has(c.id)) invalid(null, 'candidates', `list ${c.id} twice`, { candidateId: c.id });
    byId.set(c.id, c);
  }
  if (byId.size === 0) invalid(null, 'candidates', 'must not be empty');
  if (rounds.length === 0) invalid(null, 'rounds', 'must hold at least the first round');

  const results: ElectionRoundResult[] = [];
  let electedId: string | null = null;
  rounds.forEach((r, i) => {
    const n = i + 1;
    if (r.round !== n) invalid(n, 'round', `must be numbered ${n} (rounds are consecutive from 1), got ${r.round}`);
    if (n > MAX_ELECTION_ROUNDS) invalid(n, 'round', `is a ${ordinalFrench(n)} round; there are at most ${MAX_ELECTION_ROUNDS}`);
    if (electedId !== null) invalid(n, 'round', `follows round ${n - 1}, which elected ${electedId}`);
    const result = computeRound(r, byId);
    results.push(result);
    electedId = result.electedId;
  });

  return { candidates, rounds: results, electedId, wording: electionWording(results, byId) };
}

function computeRound(r: ElectionRoundInput, byId: Map<string, Candidate>): ElectionRoundResult {
  const n = r.round;
  for (const field of ['voters', 'blank', 'void'] as const) {
    if (!Number.isSafeInteger(r[field]) || r[field] < 0) invalid(n, field, `must be an integer >= 0, got ${r[field]}`);
  }
  const cast = r.voters - r.blank - r.void;
  if (cast < 0) invalid(n, 'blank + void', `(${r.blank + r.void}) exceed the ${r.voters} voters`);
  const seen = new Set<string>();
  let sum = 0;
  for (const v of r.votes) {
    if (!byId.has(v.candidateId)) invalid(n, 'votes', `name an unknown candidate ${v.candidateId}`, { candidateId: v.candidateId });
    if (seen.has(v.candidateId)) invalid(n, 'votes', `list candidate ${v.candidateId} twice`, { candidateId: v.candidateId });
    if (!Number.isSafeInteger(v.votes) || v.votes < 0) invalid(n, 'votes', `of ${v.candidateId} must be an integer >= 0`);
    seen.add(v.candidateId);
    sum += v.votes;
  }
  if (sum !== cast) {
    invalid(n, 'votes', `add up to ${sum} but the votes cast are ${cast} (${r.voters} voters − ${r.blank} blank − ${r.void} void)`, {
      sum,
      cast,
    });
  }
  const majority = absoluteMajority(cast);
  const relative = n === MAX_ELECTION_ROUNDS;
  let electedId: string | null = null;
  let decidedByAge = false;
  if (!relative) {
    electedId = r.votes.find((v) => v.votes >= majority)?.candidateId ?? null;
  } else {
    const top = Math.max(0, ...r.votes.map((v) => v.votes));
    const tied = r.votes.filter((v) => v.votes === top && top > 0).map((v) => byId.get(v.candidateId)!);
    if (tied.length === 1) electedId = tied[0].id;
    if (tied.length > 1) {
      const oldest = oldestOf(tied, n);
      electedId = oldest?.id ?? null;
      decidedByAge = oldest !== null;
    }
  }
  return {
    round: n,
    voters: r.voters,
    blank: r.blank,
    void: r.void,
    votes: r.votes.map((v) => ({ ...v })),
    cast,
    absoluteMajority: majority,
    relative,
    electedId,
    decidedByAge,
  };
}

/** L2122-7: on a tie the oldest wins; two candidates born the same day cannot be told apart. */
function oldestOf(tied: Candidate[], round: number): Candidate | null {
  for (const c of tied) assertIsoDate(c.birthDate, `birthDate of candidate ${c.id} (round ${round})`);
  const sorted = [...tied].sort((a, b) => a.birthDate.localeCompare(b.birthDate));
  return sorted[0].birthDate === sorted[1].birthDate ? null : sorted[0];
}

export function electionWording(rounds: ElectionRoundResult[], byId: Map<string, Candidate>): string {
  const name = (id: string): string => byId.get(id)!.name;
  return wordElection(rounds, name, (id) => civilityOfName(name(id)));
}

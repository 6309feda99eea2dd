import { EntityManager } from 'typeorm';
import { Ballot, ElectionCandidate, ElectionRound, Vote } from '../votes/vote.entity';
import { VoteRequest } from '../votes/vote-request.entity';

/** An item's vote and the rows written with it (a recorded vote never changes: RG002). */
export interface VoteBundle {
  vote: Vote;
  ballots: Ballot[];
  candidates: ElectionCandidate[];
  rounds: ElectionRound[];
  requests: VoteRequest[];
}

/** The votes of the given items, by item id, in five queries whatever their number. */
export async function loadVoteBundles(em: EntityManager, itemIds: string[]): Promise<Map<string, VoteBundle>> {
  const bundles = new Map<string, VoteBundle>();
  if (itemIds.length === 0) return bundles;
  const votes = await em.getRepository(Vote).createQueryBuilder('v').where('v.item_id IN (:...ids)', { ids: itemIds }).getMany();
  if (votes.length === 0) return bundles;
  const ids = { ids: votes.map((v) => v.id) };
  const ballots = await em.getRepository(Ballot).createQueryBuilder('b').where('b.vote_id IN (:...ids)', ids).getMany();
  const candidates = await em.getRepository(ElectionCandidate).createQueryBuilder('c').where('c.vote_id IN (:...ids)', ids).orderBy('c.rank').getMany();
  const rounds = await em.getRepository(ElectionRound).createQueryBuilder('r').where('r.vote_id IN (:...ids)', ids).orderBy('r.round').getMany();
  const requests = await em.getRepository(VoteRequest).createQueryBuilder('q').where('q.vote_id IN (:...ids)', ids).orderBy('q.rank').getMany();
  for (const vote of votes) {
    const own = <T extends { voteId: string }>(rows: T[]) => rows.filter((r) => r.voteId === vote.id);
    bundles.set(vote.itemId, { vote, ballots: own(ballots), candidates: own(candidates), rounds: own(rounds), requests: own(requests) });
  }
  return bundles;
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { Item } from '../deliberations/item.entity';
import { computeAttendance, quorumSatisfied } from '../domain/attendance';
import { computeElection } from '../domain/elections';
import { DomainError, assertFound } from '../domain/errors';
import { assertPresidentPresent } from '../domain/presidency';
import { computeVote } from '../domain/voting';
import { checkBallotRequest } from '../domain/ballot-requests';
import type { Candidate, DeliberationRecord, ItemAttendanceState } from '../domain/types';
import { RegisterService } from '../register/register.service';
import { LiveRecord } from '../register/live-record';
import { recordOf } from '../register/register.service';
import { itemContext, loadSessionContext, SessionContext } from '../register/session-context';
import { RecordElectionDto, RecordVoteDto } from './dto/vote.dto';
import { Ballot, ElectionCandidate, ElectionRound, Vote } from './vote.entity';
import { VoteRequest } from './vote-request.entity';

@Injectable()
export class VotesService {
  constructor(private readonly uow: UnitOfWork, private readonly register: RegisterService, private readonly live: LiveRecord) {}

  /** Records the vote of an item: judged by the rules, then written once with the attendance it was taken with. */
  record(collectivityId: string, itemId: string, dto: RecordVoteDto): Promise<DeliberationRecord> {
    return this.uow.run(collectivityId, async (em) => {
      const { ctx, item, state, presidentId, result, requesters } = await this.judge(em, collectivityId, itemId, dto, dto.version);
      const vote = await em.getRepository(Vote).save(em.getRepository(Vote).create({
        collectivityId, itemId, mode: dto.mode, voters: state.voters, pour: result.pour, contre: result.contre, abstention: result.abstention,
        notTakingPart: result.notTakingPart, outcome: result.outcome, castingVote: result.castingVote, unanimous: result.unanimous,
        presidentId, presidentChoice: dto.presidentChoice ?? null, electedCandidateId: null, wording: result.wording, attendance: state,
      }));
      // A roll call's ballots, or the names a show of hands records of those against or abstaining.
      const named = dto.mode === 'roll_call' ? dto.ballots : dto.mode === 'show_of_hands' ? dto.names : null;
      if (named?.length) {
        await em.getRepository(Ballot).insert(named.map((b) => ({
          collectivityId, voteId: vote.id, voterId: b.voterId, onBehalfOfId: b.onBehalfOfId ?? null, choice: b.choice,
        })));
      }
      if (requesters.length) {
        await em.getRepository(VoteRequest).insert(requesters.map((m, i) => ({ collectivityId, voteId: vote.id, memberId: m.id, rank: i + 1 })));
      }
      return this.finish(em, ctx, item);
    }, { useCase: 'vote.record' });
  }

  /** The result the vote would have, in its legal wording, judged by the same rules; nothing is written. */
  preview(collectivityId: string, itemId: string, dto: RecordVoteDto) {
    return this.uow.run(collectivityId, async (em) => {
      const { result, state } = await this.judge(em, collectivityId, itemId, dto);
      return { ...result, voters: state.voters };
    }, { isolation: 'REPEATABLE READ', useCase: 'vote.preview' });
  }

  private async judge(em: EntityManager, collectivityId: string, itemId: string, dto: RecordVoteDto, version?: number) {
    const { ctx, item } = await this.open(em, collectivityId, itemId, version);
    const ictx = itemContext(ctx, item.position, item.id);
    const state = computeAttendance(ictx);
    const presidentId = this.presidentOf(ctx, item, state);
    const result = computeVote(
      { mode: dto.mode, counts: dto.counts ?? null, ballots: dto.ballots ?? null, names: dto.names ?? null, presidentId, presidentChoice: dto.presidentChoice ?? null },
      state, ictx,
    );
    const requesters = checkBallotRequest(dto.mode, dto.requestedBy ?? [], state, ctx.profile.settings);
    return { ctx, item, state, presidentId, result, requesters };
  }

  /** An appointment by secret ballot over up to three rounds (L2121-21, L2122-7). */
  recordElection(collectivityId: string, itemId: string, dto: RecordElectionDto): Promise<DeliberationRecord> {
    return this.uow.run(collectivityId, async (em) => {
      const { ctx, item } = await this.open(em, collectivityId, itemId, dto.version);
      const ictx = itemContext(ctx, item.position, item.id);
      const state = computeAttendance(ictx);
      const presidentId = this.presidentOf(ctx, item, state);
      if (!quorumSatisfied(state)) {
        throw new DomainError('QUORUM_NOT_MET', `Quorum not met at item ${item.number}: ${state.quorum.counted} present, ${state.quorum.needed} needed (L2121-17)`, {
          needed: state.quorum.needed, counted: state.quorum.counted,
        });
      }
      const candidates: Candidate[] = dto.candidates.map((c, i) => {
        const m = c.memberId ? ctx.membersById.get(c.memberId) : undefined;
        if (c.memberId && !m) throw new DomainError('MEMBER_NOT_IN_OFFICE', `candidates[${i}].memberId: not in office in this body`, { field: `candidates[${i}].memberId` });
        const name = m ? `${m.civility} ${m.firstName} ${m.lastName.toUpperCase()}` : c.name;
        const birthDate = m?.birthDate ?? c.birthDate;
        if (!name || !birthDate) throw new DomainError('VALIDATION_FAILED', `candidates[${i}]: name and birthDate are required (a member's come from the register)`, { field: `candidates[${i}]` });
        return { id: `c${i}`, name, birthDate, memberId: m?.id ?? null };
      });
      // Each candidate stands once: the same member, or the same name, twice would split his votes.
      const key = (c: Candidate) => c.memberId ?? c.name.trim().toLocaleLowerCase('fr');
      candidates.forEach((c, i) => {
        if (candidates.findIndex((o) => key(o) === key(c)) !== i) {
          throw new DomainError('VALIDATION_FAILED', `candidates[${i}]: ${c.name} is listed twice`, { field: `candidates[${i}]` });
        }
      });
      const rounds = dto.rounds.map((r) => {
        if (r.voters > state.voters) {
          throw new DomainError('ELECTION_ROUNDS_INVALID', `round ${r.round}: ${r.voters} voters but only ${state.voters} members present or represented`, { field: 'voters', round: r.round });
        }
        return {
          round: r.round, voters: r.voters, blank: r.blank, void: r.void,
          votes: r.votes.map((v) => {
            if (v.candidate >= candidates.length) throw new DomainError('ELECTION_ROUNDS_INVALID', `round ${r.round}: candidate ${v.candidate} does not exist`, { field: 'candidate', round: r.round });
            return { candidateId: candidates[v.candidate].id, votes: v.votes };
          }),
        };
      });
      const result = computeElection(candidates, rounds);
      // Ids are chosen here so the sealed vote row can name its elected candidate when it is written.
      const ids = new Map(candidates.map((c) => [c.id, randomUUID()]));
      const vote = await em.getRepository(Vote).save(em.getRepository(Vote).create({
        collectivityId, itemId, mode: 'election', voters: state.voters, pour: null, contre: null, abstention: null, notTakingPart: state.notTakingPart.length,
        outcome: null, castingVote: false, unanimous: false, presidentId, presidentChoice: null,
        electedCandidateId: result.electedId ? ids.get(result.electedId)! : null, wording: result.wording, attendance: state,
      }));
      await em.getRepository(ElectionCandidate).insert(candidates.map((c, rank) => ({
        id: ids.get(c.id)!, collectivityId, voteId: vote.id, memberId: c.memberId ?? null, name: c.name, birthDate: c.birthDate, rank,
      })));
      await em.getRepository(ElectionRound).insert(result.rounds.map((r) => ({
        collectivityId, voteId: vote.id, round: r.round, voters: r.voters, blank: r.blank, void: r.void, castVotes: r.cast,
        absoluteMajority: r.absoluteMajority, electedCandidateId: r.electedId ? ids.get(r.electedId)! : null, decidedByAge: r.decidedByAge,
        votes: r.votes.map((v) => ({ candidateId: ids.get(v.candidateId)!, votes: v.votes })),
      })));
      return this.finish(em, ctx, item);
    }, { useCase: 'vote.recordElection' });
  }

  /** With the session version the vote was entered on, refused (409) if the same item's vote changed since. */
  private async open(em: EntityManager, collectivityId: string, itemId: string, version?: number) {
    const found = assertFound(await em.getRepository(Item).findOneBy({ id: itemId, collectivityId }), 'Item', itemId);
    const ctx = (await this.live.lock(em, collectivityId, found.sessionId, {
      version, scope: { members: [], voteItemId: itemId }, state: (e) => recordOf(e, itemId),
    })).entry.ctx;
    if (ctx.session.status === 'closed' || ctx.session.status === 'cancelled') {
      throw new DomainError('SESSION_CLOSED', `Session is ${ctx.session.status}: no vote can be recorded`, { sessionId: ctx.session.id });
    }
    if (ctx.session.status !== 'open') throw new DomainError('SESSION_NOT_OPEN', `Session is ${ctx.session.status}: votes are taken in an open session`, { sessionId: ctx.session.id });
    const item = ctx.items.find((i) => i.id === itemId)!;
    if (item.status === 'voted') throw new DomainError('VOTE_ALREADY_RECORDED', `Item ${item.number} is already voted`, { itemId });
    if (item.status !== 'draft') throw new DomainError('ITEM_TRANSITION_INVALID', `Item ${item.number} is ${item.status}: it cannot be voted`, { itemId });
    return { ctx, item };
  }

  /** The member presiding the item (the item's, else the session's): in office and in the room when it is voted (L2121-14). */
  private presidentOf(ctx: SessionContext, item: Item, state: ItemAttendanceState): string {
    const id = item.presidentId ?? ctx.session.presidentId;
    if (!id) throw new DomainError('VALIDATION_FAILED', 'The session has no president: set presidentId', { field: 'presidentId' });
    if (!ctx.membersById.has(id)) throw new DomainError('MEMBER_NOT_IN_OFFICE', `President ${id} is not a member in office of this body`, { field: 'presidentId', memberId: id });
    assertPresidentPresent(state, id, item);
    return id;
  }

  private async finish(em: EntityManager, ctx: SessionContext, item: Item): Promise<DeliberationRecord> {
    await em.getRepository(Item).update({ id: item.id }, { status: 'voted', version: item.version + 1 });
    const fresh = await loadSessionContext(em, ctx.collectivity.id, ctx.session.id);
    return (await this.register.records(em, fresh, [item.id]))[0];
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { Item } from '../deliberations/item.entity';
import { computeAttendance } from '../domain/attendance';
import { noticeRule } from '../domain/convocation-notice';
import { assertFound, DomainError } from '../domain/errors';
import type { DeliberationRecord, ElectionResult, MemberRef, NamedVote, SeatedMember, VoteResult } from '../domain/types';
import { Ballot, ElectionCandidate, ElectionRound, Vote } from '../votes/vote.entity';
import { VoteRequest } from '../votes/vote-request.entity';
import { itemContext, loadSessionContext, SessionContext } from './session-context';

/** Reads the register: the computed state of an item, as its extract will print it. */
@Injectable()
export class RegisterService {
  constructor(private readonly uow: UnitOfWork) {}

  /** One snapshot: a state read while a vote is being recorded never mixes before and after. */
  itemState(collectivityId: string, itemId: string): Promise<DeliberationRecord> {
    return this.uow.run(collectivityId, async (em) => {
      const item = assertFound(await em.getRepository(Item).findOneBy({ id: itemId, collectivityId }), 'Item', itemId);
      return this.itemStateIn(em, collectivityId, item);
    }, { isolation: 'REPEATABLE READ' });
  }

  /** Numbers are unique per body: when two bodies use the same one, the caller must say which body. */
  itemStateByNumber(collectivityId: string, number: string, bodyId?: string): Promise<DeliberationRecord> {
    return this.uow.run(collectivityId, async (em) => {
      const found = await em.getRepository(Item).find({ where: { collectivityId, number, ...(bodyId ? { bodyId } : {}) }, take: 10 });
      const item = assertFound(found[0], 'Deliberation', number);
      if (found.length > 1) {
        throw new DomainError('VALIDATION_FAILED', `Deliberation ${number} exists in several bodies: pass bodyId`, { field: 'bodyId', bodyIds: found.map((i) => i.bodyId) });
      }
      return this.itemStateIn(em, collectivityId, item);
    }, { isolation: 'REPEATABLE READ' });
  }

  private async itemStateIn(em: EntityManager, collectivityId: string, item: Item): Promise<DeliberationRecord> {
    const ctx = await loadSessionContext(em, collectivityId, item.sessionId);
    return (await this.records(em, ctx, [item.id]))[0];
  }

  /** Every item of a session, for the procès-verbal, the list of deliberations and the ZIP of extracts. */
  sessionRecords(collectivityId: string, sessionId: string): Promise<{ ctx: SessionContext; records: DeliberationRecord[] }> {
    return this.uow.run(collectivityId, async (em) => {
      const ctx = await loadSessionContext(em, collectivityId, sessionId);
      return { ctx, records: await this.records(em, ctx, ctx.items.map((i) => i.id)) };
    }, { isolation: 'REPEATABLE READ' });
  }

  async records(em: EntityManager, ctx: SessionContext, itemIds: string[]): Promise<DeliberationRecord[]> {
    const votes = itemIds.length
      ? await em.getRepository(Vote).createQueryBuilder('v').where('v.item_id IN (:...ids)', { ids: itemIds }).getMany()
      : [];
    const voteIds = votes.map((v) => v.id);
    const none = voteIds.length === 0;
    const ballots = none ? [] : await em.getRepository(Ballot).createQueryBuilder('b').where('b.vote_id IN (:...ids)', { ids: voteIds }).getMany();
    const candidates = none ? [] : await em.getRepository(ElectionCandidate).createQueryBuilder('c').where('c.vote_id IN (:...ids)', { ids: voteIds }).orderBy('c.rank').getMany();
    const rounds = none ? [] : await em.getRepository(ElectionRound).createQueryBuilder('r').where('r.vote_id IN (:...ids)', { ids: voteIds }).orderBy('r.round').getMany();
    const requests = none ? [] : await em.getRepository(VoteRequest).createQueryBuilder('q').where('q.vote_id IN (:...ids)', { ids: voteIds }).orderBy('q.rank').getMany();
    return itemIds.map((id) => {
      const item = ctx.items.find((i) => i.id === id)!;
      const vote = votes.find((v) => v.itemId === id) ?? null;
      const record = buildRecord(ctx, item, vote, ballots.filter((b) => b.voteId === vote?.id), candidates.filter((c) => c.voteId === vote?.id), rounds.filter((r) => r.voteId === vote?.id));
      // L2121-21: who asked for the public vote or the secret ballot, as the procès-verbal states it.
      if (record.vote) record.vote.requestedBy = requests.filter((q) => q.voteId === vote!.id && ctx.membersById.has(q.memberId)).map((q) => ref(ctx.membersById.get(q.memberId)!));
      return record;
    });
  }
}

const ref = (m: SeatedMember): MemberRef => ({ id: m.id, civility: m.civility, firstName: m.firstName, lastName: m.lastName });

/** The session at its opening, before any item: a stand-in item at position 1 carries the attendance. */
export function openingRecord(ctx: SessionContext): DeliberationRecord {
  const opening = Object.assign(new Item(), {
    id: '', position: 1, number: '', object: '', rapporteurId: null, presidentId: null, actesNature: null, matiereCode: null,
    reasonsMd: '', decisionMd: '', status: 'draft', transmittedAt: null, receivedAt: null, publishedAt: null, acteId: null, version: 0,
  });
  return { ...buildRecord(ctx, opening, null, [], [], []), changesHere: [] };
}

export function buildRecord(
  ctx: SessionContext, item: Item, vote: Vote | null, ballots: Ballot[], candidates: ElectionCandidate[], rounds: ElectionRound[],
): DeliberationRecord {
  const member = (id: string | null) => (id ? (ctx.membersById.get(id) ?? null) : null);
  // A voted item prints the attendance taken with its vote: the act stays as it was adopted.
  const attendance = vote?.attendance ?? computeAttendance(itemContext(ctx, item.position, item.id));
  const changesHere = ctx.changes
    .filter((c) => c.fromPosition === item.position && ctx.membersById.has(c.memberId))
    .map((c) => ({ member: ref(ctx.membersById.get(c.memberId)!), kind: c.kind, atTime: c.atTime ?? null }));
  const tableRanks: Record<string, number> = {};
  for (const m of ctx.members) if (m.tableRank != null) tableRanks[m.id] = m.tableRank;
  return {
    collectivity: {
      id: ctx.collectivity.id, kind: ctx.collectivity.kind, name: ctx.collectivity.name, shortName: ctx.collectivity.shortName,
      siren: ctx.collectivity.siren, departementCode: ctx.collectivity.departementCode,
      seat: ctx.collectivity.seat, yearWithMil: ctx.collectivity.yearInWords === 'mil',
    },
    body: {
      id: ctx.body.id, kind: ctx.body.kind, name: ctx.body.name, profile: ctx.profile,
      wording: { votersHeader: ctx.body.votersHeader, memberOrder: ctx.body.memberOrder, tableRanks },
    },
    session: {
      id: ctx.session.id, startsAt: ctx.session.startsAt.toISOString(), localDate: ctx.localDate, localTime: ctx.localTime,
      place: ctx.session.place, convocationDate: ctx.session.convocationDate, secondConvocation: ctx.session.secondConvocation,
      urgency: ctx.session.urgency ? { article: noticeRule(ctx.collectivity.kind, ctx.collectivity.population)?.article ?? 'L2121-11' } : null,
      status: ctx.session.status, president: member(ctx.session.presidentId), secretaries: ctx.secretaries,
    },
    item: {
      id: item.id, position: item.position, number: item.number, object: item.object, rapporteur: member(item.rapporteurId),
      actesNature: item.actesNature, matiereCode: item.matiereCode, reasonsMd: item.reasonsMd, decisionMd: item.decisionMd,
      status: item.status, president: member(item.presidentId), transmittedAt: item.transmittedAt, receivedAt: item.receivedAt, publishedAt: item.publishedAt,
      acteId: item.acteId, version: item.version,
      carriedFrom: item.carriedFromItemId ? (ctx.carriedFrom.get(item.carriedFromItemId) ?? null) : null,
      rectifies: ctx.rectifies.get(item.id) ?? null,
    },
    attendance,
    changesHere,
    vote: vote && vote.mode !== 'election' ? voteResult(ctx, vote, ballots) : null,
    election: vote && vote.mode === 'election' ? electionResult(vote, candidates, rounds) : null,
  };
}

function voteResult(ctx: SessionContext, v: Vote, ballots: Ballot[]): VoteResult {
  // A roll call names every voter; a show of hands may name those against or abstaining.
  const named = v.mode === 'roll_call' || (v.mode === 'show_of_hands' && ballots.length > 0)
    ? { pour: [] as NamedVote[], contre: [] as NamedVote[], abstention: [] as NamedVote[] } : null;
  if (named) {
    for (const b of ballots) {
      const whose = ctx.membersById.get(b.onBehalfOfId ?? b.voterId);
      if (!whose) continue;
      named[b.choice].push({ member: ref(whose), castBy: b.onBehalfOfId ? ref(ctx.membersById.get(b.voterId)!) : null });
    }
    for (const side of Object.values(named)) side.sort((a, b) => a.member.lastName.localeCompare(b.member.lastName, 'fr'));
  }
  const pour = v.pour ?? 0;
  const contre = v.contre ?? 0;
  return {
    mode: v.mode as VoteResult['mode'], pour, contre, abstention: v.abstention ?? 0, notTakingPart: v.notTakingPart,
    cast: pour + contre, outcome: v.outcome ?? 'rejected', castingVote: v.castingVote, unanimous: v.unanimous, wording: v.wording, named,
  };
}

function electionResult(v: Vote, candidates: ElectionCandidate[], rounds: ElectionRound[]): ElectionResult {
  return {
    candidates: candidates.map((c) => ({ id: c.id, name: c.name, birthDate: c.birthDate, memberId: c.memberId })),
    rounds: rounds.map((r) => ({
      round: r.round, voters: r.voters, blank: r.blank, void: r.void, votes: r.votes, cast: r.castVotes,
      absoluteMajority: r.absoluteMajority, relative: r.round >= 3, electedId: r.electedCandidateId, decidedByAge: r.decidedByAge,
    })),
    electedId: v.electedCandidateId,
    wording: v.wording,
  };
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { Item } from '../deliberations/item.entity';
import { computeAttendance } from '../domain/attendance';
import { noticeRule } from '../domain/convocation-notice';
import { assertFound, DomainError } from '../domain/errors';
import type { DeliberationRecord, ElectionResult, MemberRef, NamedVote, SeatedMember, VoteResult } from '../domain/types';
import { Ballot, ElectionCandidate, ElectionRound, Vote } from '../votes/vote.entity';
import { CachedSession, Clock, clockKey, newEntry, RecordCache } from './record-cache';
import { itemContext, loadSessionContext, SessionContext } from './session-context';
import { loadVoteBundles, VoteBundle } from './vote-bundles';

/** Reads the register: the computed state of an item, as its extract will print it. */
@Injectable()
export class RegisterService {
  constructor(private readonly uow: UnitOfWork, private readonly cache: RecordCache) {}

  /**
   * An item's state: while its session's version holds, the record computed at that version, after one round trip
   * that reads the version; else computed from one snapshot (a state read while a vote is being recorded never
   * mixes before and after) and kept.
   */
  async itemState(collectivityId: string, itemId: string): Promise<DeliberationRecord> {
    return assertFound(recordOf(await this.itemEntry(collectivityId, itemId), itemId), 'Item', itemId);
  }

  /**
   * The same state as JSON text, serialized once per version and tagged with it: an unchanged session answers
   * from memory, and a client holding that tag (If-None-Match) gets 304 without a body.
   */
  async itemStateJson(collectivityId: string, itemId: string): Promise<{ json: string; etag: string }> {
    const entry = await this.itemEntry(collectivityId, itemId);
    const json = RecordCache.memo(entry, `json:${itemId}`, () => JSON.stringify(assertFound(recordOf(entry, itemId), 'Item', itemId)));
    return { json, etag: `"${entry.key}:${itemId}"` };
  }

  /** Numbers are unique per body: when two bodies use the same one, the caller must say which body. */
  async itemStateByNumber(collectivityId: string, number: string, bodyId?: string): Promise<DeliberationRecord> {
    const item = await this.uow.run(collectivityId, async (em) => {
      const found = await em.getRepository(Item).find({ where: { collectivityId, number, ...(bodyId ? { bodyId } : {}) }, take: 10 });
      if (found.length > 1) {
        throw new DomainError('VALIDATION_FAILED', `Deliberation ${number} exists in several bodies: pass bodyId`, { field: 'bodyId', bodyIds: found.map((i) => i.bodyId) });
      }
      return assertFound(found[0], 'Deliberation', number);
    });
    return this.itemState(collectivityId, item.id);
  }

  /** Every item of a session, for the procès-verbal, the list of deliberations and the ZIP of extracts. */
  async sessionRecords(collectivityId: string, sessionId: string): Promise<{ ctx: SessionContext; records: DeliberationRecord[] }> {
    const entry = await this.sessionEntry(collectivityId, sessionId);
    return { ctx: entry.ctx, records: entry.ctx.items.map((i) => recordOf(entry, i.id)!) };
  }

  /** The session's record at its current version: cached while the version holds. */
  async sessionEntry(collectivityId: string, sessionId: string): Promise<CachedSession> {
    return this.current(collectivityId, await this.cache.clockOfSession(collectivityId, sessionId), 'Session', sessionId);
  }

  private async itemEntry(collectivityId: string, itemId: string): Promise<CachedSession> {
    return this.current(collectivityId, await this.cache.clockOfItem(collectivityId, itemId), 'Item', itemId);
  }

  /** The record the clock names: the cached one, else loaded from one snapshot and kept. */
  private async current(collectivityId: string, clock: Clock | null, entity: string, id: string): Promise<CachedSession> {
    if (!clock) throw new DomainError('NOT_FOUND', `${entity} ${id} not found`, { entity, id });
    return this.cache.get(clock.sessionId, clock.key)
      ?? this.uow.run(collectivityId, async (em) => this.cache.put(clock.sessionId, await this.entry(collectivityId, clock.sessionId, em)), { isolation: 'REPEATABLE READ' });
  }

  /** The session's record at its current version, computed in a use case's transaction (kept by the caller once committed). */
  async entry(collectivityId: string, sessionId: string, em: EntityManager): Promise<CachedSession> {
    const ctx = await loadSessionContext(em, collectivityId, sessionId);
    return newEntry(clockKey(ctx.session.version, ctx.collectivity.recordVersion), ctx, await loadVoteBundles(em, ctx.items.map((i) => i.id)));
  }

  async records(em: EntityManager, ctx: SessionContext, itemIds: string[]): Promise<DeliberationRecord[]> {
    const votes = await loadVoteBundles(em, itemIds);
    return itemIds.map((id) => buildItemRecord(ctx, ctx.items.find((i) => i.id === id)!, votes.get(id) ?? null));
  }
}

/** An item's record at the entry's version, computed once (and frozen: every reader shares it). */
export function recordOf(entry: CachedSession, itemId: string): DeliberationRecord | null {
  const known = entry.records.get(itemId);
  if (known) return known;
  const item = entry.ctx.items.find((i) => i.id === itemId);
  if (!item) return null;
  const record = deepFreeze(buildItemRecord(entry.ctx, item, entry.votes.get(itemId) ?? null));
  entry.records.set(itemId, record);
  return record;
}

function buildItemRecord(ctx: SessionContext, item: Item, bundle: VoteBundle | null): DeliberationRecord {
  const record = buildRecord(ctx, item, bundle?.vote ?? null, bundle?.ballots ?? [], bundle?.candidates ?? [], bundle?.rounds ?? []);
  // L2121-21: who asked for the public vote or the secret ballot, as the procès-verbal states it.
  if (record.vote && bundle) record.vote.requestedBy = bundle.requests.filter((q) => ctx.membersById.has(q.memberId)).map((q) => ref(ctx.membersById.get(q.memberId)!));
  return record;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
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
      status: ctx.session.status, version: ctx.session.version, president: member(ctx.session.presidentId), secretaries: ctx.secretaries,
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

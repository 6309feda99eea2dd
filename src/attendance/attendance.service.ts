import { Injectable } from '@nestjs/common';
import type { ItemAttendanceState, OpeningStatus } from '../domain/types';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { assertEditable } from '../deliberations/items.service';
import { computeAttendance, presenceAt } from '../domain/attendance';
import { assertVersion, DomainError } from '../domain/errors';
import { Session } from '../sessions/session.entity';
import { LiveRecord } from '../register/live-record';
import { CachedSession, RecordCache } from '../register/record-cache';
import { RegisterService } from '../register/register.service';
import { changesOf, itemContext, SessionContext } from '../register/session-context';
import { AttendanceChangeDto, SetAttendanceDto } from './dto/attendance.dto';
import { Attendance, AttendanceChangeRow } from './attendance.entity';

@Injectable()
export class AttendanceService {
  constructor(private readonly uow: UnitOfWork, private readonly live: LiveRecord, private readonly register: RegisterService) {}

  /**
   * Records who is there at the opening, replacing the record: it carries the session version read, so that of
   * two clerks saving at once the second is refused, not silently overwritten. Refused once an item is voted.
   */
  async setOpening(collectivityId: string, sessionId: string, dto: SetAttendanceDto) {
    const entry = await this.uow.run(collectivityId, async (em) => {
      const ctx = (await this.live.lock(em, collectivityId, sessionId)).entry.ctx;
      assertVersion('Session', sessionId, dto.version, ctx.session.version);
      assertEditable(ctx);
      assertNoVoteFrom(ctx, 1);
      const seen = new Set<string>();
      for (const e of dto.entries) {
        if (seen.has(e.memberId)) throw new DomainError('VALIDATION_FAILED', `entries: member ${e.memberId} is listed twice`, { field: 'entries', memberId: e.memberId });
        seen.add(e.memberId);
        if (!ctx.membersById.has(e.memberId)) {
          throw new DomainError('ATTENDANCE_NOT_MEMBER', `entries: member ${e.memberId} is not in office in this body on ${ctx.localDate}`, { memberId: e.memberId });
        }
      }
      const rows = dto.entries.map((e) => ({ memberId: e.memberId, status: e.status, replacesMemberId: e.replacesMemberId ?? null }));
      // The rules check suppléants and consistency on the whole new record before anything is written.
      presenceAt({ ...itemContext(ctx, 1), attendance: rows });
      const presentIds = new Set(rows.filter((r) => r.status === 'present').map((r) => r.memberId));
      for (const r of rows) assertTitulaireAway(ctx, r.memberId, r.status === 'present' && presentIds.has(ctx.membersById.get(r.memberId)?.titulaireId ?? ''));
      await this.writeOpening(em, ctx, rows);
      // Saved even when nothing changed: the version moves, so that the clerk's next save needs the version read now.
      await em.getRepository(Session).update({ id: sessionId, collectivityId }, { version: ctx.session.version + 1 });
      return this.register.entry(collectivityId, sessionId, em);
    }, { useCase: 'attendance.setOpening' });
    this.live.remember(entry);
    return summaryOf(entry);
  }

  /** Writes only what changed: a roll call saved again touches the members whose line differs, and no one else. */
  private async writeOpening(em: EntityManager, ctx: SessionContext, rows: { memberId: string; status: OpeningStatus; replacesMemberId: string | null }[]): Promise<void> {
    const repo = em.getRepository(Attendance);
    const before = new Map(ctx.attendance.map((a) => [a.memberId, a]));
    const wanted = new Set(rows.map((r) => r.memberId));
    const gone = ctx.attendance.filter((a) => !wanted.has(a.memberId) || before.get(a.memberId)!.replacesMemberId !== rows.find((r) => r.memberId === a.memberId)!.replacesMemberId);
    // Removed first: a suppléant's seat (unique per session) may pass from one line to another.
    if (gone.length) await repo.delete(gone.map((a) => a.id));
    const goneIds = new Set(gone.map((a) => a.memberId));
    const added = rows.filter((r) => !before.has(r.memberId) || goneIds.has(r.memberId));
    if (added.length) await repo.insert(added.map((r) => ({ ...r, collectivityId: ctx.collectivity.id, sessionId: ctx.session.id })));
    for (const r of rows) {
      const old = before.get(r.memberId);
      if (old && !goneIds.has(r.memberId) && old.status !== r.status) await repo.update({ id: old.id }, { status: r.status });
    }
  }

  /**
   * An arrival or a departure from an item on ("arrivée à partir du point 5", "parti après le point 2"). With the
   * session version it was made on, refused (409) only if a change since then touches the same member. Answers the
   * change recorded and the session's new version; the state it leads to is read (item state, GET .../attendance),
   * computed then once for every screen.
   */
  async addChange(collectivityId: string, sessionId: string, dto: AttendanceChangeDto) {
    const made = { version: dto.version, scope: { members: [dto.memberId] }, state: summaryOf };
    const { answer, next } = await this.live.gesture(collectivityId, sessionId, made, 'attendance.addChange', async (em, locked) => {
      const ctx = locked.entry.ctx;
      assertEditable(ctx);
      if (!ctx.membersById.has(dto.memberId)) throw new DomainError('ATTENDANCE_NOT_MEMBER', `memberId: member ${dto.memberId} is not in office in this body`, { field: 'memberId' });
      const position = ctx.positionOf.get(dto.fromItemId);
      if (position === undefined) throw new DomainError('NOT_FOUND', `fromItemId: item ${dto.fromItemId} is not in this session`, { field: 'fromItemId' });
      assertNoVoteFrom(ctx, position);
      const presence = presenceAt(itemContext(ctx, position));
      const before = presence.get(dto.memberId)!;
      if (dto.kind === 'arrival' && before.present) throw new DomainError('ATTENDANCE_CHANGE_INVALID', `Member ${dto.memberId} is already present at item ${position}`, { field: 'kind' });
      if (dto.kind === 'departure' && !before.present) throw new DomainError('ATTENDANCE_CHANGE_INVALID', `Member ${dto.memberId} is not present at item ${position}`, { field: 'kind' });
      if (dto.kind === 'arrival') {
        const titulaireId = ctx.membersById.get(dto.memberId)!.titulaireId;
        assertTitulaireAway(ctx, dto.memberId, !!titulaireId && presence.get(titulaireId)?.present === true);
      }
      const row = { collectivityId, sessionId, memberId: dto.memberId, kind: dto.kind, fromItemId: dto.fromItemId, atTime: dto.atTime ?? null };
      presenceAt({ ...itemContext(ctx, position), changes: [...ctx.changes, { memberId: dto.memberId, kind: dto.kind, fromPosition: position }] });
      const { generatedMaps } = await em.getRepository(AttendanceChangeRow).insert(row);
      // Written: one row. The next version's record is this one plus that row, as the database holds it (its id and
      // time returned by the insert; an hour HH:MM is stored HH:MM:00).
      const written = Object.assign(new AttendanceChangeRow(), row, { atTime: row.atTime ? `${row.atTime}:00` : null }, generatedMaps[0]);
      const { next } = await this.live.advance(em, locked, (c) => {
        const changeRows = [...c.changeRows, written].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        return { ...c, changeRows, changes: changesOf(changeRows, c.positionOf) };
      });
      keepCountsBefore(locked.entry, next!, position);
      return { answer: { ...written, version: next!.ctx.session.version }, next };
    });
    this.live.remember(next);
    return answer;
  }

  async summary(collectivityId: string, sessionId: string) {
    return summaryOf((await this.register.sessionEntry(collectivityId, sessionId)));
  }

}

/** An item's attendance in figures: who is in the room, who is represented, who may vote, and the quorum. */
export interface ItemCounts {
  itemId: string;
  position: number;
  number: string | null;
  present: number;
  represented: number;
  voters: number;
  quorum: ItemAttendanceState['quorum'];
}

export interface AttendanceSummary {
  /** The session's version: PUT .../attendance and the live gestures send it back. */
  version: number;
  opening: SessionContext['attendance'];
  changes: SessionContext['changeRows'];
  openingState: ItemAttendanceState;
  perItem: ItemCounts[];
}

/** The attendance of a session at one version, computed once per version. */
export function summaryOf(entry: CachedSession): AttendanceSummary {
  return RecordCache.memo(entry, 'attendance', () => ({
    version: entry.ctx.session.version,
    opening: entry.ctx.attendance,
    changes: entry.ctx.changeRows,
    openingState: computeAttendance(itemContext(entry.ctx, 1)),
    perItem: perItemOf(entry),
  }));
}

/** Each item's counts at one version, computed once per version (those an arrival or departure left as they were, kept). */
export function perItemOf(entry: CachedSession): ItemCounts[] {
  return RecordCache.memo(entry, 'perItem', () => {
    const kept = entry.memo.get(KEPT_COUNTS) as { counts: ItemCounts[]; before: number } | undefined;
    const same = new Map((kept?.counts ?? []).filter((i) => i.position < kept!.before).map((i) => [i.itemId, i]));
    return entry.ctx.items.map((i) => {
      const found = same.get(i.id);
      if (found) return found;
      const s = computeAttendance(itemContext(entry.ctx, i.position, i.id));
      return { itemId: i.id, position: i.position, number: i.number, present: s.present.length, represented: s.represented.length, voters: s.voters, quorum: s.quorum };
    });
  });
}

const KEPT_COUNTS = 'perItem.kept';
/**
 * An arrival or a departure from the item at `position` on leaves the items before it as they were: their counts,
 * if computed at the previous version, are handed to the next one (the counts only, not the previous record).
 */
function keepCountsBefore(previous: CachedSession, next: CachedSession, position: number): void {
  const counts = previous.memo.get('perItem') as ItemCounts[] | undefined;
  if (counts) next.memo.set(KEPT_COUNTS, { counts, before: position });
}

/** L5211-6: a suppléant sits only while his titulaire is away; recording both in the room is refused, not silently dropped. */
function assertTitulaireAway(ctx: SessionContext, memberId: string, titulairePresent: boolean): void {
  const m = ctx.membersById.get(memberId);
  if (m?.seat !== 'suppleant' || !titulairePresent) return;
  throw new DomainError('SUPPLEANT_MISMATCH', `Suppléant ${memberId} cannot sit while his titulaire ${m.titulaireId} is present (L5211-6)`, {
    memberId, titulaireId: m.titulaireId,
  });
}

/** Attendance and proxies of an item already voted are part of its act: they no longer change. */
export function assertNoVoteFrom(ctx: SessionContext, position: number): void {
  const voted = ctx.items.filter((i) => i.status === 'voted' && i.position >= position);
  if (voted.length > 0) {
    throw new DomainError('ITEM_ALREADY_VOTED', `Item ${voted[0].number} (position ${voted[0].position}) is already voted: its attendance is sealed`, {
      itemId: voted[0].id,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { assertEditable } from '../deliberations/items.service';
import { computeAttendance, presenceAt } from '../domain/attendance';
import { assertVersion, DomainError } from '../domain/errors';
import { Session } from '../sessions/session.entity';
import { itemContext, loadSessionContext, SessionContext } from '../register/session-context';
import { AttendanceChangeDto, SetAttendanceDto } from './dto/attendance.dto';
import { Attendance, AttendanceChangeRow } from './attendance.entity';

@Injectable()
export class AttendanceService {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * Records who is there at the opening, replacing the record: it carries the session version read, so that of
   * two clerks saving at once the second is refused, not silently overwritten. Refused once an item is voted.
   */
  setOpening(collectivityId: string, sessionId: string, dto: SetAttendanceDto) {
    return this.uow.run(collectivityId, async (em) => {
      const ctx = await loadSessionContext(em, collectivityId, sessionId, true);
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
      await em.getRepository(Attendance).delete({ sessionId, collectivityId });
      if (rows.length) await em.getRepository(Attendance).insert(rows.map((r) => ({ ...r, collectivityId, sessionId })));
      await em.getRepository(Session).update({ id: sessionId, collectivityId }, { version: ctx.session.version + 1 });
      return this.summaryIn(em, collectivityId, sessionId);
    }, { useCase: 'attendance.setOpening' });
  }

  /** An arrival or a departure from an item on ("arrivée à partir du point 5", "parti après le point 2"). */
  addChange(collectivityId: string, sessionId: string, dto: AttendanceChangeDto) {
    return this.uow.run(collectivityId, async (em) => {
      const ctx = await loadSessionContext(em, collectivityId, sessionId, true);
      assertEditable(ctx);
      if (!ctx.membersById.has(dto.memberId)) throw new DomainError('ATTENDANCE_NOT_MEMBER', `memberId: member ${dto.memberId} is not in office in this body`, { field: 'memberId' });
      const position = ctx.positionOf.get(dto.fromItemId);
      if (position === undefined) throw new DomainError('NOT_FOUND', `fromItemId: item ${dto.fromItemId} is not in this session`, { field: 'fromItemId' });
      assertNoVoteFrom(ctx, position);
      const before = presenceAt(itemContext(ctx, position)).get(dto.memberId)!;
      if (dto.kind === 'arrival' && before.present) throw new DomainError('ATTENDANCE_CHANGE_INVALID', `Member ${dto.memberId} is already present at item ${position}`, { field: 'kind' });
      if (dto.kind === 'departure' && !before.present) throw new DomainError('ATTENDANCE_CHANGE_INVALID', `Member ${dto.memberId} is not present at item ${position}`, { field: 'kind' });
      if (dto.kind === 'arrival') {
        const titulaireId = ctx.membersById.get(dto.memberId)!.titulaireId;
        assertTitulaireAway(ctx, dto.memberId, !!titulaireId && presenceAt(itemContext(ctx, position)).get(titulaireId)?.present === true);
      }
      const row = { collectivityId, sessionId, memberId: dto.memberId, kind: dto.kind, fromItemId: dto.fromItemId, atTime: dto.atTime ?? null };
      presenceAt({ ...itemContext(ctx, position), changes: [...ctx.changes, { memberId: dto.memberId, kind: dto.kind, fromPosition: position }] });
      await em.getRepository(AttendanceChangeRow).insert(row);
      return this.summaryIn(em, collectivityId, sessionId);
    }, { useCase: 'attendance.addChange' });
  }

  summary(collectivityId: string, sessionId: string) {
    return this.uow.run(collectivityId, (em) => this.summaryIn(em, collectivityId, sessionId), { isolation: 'REPEATABLE READ' });
  }

  private async summaryIn(em: EntityManager, collectivityId: string, sessionId: string) {
    const ctx = await loadSessionContext(em, collectivityId, sessionId);
    return {
      /** The session's version: PUT .../attendance sends it back. */
      version: ctx.session.version,
      opening: ctx.attendance,
      changes: ctx.changeRows,
      openingState: computeAttendance(itemContext(ctx, 1)),
      perItem: ctx.items.map((i) => {
        const s = computeAttendance(itemContext(ctx, i.position, i.id));
        return { itemId: i.id, position: i.position, number: i.number, present: s.present.length, represented: s.represented.length, voters: s.voters, quorum: s.quorum };
      }),
    };
  }
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

import { Injectable } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { firstConflict, GestureScope, RecordedChange } from '../domain/gesture-conflicts';
import { Session } from '../sessions/session.entity';
import { CachedSession, clockKey, newEntry, RecordCache, uuid, versionsOf } from './record-cache';
import { RegisterService } from './register.service';
import { SessionChange } from './session-change.entity';
import { SessionContext } from './session-context';

/** The version a gesture was made on, what it touches, and the state a refused client is shown. */
export interface Made {
  version?: number;
  scope: GestureScope;
  state: (e: CachedSession) => unknown;
}

interface LockRow {
  version: number;
  record_version: string;
}
/** Locks a session (use cases that change a record serialize on it) and reads its versions. */
const lockStatement = (sid: string, cid: string) => `${versionsOf('FROM session s', `s.id = ${sid} AND s.collectivity_id = ${cid}`)} FOR UPDATE OF s`;

/** A gesture in progress: the session locked, its record at the version it was locked at. */
export interface Locked {
  entry: CachedSession;
  version: number;
  recordVersion: string;
}

/**
 * The write side of the live path. A gesture locks its session (use cases that change a record serialize on it),
 * starts from the record cached at the locked version when this instance has it, checks the version the client
 * made it on, writes its rows, and leaves the next version's record ready for the reads that follow.
 */
@Injectable()
export class LiveRecord {
  constructor(private readonly uow: UnitOfWork, private readonly register: RegisterService, private readonly cache: RecordCache) {}

  /**
   * A live gesture's use case: its transaction opens with the session's lock in the same message (one round trip
   * fewer on the hottest path), then `work` runs on the record locked.
   */
  gesture<T>(cid: string, sid: string, made: Made, useCase: string, work: (em: EntityManager, locked: Locked) => Promise<T>): Promise<T> {
    return this.uow.run(cid, async (em, lead) => work(em, await this.lock(em, cid, sid, made, lead as LockRow[])), {
      useCase, lead: lockStatement(`'${uuid(sid)}'`, `'${uuid(cid)}'`),
    });
  }

  /**
   * Locks the session and returns its record now. With the client's `version`, refuses the gesture (409, with the
   * current state) if a change since that version touches its `scope`; `state` says what the client is shown.
   */
  async lock(em: EntityManager, cid: string, sid: string, made?: Made, locked?: LockRow[]): Promise<Locked> {
    const rows: LockRow[] = locked ?? (await em.query(lockStatement('$1', '$2'), [sid, cid]));
    if (!rows[0]) throw new DomainError('NOT_FOUND', `Session ${sid} not found`, { entity: 'Session', id: sid });
    const { version, record_version: recordVersion } = rows[0];
    const entry = this.cache.get(sid, clockKey(version, recordVersion)) ?? (await this.register.entry(cid, sid, em));
    if (made?.version !== undefined && made.version !== version) {
      if (made.version > version) {
        throw new DomainError('VALIDATION_FAILED', `version: the session is at version ${version}, not ${made.version}`, { field: 'version', current: version });
      }
      const since = await em.getRepository(SessionChange).find({ where: { sessionId: sid, version: MoreThan(made.version) }, order: { version: 'ASC' } });
      const conflict = firstConflict(since.map((c): RecordedChange => ({ version: c.version, members: c.members, itemId: c.itemId, whole: c.whole })), made.scope);
      if (conflict) {
        throw new DomainError(
          'GESTURE_CONFLICT',
          `Made on version ${made.version}, but version ${conflict.version} changed ${conflict.whole ? 'the session' : 'the same member, proxy or vote'} since: the current state is attached`,
          { version, made: made.version, conflict, state: made.state(entry) },
        );
      }
    }
    return { entry, version, recordVersion };
  }

  /**
   * After the gesture's writes: the new version (moved by the database), and the record at it when `derive` can
   * tell it from the one locked (what changed, nothing reloaded); else it is loaded at the next read.
   */
  async advance(em: EntityManager, locked: Locked, derive?: (ctx: SessionContext) => SessionContext): Promise<{ version: number; next: CachedSession | null }> {
    const sid = locked.entry.ctx.session.id;
    // A use case moves its session's version exactly once (RecordClock1764008000000): one more than the one locked.
    if (derive) return this.derived(locked, derive);
    const [{ version }]: { version: number }[] = await em.query(`SELECT version FROM session WHERE id = $1`, [sid]);
    return { version, next: null };
  }

  private derived(locked: Locked, derive: (ctx: SessionContext) => SessionContext): { version: number; next: CachedSession } {
    const version = locked.version + 1;
    const base = derive(locked.entry.ctx);
    const ctx: SessionContext = { ...base, session: Object.assign(new Session(), base.session, { version }) };
    return { version, next: newEntry(clockKey(version, locked.recordVersion), ctx, locked.entry.votes) };
  }

  /** Once committed: the next version's record serves the reads. */
  remember(next: CachedSession | null): void {
    if (next) this.cache.put(next.ctx.session.id, next);
  }
}

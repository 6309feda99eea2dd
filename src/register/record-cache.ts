import { Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { DomainError } from '../domain/errors';
import type { DeliberationRecord } from '../domain/types';
import type { SessionContext } from './session-context';
import type { VoteBundle } from './vote-bundles';

/** Sessions whose computed record an instance keeps (a 100-item session with its JSON: a few megabytes; live use needs a handful). */
const MAX_SESSIONS = 64;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A session's record at one version: the rules' context, each item's vote, and what was computed from them. */
export interface CachedSession {
  key: string;
  ctx: SessionContext;
  votes: Map<string, VoteBundle>;
  records: Map<string, DeliberationRecord>;
  memo: Map<string, unknown>;
}

/** Where a session's record stands: its version and its collectivity's, which together key a cached record. */
export interface Clock {
  sessionId: string;
  key: string;
}

export const clockKey = (version: number, recordVersion: string | number): string => `${version}:${recordVersion}`;

/** A record at one version, nothing computed from it yet. */
export const newEntry = (key: string, ctx: SessionContext, votes: Map<string, VoteBundle>): CachedSession => ({ key, ctx, votes, records: new Map(), memo: new Map() });

/**
 * The session records computed by this instance, each kept under the versions it was computed at (the database
 * moves them at every change, whichever instance made it: RecordClock1764008000000). A read asks PostgreSQL
 * for the versions only, in one round trip under row-level security, and reuses the record while they hold.
 */
@Injectable()
export class RecordCache {
  private readonly sessions = new Map<string, CachedSession>();

  constructor(private readonly db: DataSource) {}

  get(sessionId: string, key: string): CachedSession | null {
    const hit = this.sessions.get(sessionId);
    if (!hit || hit.key !== key) return null;
    // Most recently used last: the first key is the one to evict.
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, hit);
    return hit;
  }

  put(sessionId: string, entry: CachedSession): CachedSession {
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, entry);
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return entry;
  }

  clear(): void {
    this.sessions.clear();
  }

  /** A value computed once per version of the session (a summary, the state of every item). */
  static memo<T>(entry: CachedSession, name: string, compute: () => T): T {
    if (!entry.memo.has(name)) entry.memo.set(name, compute());
    return entry.memo.get(name) as T;
  }

  /**
   * The versions of an item's session, read in one round trip: a multi-statement query runs as one implicit
   * transaction, so the collectivity set for row-level security (SET LOCAL) holds for it alone. The ids are
   * checked UUIDs (the routes validate them; checked again here since they are written into the text).
   */
  async clockOfItem(collectivityId: string, itemId: string): Promise<Clock | null> {
    return this.clock(collectivityId, `i.id = '${uuid(itemId)}'`, 'FROM item i JOIN session s ON s.id = i.session_id');
  }

  async clockOfSession(collectivityId: string, sessionId: string): Promise<Clock | null> {
    return this.clock(collectivityId, `s.id = '${uuid(sessionId)}'`, 'FROM session s');
  }

  private async clock(collectivityId: string, where: string, from: string): Promise<Clock | null> {
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const results = (await pool.query(
      `SELECT set_config('app.collectivity_id', '${uuid(collectivityId)}', true);
       ${versionsOf(from, `${where} AND s.collectivity_id = '${uuid(collectivityId)}'`)}`,
    )) as unknown as { rows: { id: string; version: number; record_version: string }[] }[];
    const row = results[1].rows[0];
    return row ? { sessionId: row.id, key: clockKey(row.version, row.record_version) } : null;
  }
}

/** A session's two versions (its own and its collectivity's), `from` naming the session `s`; the reads' and the locks' one query. */
export const versionsOf = (from: string, where: string) =>
  `SELECT s.id, s.version, c.record_version ${from} JOIN collectivity c ON c.id = s.collectivity_id WHERE ${where}`;

/** An id written into a statement's text: a UUID, or not found. */
export function uuid(id: string): string {
  if (!UUID.test(id)) throw new DomainError('NOT_FOUND', `Not found: ${JSON.stringify(id).slice(0, 60)} is not an id`);
  return id;
}

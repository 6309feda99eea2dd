import { Global, Injectable, Logger, Module } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { currentActor, requestContext } from '../auth/actor';

export interface UnitOfWorkOptions {
  isolation?: IsolationLevel;
  /** Recorded with each audited write ("attendance.addChange"); defaults to the request context's. */
  useCase?: string;
}

/**
 * The one place that opens a use case's transaction. It sets, for that transaction only (set_config(..., true)
 * is SET LOCAL), the collectivity that row-level security confines every query to, and the actor, use case and
 * request id that the audit trigger records. Services never call DataSource.transaction() nor read through bare
 * repositories: with row-level security a query outside such a transaction sees no tenant row.
 * `collectivityId` null is the collectivity-less mode: only the narrow cross-collectivity paths the policies allow.
 */
@Injectable()
export class UnitOfWork {
  private readonly log = new Logger('Live');

  constructor(private readonly db: DataSource) {}

  async run<T>(collectivityId: string | null, work: (em: EntityManager) => Promise<T>, opts: UnitOfWorkOptions = {}): Promise<T> {
    const ctx = requestContext();
    const actor = currentActor();
    const settings = [
      collectivityId ?? '',
      actor.accountId ?? '',
      actor.tokenId ?? '',
      actor.kind,
      actor.label,
      opts.useCase ?? ctx?.useCase ?? '',
      ctx?.requestId ?? '',
    ];
    let changed = '';
    const open = async (em: EntityManager) => {
      await em.query(
        `SELECT set_config('app.collectivity_id', $1, true), set_config('app.actor_id', $2, true), set_config('app.token_id', $3, true),
                set_config('app.actor_kind', $4, true), set_config('app.actor_label', $5, true), set_config('app.use_case', $6, true),
                set_config('app.request_id', $7, true), set_config('registre.changed', '', true)`,
        settings,
      );
      const result = await work(em);
      // The sessions whose version the transaction moved (RecordClock1764008000000 marks them), to announce after commit.
      [{ changed }] = await em.query(`SELECT current_setting('registre.changed', true) AS changed`);
      return result;
    };
    const result = await (opts.isolation ? this.db.transaction(opts.isolation, open) : this.db.transaction(open));
    // Not awaited: the client's answer does not wait for the screens to be told.
    if (changed) void this.announce(changed);
    return result;
  }

  /**
   * NOTIFY session_<id> with its new version, once committed, for every app instance's live screens. Sent after the
   * commit, not inside the transaction: PostgreSQL serializes the commits of notifying transactions through their
   * disk flush. A notification lost to a crash right after the commit costs a screen one refresh, never a write.
   */
  private async announce(changed: string): Promise<void> {
    const pairs = changed.split(',').map((p) => p.split('='));
    await this.db
      .query(`SELECT pg_notify('session_' || s, v) FROM unnest($1::text[], $2::text[]) AS x(s, v)`, [pairs.map((p) => p[0]), pairs.map((p) => p[1])])
      .catch((e: Error) => this.log.warn(`Live screens not told of a change (they catch up at the next one): ${e.message}`));
  }
}

/** Makes the unit of work injectable everywhere. */
@Global()
@Module({ providers: [UnitOfWork], exports: [UnitOfWork] })
export class UnitOfWorkModule {}

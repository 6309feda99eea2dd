import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { currentActor, requestContext } from '../auth/actor';

export interface UnitOfWorkOptions {
  isolation?: IsolationLevel;
  /** Recorded with each audited write ("attendance.addChange"); defaults to the request context's. */
  useCase?: string;
  /**
   * A first statement sent with the opening, in the same message (one round trip fewer): its rows are handed to the
   * work. Written with literals, not parameters (a multi-statement message takes none): ids checked by the caller.
   */
  lead?: string;
}

/**
 * The one place that opens a use case's transaction. It sets, for that transaction only (set_config(..., true)
 * is SET LOCAL), the collectivity that row-level security confines every query to, and the actor, use case and
 * request id that the audit trigger records. Services never call DataSource.transaction() nor read through bare
 * repositories: with row-level security a query outside such a transaction sees no tenant row.
 * `collectivityId` null is the collectivity-less mode: only the narrow cross-collectivity paths the policies allow.
 *
 * Each round trip to PostgreSQL costs a system call on both sides, which dominated the live path under load: the
 * transaction opens with its settings in one message, and closes with the live screens' announcement in another.
 */
@Injectable()
export class UnitOfWork {
  private readonly authChanged: (() => void)[] = [];

  constructor(private readonly db: DataSource) {}

  /** Called after the commit of any use case that changed who a session or token is (migration AuthChanges). */
  onAuthChange(listener: () => void): void {
    this.authChanged.push(listener);
  }

  async run<T>(collectivityId: string | null, work: (em: EntityManager, lead: unknown[]) => Promise<T>, opts: UnitOfWorkOptions = {}): Promise<T> {
    const ctx = requestContext();
    const actor = currentActor();
    const settings: [string, string][] = [
      ['app.collectivity_id', collectivityId ?? ''],
      ['app.actor_id', actor.accountId ?? ''],
      ['app.token_id', actor.tokenId ?? ''],
      ['app.actor_kind', actor.kind],
      ['app.actor_label', actor.label],
      ['app.use_case', opts.useCase ?? ctx?.useCase ?? ''],
      ['app.request_id', ctx?.requestId ?? ''],
    ];
    const qr = this.db.createQueryRunner();
    try {
      const client = (await qr.connect()) as { escapeLiteral(v: string): string; query(text: string): Promise<unknown> };
      const isolation = ISOLATION_LEVELS.includes(opts.isolation ?? 'READ COMMITTED') ? (opts.isolation ?? 'READ COMMITTED') : 'READ COMMITTED';
      // Literals escaped by the driver: a multi-statement message takes no parameters. registre.changed is the
      // session-level list of sessions whose version the transaction moves (RecordClock's triggers), and
      // registre.auth_changed says it changed an account, a session or a token (AuthChanges): reset here, rolled back
      // with the transaction if it fails, read after the commit.
      const opening = `START TRANSACTION ISOLATION LEVEL ${isolation}; SELECT ${settings.map(([k, v]) => `set_config('${k}', ${client.escapeLiteral(v)}, true)`).join(', ')}, set_config('registre.changed', '', false), set_config('registre.auth_changed', '', false)${opts.lead ? `; ${opts.lead}` : ''}`;
      open(qr); // from here a failure rolls back, the opening's own included (a lead may wait for a lock and time out)
      const opened = (await driverQuery(client, opening)) as { rows: unknown[] }[];
      const result = await work(qr.manager, opts.lead ? opened[2].rows : []);
      // NOTIFY session_<id> with its new version, for every app instance's live screens: after the commit, not inside
      // the transaction, where PostgreSQL would serialize the commits of notifying transactions through their disk
      // flush. The announcement cannot fail the committed write (a lost one costs a screen one refresh).
      const results = (await driverQuery(client, `COMMIT; ${ANNOUNCE}; SELECT current_setting('registre.auth_changed', true) AS auth`)) as { rows: { auth?: string }[] }[];
      close(qr);
      if (results[2]?.rows[0]?.auth === '1') for (const listener of this.authChanged) listener();
      return result;
    } catch (e) {
      if (qr.isTransactionActive) {
        await qr.query('ROLLBACK').catch(() => undefined);
        close(qr);
      }
      throw e;
    } finally {
      await qr.release();
    }
  }
}

/** A multi-statement message through the driver (TypeORM hides all results but one), its failure worded as TypeORM's would be. */
function driverQuery(client: { query(text: string): Promise<unknown> }, text: string): Promise<unknown> {
  return client.query(text).catch((e: Error) => {
    throw new QueryFailedError(text, [], e);
  });
}

const ISOLATION_LEVELS: IsolationLevel[] = ['READ UNCOMMITTED', 'READ COMMITTED', 'REPEATABLE READ', 'SERIALIZABLE'];

const ANNOUNCE = `DO $$ BEGIN
  PERFORM pg_notify('session_' || split_part(c, '=', 1), split_part(c, '=', 2))
     FROM unnest(string_to_array(NULLIF(current_setting('registre.changed', true), ''), ',')) AS c;
EXCEPTION WHEN OTHERS THEN NULL;
END $$`;

/** The query runner's own state, as its startTransaction() and commitTransaction() would leave it. */
function open(qr: QueryRunner): void {
  Object.assign(qr, { isTransactionActive: true, transactionDepth: 1 });
}
function close(qr: QueryRunner): void {
  Object.assign(qr, { isTransactionActive: false, transactionDepth: 0 });
}

/** Makes the unit of work injectable everywhere. */
@Global()
@Module({ providers: [UnitOfWork], exports: [UnitOfWork] })
export class UnitOfWorkModule {}

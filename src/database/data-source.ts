import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { Timeouts } from '../config/app-config';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';

// SQL dates are calendar days, not instants: keep them as 'YYYY-MM-DD' strings (no time-zone shift).
types.setTypeParser(1082, (v: string) => v);

/** One definition shared by the app, the migration command and the tests; the schema comes only from migrations. */
export function dataSourceOptions(url: string, logging = false, timeouts?: Timeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging,
    extra: { max: 10, application_name: 'registre', ...(timeouts ? sessionTimeouts(timeouts) : {}) },
  };
}

export function createDataSource(url: string, logging = false): DataSource {
  return new DataSource(dataSourceOptions(url, logging));
}

/** Sent by node-postgres when each connection opens (so they hold whatever the pool's SQL does); 0 disables one. */
function sessionTimeouts(t: Timeouts) {
  return { statement_timeout: t.statementMs, lock_timeout: t.lockMs, idle_in_transaction_session_timeout: t.idleInTransactionMs };
}

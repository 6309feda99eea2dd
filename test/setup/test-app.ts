import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { createDataSource } from '../../src/database/data-source';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  /** The owner's connection, for tests that look at or tamper with rows directly (not subject to row-level security). */
  db: DataSource;
  close(): Promise<void>;
}

/** Boots the whole app over the e2e schema prepared by global-setup, connected as the run's application role. */
export async function bootTestApp(): Promise<TestApp> {
  const url = process.env.TEST_DATABASE_URL;
  const appUrl = process.env.TEST_DATABASE_APP_URL;
  if (!url || !appUrl) throw new Error('TEST_DATABASE_URL is not set: run through jest (global-setup)');
  const app = await createApp({ databaseUrl: appUrl }, false);
  const db = await createDataSource(url).initialize();
  const server = app.getHttpServer();
  return { app, http: request(server), db, close: async () => { await app.close(); await db.destroy(); } };
}

/** The demo collectivity (CCPL), seeded by global-setup. */
export async function demoCollectivityId(t: TestApp): Promise<string> {
  const res = await t.http.get('/api/collectivities').expect(200);
  const ccpl = res.body.items.find((c: { siren: string }) => c.siren === '246200364');
  if (!ccpl) throw new Error('demo collectivity missing');
  return ccpl.id;
}

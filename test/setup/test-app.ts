import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { createDataSource } from '../../src/database/data-source';
import type { Role } from '../../src/auth/actor';

export type Http = ReturnType<typeof request>;

export interface TestApp {
  app: INestApplication;
  /** Signed in as the harness account (operator; administrator, secretary and president of what it creates) by cookie + CSRF header. */
  http: Http;
  /** No credentials at all: the public. */
  anonymous: Http;
  /** The harness account behind `http`. */
  account: { id: string; email: string };
  /** The session cookie and CSRF header of `http`, for clients other than supertest (server-sent events, fetch). */
  authHeaders: Record<string, string>;
  /** The owner's connection, for tests that look at or tamper with rows directly (not subject to row-level security). */
  db: DataSource;
  close(): Promise<void>;
}

/** The account global-setup made for the tests (see there); its password is generated per run. */
export function harnessCredentials(): { email: string; password: string } {
  const email = process.env.TEST_ACCOUNT_EMAIL;
  const password = process.env.TEST_ACCOUNT_PASSWORD;
  if (!email || !password) throw new Error('TEST_ACCOUNT_EMAIL is not set: run through jest (global-setup)');
  return { email, password };
}

/**
 * Boots the whole app over the e2e schema prepared by global-setup, connected as the run's application role,
 * and signed in through the real sign-in route.
 */
export async function bootTestApp(options: { trustProxy?: string } = {}): Promise<TestApp> {
  const url = process.env.TEST_DATABASE_URL;
  const appUrl = process.env.TEST_DATABASE_APP_URL;
  if (!url || !appUrl) throw new Error('TEST_DATABASE_URL is not set: run through jest (global-setup)');
  const app = await createApp({ databaseUrl: appUrl, ...options }, false);
  const db = await createDataSource(url).initialize();
  const server = app.getHttpServer();
  const { email, password } = harnessCredentials();
  const signed = await signIn(server, email, password);
  return {
    app, http: signed.http, anonymous: request(server), account: { id: signed.accountId, email }, authHeaders: signed.headers, db,
    close: async () => { await app.close(); await db.destroy(); },
  };
}

/** Signs in with the JSON route; the agent keeps the cookie and sends the CSRF token on every request, as the console does. */
export async function signIn(server: unknown, email: string, password: string): Promise<{ http: Http; accountId: string; csrfToken: string; headers: Record<string, string> }> {
  const agent = request.agent(server as Parameters<typeof request.agent>[0]);
  const res = await agent.post('/api/auth/sign-in').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  agent.set('X-CSRF-Token', res.body.csrfToken);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  return { http: agent, accountId: res.body.account.id, csrfToken: res.body.csrfToken, headers: { cookie, 'x-csrf-token': res.body.csrfToken } };
}

/** A client authenticated by a bearer token (no cookie, no CSRF token). */
export function withBearer(t: TestApp, token: string): Http {
  return request.agent(t.app.getHttpServer()).set('Authorization', `Bearer ${token}`);
}

export interface RoleClient {
  http: Http;
  accountId: string;
  email: string;
  password: string;
}

/**
 * A new account holding exactly `roles` in the collectivity (made through the accounts API by the harness,
 * which must administer it), signed in: for 403 tests and for acting as a secretary, a president, a member...
 */
export async function asRole(t: TestApp, cid: string, roles: Role | Role[], o: { memberId?: string } = {}): Promise<RoleClient> {
  const email = `${[roles].flat().join('-') || 'none'}-${randomUUID().slice(0, 8)}@registre.test`;
  const res = await t.http.post(`/api/collectivities/${cid}/accounts`).send({ email, roles: [roles].flat(), ...(o.memberId ? { memberId: o.memberId } : {}) });
  if (res.status !== 201) throw new Error(`account ${email} not created: ${res.status} ${JSON.stringify(res.body)}`);
  const password = res.body.initialPassword as string;
  const signed = await signIn(t.app.getHttpServer(), email, password);
  return { http: signed.http, accountId: signed.accountId, email, password };
}

/** The demo collectivity (CCPL), seeded by global-setup. */
export async function demoCollectivityId(t: TestApp): Promise<string> {
  const res = await t.http.get('/api/collectivities').expect(200);
  const ccpl = res.body.items.find((c: { siren: string }) => c.siren === '246200364');
  if (!ccpl) throw new Error('demo collectivity missing');
  return ccpl.id;
}

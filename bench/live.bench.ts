// The live path across app instances: a gesture recorded through instance A (an HTTP POST) until the server-sent
// event reaches a screen connected to instance B, both on one database (PostgreSQL NOTIFY at commit, LISTEN on B).
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { AttendanceService } from '../src/attendance/attendance.service';
import { runInContext } from '../src/auth/actor';
import { AuthService } from '../src/auth/auth.service';
import { createApp } from '../src/app.factory';
import { projectRoot } from '../src/config/project-root';
import { CCPL_MEMBERS } from '../src/database/seed/ccpl-demo.data';
import { DEMO_ACCOUNTS } from '../src/database/seed/demo-accounts';
import { DemoIds, seedDemo } from '../src/database/seed/demo-seed';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { ItemsService } from '../src/deliberations/items.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { SseClient } from './sse-client';

const GESTURES = 100;

const url = (app: INestApplication) => `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

/** Signs in as the demo's secretary through instance A's JSON route: the cookie and CSRF header her console sends. */
async function signIn(base: string): Promise<{ accountId: string; headers: Record<string, string> }> {
  const { email, password } = DEMO_ACCOUNTS.secretary;
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { account: { id: string }; csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { accountId: body.account.id, headers: { cookie, 'x-csrf-token': body.csrfToken } };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export async function benchLive(): Promise<Record<string, number | string>> {
  let base = process.env.DATABASE_URL;
  let dir: string | null = null;
  let stop: (() => Promise<void>) | null = null;
  if (!base) {
    dir = join(projectRoot(), 'data', 'bench-live-postgres');
    const db = await startEmbeddedPostgres(dir, 54359, 'bench');
    base = db.url;
    stop = db.stop;
  }
  const schema = `bench_live_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dbUrl = new URL(base);
  dbUrl.searchParams.set('options', `-c search_path=${schema}`);
  const apps: INestApplication[] = [];
  try {
    await runMigrations(dbUrl.toString());
    for (let i = 0; i < 2; i++) {
      const app = await createApp({ databaseUrl: dbUrl.toString() }, false);
      await app.listen(0, '127.0.0.1');
      apps.push(app);
    }
    const [a, b] = apps;
    const ids = await seedDemo(a);
    const cid = ids.collectivityId;
    const secretary = await signIn(url(a));
    // The setting up goes through the services as the secretary (the audit trail needs an actor).
    const ctx = { actor: await a.get(AuthService).actorForAccount(secretary.accountId), requestId: randomBytes(8).toString('hex'), useCase: 'bench.live' };
    const s = await runInContext(ctx, () => openSession(a, ids));
    // The screen on B follows with the same cookie (a session is in the database, so valid on every instance).
    const sse = await SseClient.open(`${url(b)}/api/collectivities/${cid}/sessions/${s.id}/events`, { cookie: secretary.headers.cookie });
    await sse.next((e) => e.type === 'version');
    const memberId = ids.member('GARENAUX M.');
    const delays: number[] = [];
    for (let i = 0; i < GESTURES; i++) {
      const seen = sse.events.length;
      const start = performance.now();
      const res = await fetch(`${url(a)}/api/collectivities/${cid}/sessions/${s.id}/attendance-changes`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', ...secretary.headers },
        body: JSON.stringify({ memberId, kind: i % 2 === 0 ? 'arrival' : 'departure', fromItemId: s.items[i] }),
      });
      if (res.status !== 201 && res.status !== 200) throw new Error(`gesture ${i}: ${res.status} ${await res.text()}`);
      const e = await sse.next((x) => x.type === 'version' && sse.events.indexOf(x) >= seen, 5000);
      delays.push(e.at - start);
    }
    sse.end();
    const sorted = [...delays].sort((x, y) => x - y);
    return {
      'gestures (POST on A → event on B)': GESTURES,
      'p50 ms': pct(sorted, 50),
      'p95 ms (target < 200)': pct(sorted, 95),
      'max ms': sorted[sorted.length - 1],
    };
  } finally {
    for (const app of apps) await app.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await admin.end();
    if (stop) await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** An open session of the demo's body with one item per gesture, every member present but one. */
async function openSession(a: INestApplication, ids: DemoIds): Promise<{ id: string; items: string[] }> {
  const cid = ids.collectivityId;
  // One member arrives at item 1, leaves at item 2, comes back at item 3...: one gesture per item.
  const sessions = a.get(SessionsService);
  let s = await sessions.create(cid, { bodyId: ids.bodyId, startsAt: '2019-12-02T18:30:00+01:00', presidentId: ids.member('LEROY C.') });
  const items: string[] = [];
  for (let i = 0; i < GESTURES; i++) items.push((await a.get(ItemsService).create(cid, s.id, { object: `POINT ${i + 1}` })).id);
  s = await sessions.get(cid, s.id);
  await a.get(AttendanceService).setOpening(cid, s.id, { version: s.version, entries: CCPL_MEMBERS.map((d) => ({ memberId: ids.member(d.key), status: d.key === 'GARENAUX M.' ? 'absent' : 'present' })) });
  s = await sessions.get(cid, s.id);
  s = await sessions.transition(cid, s.id, { to: 'convened', version: s.version });
  await sessions.transition(cid, s.id, { to: 'open', version: s.version });
  return { id: s.id, items };
}

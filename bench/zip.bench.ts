// Time to stream the ZIP of a 100-item session's extracts over HTTP, database included: every extract
// rendered afresh by the render pool's worker threads (one per core), the client on the same machine.
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createApp } from '../src/app.factory';
import { projectRoot } from '../src/config/project-root';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { seedDemo } from '../src/database/seed/demo-seed';
import { ItemsService } from '../src/deliberations/items.service';
import { AttendanceService } from '../src/attendance/attendance.service';
import { RegisterService } from '../src/register/register.service';
import { RenderPool } from '../src/rendering/render-pool';
import { renderExtract } from '../src/documents/render';
import { SessionsService } from '../src/sessions/sessions.service';
import { VotesService } from '../src/votes/votes.service';
import { CCPL_MEMBERS } from '../src/database/seed/ccpl-demo.data';
import { DEMO_ACCOUNTS } from '../src/database/seed/demo-accounts';

const ITEMS = 100;

async function hundredItemSession(app: INestApplication, cid: string, bodyId: string, member: (k: string) => string): Promise<string> {
  const sessions = app.get(SessionsService);
  let s = await sessions.create(cid, { bodyId, startsAt: '2019-11-25T18:30:00+01:00', convocationDate: '2019-11-15', place: 'Lumbres', presidentId: member('LEROY C.'), secretaryIds: [member('MAILLOT D.')] });
  s = await sessions.transition(cid, s.id, { to: 'convened', version: s.version });
  s = await sessions.transition(cid, s.id, { to: 'open', version: s.version });
  await app.get(AttendanceService).setOpening(cid, s.id, { version: s.version, entries: CCPL_MEMBERS.map((d) => ({ memberId: member(d.key), status: d.status === 'absent' ? 'absent' : 'present' })) });
  const reasons = 'Vu le code général des collectivités territoriales,\n\nConsidérant '.concat('la nécessité de poursuivre les actions engagées, '.repeat(40), '\n\n');
  for (let i = 0; i < ITEMS; i++) {
    const item = await app.get(ItemsService).create(cid, s.id, { object: `DELIBERATION DE TEST N°${i + 1}`, rapporteurId: member('LEROY C.'), reasonsMd: reasons.repeat(3), decisionMd: '- **DÉCIDE** d’approuver le projet' });
    const voters = (await app.get(RegisterService).itemState(cid, item.id)).attendance.voters;
    await app.get(VotesService).record(cid, item.id, { mode: 'show_of_hands', counts: { pour: voters - 1, contre: 1, abstention: 0 } });
  }
  return s.id;
}

export async function benchZip(): Promise<Record<string, number | string>> {
  let base = process.env.DATABASE_URL;
  let dir: string | null = null;
  let stop: (() => Promise<void>) | null = null;
  if (!base) {
    // Under data/: when run as root, the postgres system user must be able to reach the folder.
    dir = join(projectRoot(), 'data', 'bench-postgres');
    const db = await startEmbeddedPostgres(dir, 54349, 'bench');
    base = db.url;
    stop = db.stop;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  try {
    await runMigrations(url.toString());
    const app = await createApp({ databaseUrl: url.toString() }, false);
    await app.listen(0);
    const ids = await seedDemo(app);
    const sid = await hundredItemSession(app, ids.collectivityId, ids.bodyId, ids.member);
    const address = app.getHttpServer().address() as { port: number };
    const zipUrl = `http://127.0.0.1:${address.port}/api/collectivities/${ids.collectivityId}/sessions/${sid}/extracts.zip`;
    // Downloaded as the demo's secretary, signed in as the console signs in.
    const { email, password } = DEMO_ACCOUNTS.secretary;
    const signIn = await fetch(`http://127.0.0.1:${address.port}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const runs: number[] = [];
    const threads = app.get(RenderPool).concurrency;
    const load = loadavg()[0];
    // The same machine's pace for one extract on one thread, measured in the same run: what two threads divide.
    const one = await app.get(RegisterService).itemState(ids.collectivityId, (await app.get(RegisterService).sessionRecords(ids.collectivityId, sid)).records[0].item.id);
    await renderExtract(one);
    const singles: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await renderExtract({ ...one, item: { ...one.item, number: `${one.item.number}-${i}` } });
      singles.push(performance.now() - t0);
    }
    singles.sort((a, b) => a - b);
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await fetch(zipUrl, { headers: { cookie } });
      const body = Buffer.from(await res.arrayBuffer());
      runs.push(performance.now() - t0);
      bytes = body.length;
      if (res.status !== 200) throw new Error(`ZIP answered ${res.status}`);
    }
    await app.close();
    runs.sort((a, b) => a - b);
    return {
      'render threads': threads,
      'cores / load average (1 min) before': `${availableParallelism()} / ${load.toFixed(1)}`,
      'items in the session': ITEMS,
      'ZIP bytes': bytes,
      'first ZIP (cold) s': runs.length ? +(Math.max(...runs) / 1000).toFixed(2) : 0,
      'median ZIP of 100 extracts s': +(runs[1] / 1000).toFixed(2),
      'one extract on one thread, median ms': +singles[10].toFixed(1),
      'ZIP time per extract ms': +(runs[1] / ITEMS).toFixed(1),
      'peak RSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    if (stop) await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

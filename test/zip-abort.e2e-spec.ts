// A client that goes away during a 100-item ZIP stops the rendering: a few extracts, not a hundred.
import { request as httpGet, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RenderPool } from '../src/rendering/render-pool';
import { api, buildWorld, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

const ITEMS = 100;
let t: TestApp;
let w: World;
let port: number;

beforeAll(async () => {
  t = await bootTestApp();
  w = await buildWorld(t, { items: ITEMS });
  for (const item of w.items) {
    const voters = ok(await t.http.get(api(w).state(item))).body.attendance.voters;
    ok(await t.http.post(api(w).vote(item)).send({ mode: 'show_of_hands', counts: { pour: voters, contre: 0, abstention: 0 } }));
  }
  const server = t.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}, 180_000);
afterAll(() => t.close(), 30_000);

const zipPath = () => `${w.base}/sessions/${w.sessionId}/extracts.zip`;
const logged = async (): Promise<number> =>
  (await t.db.query(`SELECT count(*)::int AS n FROM rendered_document WHERE session_id = $1 AND kind = 'extract'`, [w.sessionId]))[0].n;

/** Reads the ZIP until its first entry is whole (local header, then the stored PDF), then hangs up. */
function firstEntryThenAbort(): Promise<{ firstEntryBytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest;
    const timer = setTimeout(() => reject(new Error('no first entry within 30 s')), 30_000);
    // The test account's session cookie, once the harness signs in (accounts); nothing before.
    const headers = (t as { authHeaders?: Record<string, string> }).authHeaders ?? {};
    req = httpGet({ host: '127.0.0.1', port, path: zipPath(), headers }, (res) => {
      let buf = Buffer.alloc(0);
      res.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        if (buf.length < 30) return;
        // Local file header: sizes at 18 (compressed), name and extra lengths at 26 and 28.
        const whole = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28) + buf.readUInt32LE(18);
        if (buf.length >= whole) {
          clearTimeout(timer);
          req.destroy();
          resolve({ firstEntryBytes: whole, status: res.statusCode ?? 0 });
        }
      });
      res.on('error', () => undefined);
    });
    req.on('error', () => undefined);
    req.end();
  });
}

describe('ZIP of a 100-item session', () => {
  it('stops rendering when the client goes away after the first entry: fewer than 10 documents rendered', async () => {
    const pool = t.app.get(RenderPool);
    const [startedBefore, loggedBefore] = [pool.startedTasks, await logged()];
    const { status, firstEntryBytes } = await firstEntryThenAbort();
    expect(status).toBe(200);
    expect(firstEntryBytes).toBeGreaterThan(1000);
    // Whatever was in flight settles; nothing more starts.
    await new Promise((r) => setTimeout(r, 3000));
    const started = pool.startedTasks - startedBefore;
    expect(started).toBeGreaterThanOrEqual(1);
    expect(started).toBeLessThan(10);
    expect((await logged()) - loggedBefore).toBeLessThan(10);
    await new Promise((r) => setTimeout(r, 1000));
    expect(pool.startedTasks - startedBefore).toBe(started);
  }, 60_000);

  it('renders all 100 extracts for a client that reads to the end (the same session, so the abort above did matter)', async () => {
    const res = await t.http.get(zipPath()).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const names = (res.body as Buffer).toString('latin1').match(/extrait-[^/]*?\.pdf/g) ?? [];
    expect(new Set(names).size).toBe(ITEMS);
  }, 120_000);
});

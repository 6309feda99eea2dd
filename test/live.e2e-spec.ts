// Live screens: server-sent events fanned out by PostgreSQL LISTEN/NOTIFY, so that a change recorded through one
// app instance reaches the screens connected to another instance on the same database.
import { AddressInfo } from 'node:net';
import { api, buildWorld, ok, World } from './setup/factory';
import { SseClient, SseEvent } from '../bench/sse-client';
import { bootTestApp, TestApp } from './setup/test-app';

const versionEvent = (e: SseEvent) => e.type === 'version';

describe('live: server-sent events across two app instances', () => {
  let a: TestApp;
  let b: TestApp;
  let w: World;
  let urlB: string;

  beforeAll(async () => {
    a = await bootTestApp();
    b = await bootTestApp();
    await b.app.listen(0, '127.0.0.1');
    urlB = `http://127.0.0.1:${(b.app.getHttpServer().address() as AddressInfo).port}`;
    w = await buildWorld(a, { members: 9, attendance: ['present', 'present', 'present', 'present', 'present', 'present', 'absent', 'excused', 'excused'] });
  }, 60_000);
  afterAll(async () => { await a?.close(); await b?.close(); });

  it('sends the version at once, then each committed change recorded on the other instance within a second', async () => {
    const session = ok(await a.http.get(api(w).session)).body;
    const sse = await SseClient.open(`${urlB}${api(w).session}/events`, b.authHeaders);
    try {
      expect((await sse.next(versionEvent)).data).toEqual({ version: session.version });
      const before = sse.events.length;
      const start = performance.now();
      ok(await a.http.post(api(w).changes).send({ memberId: w.m[6], kind: 'arrival', fromItemId: w.items[1] }));
      const e = await sse.next((x) => versionEvent(x) && sse.events.indexOf(x) >= before, 1000);
      expect(e.at - start).toBeLessThan(1000);
    } finally {
      sse.end();
    }
  }, 30_000);

  it('says nothing of a refused change (nothing was committed)', async () => {
    const sse = await SseClient.open(`${urlB}${api(w).session}/events`, b.authHeaders);
    try {
      await sse.next(versionEvent);
      // m[8] is excused: a proxy to him is refused (PROXY_HOLDER_ABSENT, L2121-20).
      const refused = await a.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[8] });
      expect(refused.status).toBe(422);
      await expect(sse.next((x) => versionEvent(x) && sse.events.indexOf(x) > 0, 700)).rejects.toThrow(/no matching/);
    } finally {
      sse.end();
    }
  }, 30_000);

  it('answers 404 for a session of another collectivity, before any event', async () => {
    const other = await buildWorld(a, { members: 3, open: false, items: 1 });
    const res = await b.http.get(`${w.base}/sessions/${other.sessionId}/events`);
    expect(res.status).toBe(404);
  }, 60_000);
});

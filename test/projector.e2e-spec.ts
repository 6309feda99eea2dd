// The public screen of a session: an unguessable, revocable, read-only link; the current item, the quorum, the result
// once voted with names only for a public ballot.
import { AddressInfo } from 'node:net';
import { SseClient } from '../bench/sse-client';
import { api, buildWorld, fingerprint, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

describe('projector links', () => {
  let t: TestApp;
  let w: World;
  let base: string;

  beforeAll(async () => {
    t = await bootTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    w = await buildWorld(t, { members: 5, items: 3, attendance: ['present', 'present', 'present', 'present', 'excused'] });
  }, 60_000);
  afterAll(() => t?.close());

  it('opens the screen of the session by its link: current item and quorum; the list never shows the token', async () => {
    const link = ok(await t.http.post(`${api(w).session}/projector-links`)).body;
    expect(link.path).toMatch(/^\/ecran\/[A-Za-z0-9_-]{43}$/);
    const listed = ok(await t.http.get(`${api(w).session}/projector-links`)).body.items;
    expect(listed).toEqual([{ id: link.id, sessionId: w.sessionId, createdAt: expect.any(String), revokedAt: null }]);
    expect(JSON.stringify(listed)).not.toContain(link.token);
    const page = await t.http.get(link.path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('n°1 — POINT 1');
    expect(page.text).toContain('4 présents, 3 requis — quorum atteint');
    expect(page.headers['cache-control']).toBe('no-store');
  }, 30_000);

  it('shows the names of a public ballot, never those of a secret one, and follows each change', async () => {
    const link = ok(await t.http.post(`${api(w).session}/projector-links`)).body;
    const sse = await SseClient.open(`${base}${link.path}/evenements`);
    try {
      await sse.next((e) => e.type === 'version');
      const seen = sse.events.length;
      // L2121-21: a public vote asked for by a quarter of the 4 present.
      ok(await t.http.post(api(w).vote(w.items[0])).send({
        mode: 'roll_call', requestedBy: [w.m[0]], ballots: [0, 1, 2, 3].map((i) => ({ voterId: w.m[i], choice: i === 3 ? 'contre' : 'pour' })),
      }));
      await sse.next((e) => e.type === 'version' && sse.events.indexOf(e) >= seen, 2000);
    } finally {
      sse.end();
    }
    const page = (await t.http.get(link.path)).text;
    expect(page).toContain('Scrutin public');
    expect(page).toContain('M. Prénom0 NOM000');
    expect(page).toContain('n°2 — POINT 2');
    ok(await t.http.post(api(w).vote(w.items[1])).send({ mode: 'secret', requestedBy: [w.m[0], w.m[1]], counts: { pour: 3, contre: 1, abstention: 0 } }));
    const secret = (await t.http.get(link.path)).text;
    expect(secret).toContain('Scrutin secret');
    expect(secret).not.toContain('NOM000');
  }, 30_000);

  it('a revoked, unknown or malformed link opens nothing (French 404); a revocation is final', async () => {
    const link = ok(await t.http.post(`${api(w).session}/projector-links`)).body;
    ok(await t.http.post(`${w.base}/projector-links/${link.id}/revocation`));
    for (const path of [link.path, `${link.path}/evenements`, `/ecran/${'A'.repeat(43)}`, '/ecran/court']) {
      const res = await t.http.get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.text).toContain('Page introuvable');
    }
    const before = await fingerprint(t, w.cid);
    const again = await t.http.post(`${w.base}/projector-links/${link.id}/revocation`);
    expect([again.status, again.body.code]).toEqual([409, 'PROJECTOR_LINK_REVOKED']);
    expect(await fingerprint(t, w.cid)).toEqual(before);
    await expect(t.db.query(`UPDATE projector_link SET revoked_at = NULL WHERE id = $1`, [link.id])).rejects.toThrow(/only gets revoked, once/);
  }, 30_000);
});

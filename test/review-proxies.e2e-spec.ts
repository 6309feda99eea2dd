// Review: a proxy that covers the following sessions (L2121-20) obeys the rules in each of them,
// and neither its registration nor its revocation can shift an item already voted there.
import { api, buildWorld, createSession, ok, putAttendance, transition, World, refused } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

/** A later session of the same body with two items; m0..m6 present, m7 and m8 excused when `attendance`. */
async function nextSession(w: World, o: { attendance?: boolean; open?: boolean } = {}) {
  const s = await createSession(w, '2024-04-08T18:30:00+02:00', { presidentId: w.m[0] });
  const base = `${w.base}/sessions/${s.id}`;
  const items: string[] = [];
  for (let i = 0; i < 2; i++) items.push(ok(await t.http.post(`${base}/items`).send({ object: `SUITE ${i + 1}` })).body.id);
  if (o.attendance ?? true) {
    ok(await putAttendance(w, s.id, w.m.map((id, i) => ({ memberId: id, status: i < 7 ? 'present' : 'excused' }))));
  }
  if (o.open) { await transition(w, s.id, 'convened'); await transition(w, s.id, 'open'); }
  return { id: s.id as string, base, items };
}

describe('a proxy covering the following sessions', () => {
  it('PROXY_HOLDER_ALREADY_HOLDS: the holder already holds a proxy in a following session', async () => {
    const w = await buildWorld(t);
    const s2 = await nextSession(w);
    ok(await t.http.post(`${s2.base}/proxies`).send({ giverId: w.m[8], holderId: w.m[1] }));
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[1], followingSessionIds: [s2.id] }), 422, 'PROXY_HOLDER_ALREADY_HOLDS', /already holds a proxy/);
  });

  it('PROXY_GIVER_ALREADY_GAVE: the giver already gave a proxy in a following session', async () => {
    const w = await buildWorld(t);
    const s2 = await nextSession(w);
    ok(await t.http.post(`${s2.base}/proxies`).send({ giverId: w.m[8], holderId: w.m[1] }));
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[8], holderId: w.m[2], followingSessionIds: [s2.id] }), 422, 'PROXY_GIVER_ALREADY_GAVE', /already gave a proxy/);
  });

  it('ITEM_ALREADY_VOTED: a following session has already voted an item', async () => {
    const w = await buildWorld(t);
    const s2 = await nextSession(w, { open: true });
    ok(await t.http.post(`${w.base}/items/${s2.items[0]}/vote`).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[1], followingSessionIds: [s2.id] }), 409, 'ITEM_ALREADY_VOTED', /already voted/);
  });

  it('is accepted for following sessions whose attendance is not taken yet, and applies there', async () => {
    const w = await buildWorld(t);
    const s2 = await nextSession(w, { attendance: false });
    const p = ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[1], followingSessionIds: [s2.id] })).body;
    expect(p.sessionIds).toEqual([w.sessionId, s2.id]);
    ok(await putAttendance(w, s2.id, w.m.map((id, i) => ({ memberId: id, status: i < 7 ? 'present' : 'excused' }))));
    const state = ok(await t.http.get(`${w.base}/items/${s2.items[0]}/state`)).body;
    expect(state.attendance.represented.map((r: { giver: { id: string } }) => r.giver.id)).toEqual([w.m[7]]);
  });
});

describe('revoking a proxy that covers the following sessions', () => {
  it('ITEM_ALREADY_VOTED: the revocation would reach an item voted in a later session', async () => {
    const w = await buildWorld(t);
    const s2 = await nextSession(w);
    const p = ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[1], followingSessionIds: [s2.id] })).body;
    await transition(w, s2.id, 'convened');
    await transition(w, s2.id, 'open');
    const voted = ok(await t.http.post(`${w.base}/items/${s2.items[0]}/vote`).send({ mode: 'show_of_hands', counts: { pour: 8, contre: 0, abstention: 0 } })).body;
    expect(voted.attendance.voters).toBe(8);
    await refused(w, () => t.http.post(`${w.base}/proxies/${p.id}/revocation`).send({ sessionId: w.sessionId }), 409, 'ITEM_ALREADY_VOTED', /already voted/);
    const perItem = ok(await t.http.get(`${s2.base}/attendance`)).body.perItem;
    expect(perItem.map((i: { voters: number }) => i.voters)).toEqual([8, 8]);
  });

  it('reaches the later sessions that have voted nothing yet', async () => {
    const w = await buildWorld(t);
    const s2 = await nextSession(w);
    const p = ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[1], followingSessionIds: [s2.id] })).body;
    ok(await t.http.post(`${w.base}/proxies/${p.id}/revocation`).send({ sessionId: w.sessionId }));
    const listed = ok(await t.http.get(`${s2.base}/proxies`)).body.items;
    expect(listed.map((x: { revoked: boolean }) => x.revoked)).toEqual([true]);
    expect(ok(await t.http.get(`${s2.base}/attendance`)).body.perItem.map((i: { voters: number }) => i.voters)).toEqual([7, 7]);
  });
});

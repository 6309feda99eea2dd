// Undo of the last gesture (arrival, departure, proxy) while the items it touches are not voted.
import { api, buildWorld, fingerprint, ok } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

/**
 * The register's rows, without the audit trail, which keeps the undone gesture and its undoing, nor the session's
 * version and its journal: an undoing is a change of its own, which moves the version like any gesture.
 */
const record = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([table]) => !['audit_log', 'session', 'session_change'].includes(table)));

describe('undo of the last gesture', () => {
  let t: TestApp;
  beforeAll(async () => { t = await bootTestApp(); }, 60_000);
  afterAll(() => t?.close());

  it('undoes a proxy, then an arrival, each named as seen; never the gesture of an item voted', async () => {
    const w = await buildWorld(t, { members: 6, items: 2, attendance: ['present', 'present', 'present', 'present', 'absent', 'excused'] });
    const gestures = `${api(w).session}/gestures`;
    expect(ok(await t.http.get(`${gestures}/last`)).body).toEqual({});
    ok(await t.http.post(api(w).changes).send({ memberId: w.m[4], kind: 'arrival', fromItemId: w.items[0] }));
    const afterArrival = await fingerprint(t, w.cid);
    ok(await t.http.post(api(w).proxies).send({ giverId: w.m[5], holderId: w.m[4] }));
    const proxy = ok(await t.http.get(`${gestures}/last`)).body;
    expect(proxy).toMatchObject({ kind: 'proxy', memberId: w.m[5], holderId: w.m[4], position: 1 });
    // A stale name (another gesture since) is refused.
    const stale = await t.http.post(`${gestures}/undo`).send({ gestureId: w.items[0] });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT_STALE_VERSION']);
    ok(await t.http.post(`${gestures}/undo`).send({ gestureId: proxy.id }));
    expect(record(await fingerprint(t, w.cid))).toEqual(record(afterArrival));
    const arrival = ok(await t.http.get(`${gestures}/last`)).body;
    expect(arrival).toMatchObject({ kind: 'arrival', memberId: w.m[4] });
    // Once item 1 is voted, the arrival at item 1 is part of its act.
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 5, contre: 0, abstention: 0 } }));
    const before = await fingerprint(t, w.cid);
    const sealed = await t.http.post(`${gestures}/undo`).send({ gestureId: arrival.id });
    expect([sealed.status, sealed.body.code]).toEqual([409, 'ITEM_ALREADY_VOTED']);
    expect(await fingerprint(t, w.cid)).toEqual(before);
  }, 60_000);

  it('the live page offers to undo the last gesture and says what it undoes', async () => {
    const w = await buildWorld(t, { members: 5, items: 1, attendance: ['present', 'present', 'present', 'present', 'absent'] });
    const live = `/console/collectivites/${w.cid}/seances/${w.sessionId}/direct`;
    ok(await t.http.post(api(w).changes).send({ memberId: w.m[4], kind: 'arrival', fromItemId: w.items[0] }));
    const page = (await t.http.get(live)).text;
    expect(page).toContain('Dernier geste : arrivée de M. Prénom4 NOM004 au point n°1.');
    const gestureId = /name="gestureId" value="([^"]+)"/.exec(page)![1];
    const res = await t.http.post(`${live}/annulation`).type('form').send({ gestureId });
    expect([res.status, res.headers.location]).toEqual([303, `${live}#membres`]);
    expect(ok(await t.http.get(`${api(w).session}/gestures/last`)).body).toEqual({});
  }, 60_000);
});

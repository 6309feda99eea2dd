// Review: an item follows its transition table; its exécutoire dates cannot precede the session;
// a number shared by two bodies of one collectivity never picks one act at random.
import { api, buildWorld, createSession, expectError, ok, World, refused } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const item = async (w: World, id: string) => ok(await t.http.get(api(w).item(id))).body;

describe('item status (draft → voted | withdrawn | adjourned, and no way back)', () => {
  it.each([['withdrawn', 'draft'], ['adjourned', 'draft'], ['withdrawn', 'adjourned']])('%s → %s is refused', async (from, to) => {
    const w = await buildWorld(t);
    const it0 = await item(w, w.items[0]);
    const moved = ok(await t.http.patch(api(w).item(w.items[0])).send({ version: it0.version, status: from })).body;
    await refused(w, () => t.http.patch(api(w).item(w.items[0])).send({ version: moved.version, status: to }), 409, 'ITEM_TRANSITION_INVALID', new RegExp(`"${from}" to "${to}"`));
    expectError(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }), 409, 'ITEM_TRANSITION_INVALID');
  });

  it('draft → withdrawn, and sending the same status again, are accepted', async () => {
    const w = await buildWorld(t);
    const it0 = await item(w, w.items[0]);
    const moved = ok(await t.http.patch(api(w).item(w.items[0])).send({ version: it0.version, status: 'withdrawn' })).body;
    expect(ok(await t.http.patch(api(w).item(w.items[0])).send({ version: moved.version, status: 'withdrawn', object: 'RETIRE' })).body.status).toBe('withdrawn');
  });
});

describe('exécutoire dates (L2131-1)', () => {
  it('transmission or publication before the session is refused', async () => {
    const w = await buildWorld(t);
    const voted = ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } })).body;
    expect(voted.session.localDate).toBe('2024-03-11');
    const path = api(w).item(w.items[0]);
    for (const [use, change] of [['transmission', { transmittedAt: '2024-03-10' }], ['publication', { publishedAt: '2019-01-01' }]] as const) {
      const v = (await item(w, w.items[0])).version;
      await refused(w, () => t.http.post(`${path}/${use}`).send({ version: v, ...change }), 400, 'VALIDATION_FAILED', /before the session/);
    }
    let { version } = await item(w, w.items[0]);
    ({ version } = ok(await t.http.post(`${path}/transmission`).send({ version, transmittedAt: '2024-03-11' })).body);
    expect(ok(await t.http.post(`${path}/publication`).send({ version, publishedAt: '2024-03-12' })).body)
      .toMatchObject({ transmittedAt: '2024-03-11', publishedAt: '2024-03-12' });
  });
});

describe('ACTES identifier of a voted deliberation', () => {
  it('must name the collectivity, the date of the session and the nature of the act', async () => {
    const w = await buildWorld(t);
    const voted = ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } })).body;
    const { siren } = voted.collectivity;
    const internal = voted.item.number.replace(/-/g, '_');
    const path = api(w).item(w.items[0]);
    ok(await t.http.post(`${path}/transmission`).send({ version: (await item(w, w.items[0])).version, transmittedAt: '2024-03-11' }));
    for (const acteId of [
      `062-999999999-20240311-${internal}-DE`, `062-${siren}-20240312-${internal}-DE`, `059-${siren}-20240311-${internal}-DE`,
      `062-${siren}-20240311-${internal}-AR`, `062-${siren}-20240311-${'X'.repeat(16)}-DE`, 'n°12 du registre',
    ]) {
      const v = (await item(w, w.items[0])).version;
      await refused(w, () => t.http.post(`${path}/acknowledgement`).send({ version: v, receivedAt: '2024-03-11', acteId }), 400, 'VALIDATION_FAILED', /acteId/);
    }
    const v = (await item(w, w.items[0])).version;
    const acteId = `062-${siren}-20240311-${internal}-DE`;
    expect(ok(await t.http.post(`${path}/acknowledgement`).send({ version: v, receivedAt: '2024-03-11', acteId })).body.acteId).toBe(acteId);
  });
});

describe('a deliberation number used by two bodies', () => {
  it('is refused without bodyId, and found with it', async () => {
    const w = await buildWorld(t, { items: 1 });
    const bureau = ok(await t.http.post(`${w.base}/bodies`).send({ kind: 'bureau', name: 'Bureau', ruleProfile: 'commune' })).body;
    for (const id of w.m) ok(await t.http.post(`${w.base}/members/${id}/memberships`).send({ bodyId: bureau.id, seat: 'titulaire', startDate: '2020-01-01' }));
    const s = await createSession({ t, cid: w.cid, bodyId: bureau.id }, '2024-03-12T18:30:00+01:00', { presidentId: w.m[0] });
    const other = ok(await t.http.post(`${w.base}/sessions/${s.id}/items`).send({ object: 'POINT DU BUREAU' })).body;
    const mine = await item(w, w.items[0]);
    expect(other.number).toBe(mine.number);
    for (const path of ['deliberations/state', 'deliberations/extract.pdf']) {
      await refused(w, () => t.http.get(`${w.base}/${path}?number=${mine.number}`), 400, 'VALIDATION_FAILED', /several bodies.*bodyId/);
    }
    expect(ok(await t.http.get(`${w.base}/deliberations/state?number=${mine.number}&bodyId=${w.bodyId}`)).body.item.id).toBe(mine.id);
    expect(ok(await t.http.get(`${w.base}/deliberations/state?number=${mine.number}&bodyId=${bureau.id}`)).body.item.id).toBe(other.id);
  });
});

// L2121-17 (L3121-14, L4132-13): a second convocation deliberates whatever the number present, so it must name
// the first convocation whose quorum failed, of the same body, held at least three clear days before.
import { api, buildWorld, createSession, failedFirstConvocation, ok, Profile, putAttendance, transition, refused, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const MONDAY = '2024-03-04T18:30:00+01:00';
const THURSDAY = '2024-03-07T18:30:00+01:00';
const FRIDAY = '2024-03-08T18:30:00+01:00';
const world = (profile: Profile = 'commune') => buildWorld(t, { profile, items: 0, open: false });
const post = (w: World, startsAt: string, extra: object) =>
  t.http.post(`${w.base}/sessions`).send({ bodyId: w.bodyId, startsAt, presidentId: w.m[0], ...extra });
const link = (firstConvocationSessionId: string) => ({ secondConvocation: true, firstConvocationSessionId });
const INVALID = 'SECOND_CONVOCATION_INVALID';

/** A session of the body at `startsAt` with its opening attendance (the first `present` titulaires), left in `status`. */
async function session(w: World, startsAt: string, present: number, status: string[], items = 0): Promise<string> {
  const s = await createSession(w, startsAt, { presidentId: w.m[0] });
  for (let i = 0; i < items; i++) ok(await t.http.post(`${w.base}/sessions/${s.id}/items`).send({ object: `POINT ${i + 1}` }));
  ok(await putAttendance(w, s.id, w.m.map((id, i) => ({ memberId: id, status: i < present ? 'present' : 'absent' }))));
  for (const to of status) await transition(w, s.id, to);
  return s.id;
}

describe('creating a second convocation', () => {
  it('is refused without the first convocation it follows', async () => {
    const w = await world();
    await refused(w, () => post(w, FRIDAY, { secondConvocation: true }), 422, INVALID, /secondConvocation requires firstConvocationSessionId.*L2121-17/);
    const first = await failedFirstConvocation(w, MONDAY);
    await refused(w, () => post(w, FRIDAY, { firstConvocationSessionId: first }), 422, INVALID, /firstConvocationSessionId is set only on a second convocation/);
  });

  it('three clear days after the first: Thursday after a Monday is refused, Friday is accepted and linked', async () => {
    const w = await world();
    const first = await failedFirstConvocation(w, MONDAY);
    await refused(w, () => post(w, THURSDAY, link(first)), 422, INVALID, /at least three clear days.*2024-03-04.*2024-03-07.*3 days/);
    const created = ok(await post(w, FRIDAY, link(first))).body;
    expect(created).toMatchObject({ secondConvocation: true, firstConvocationSessionId: first, firstConvocation: { id: first, localDate: '2024-03-04', status: 'closed' } });
    expect(ok(await t.http.get(`${w.base}/sessions/${created.id}`)).body.firstConvocation).toMatchObject({ id: first, quorum: { met: false, counted: 1, needed: 5 } });
    const [row] = await t.db.query(`SELECT first_convocation_session_id AS id FROM session WHERE id = $1`, [created.id]);
    expect(row.id).toBe(first);
  });

  it('counts days on the Paris calendar: 23:30 UTC on Monday is already Tuesday', async () => {
    const w = await world();
    const first = await failedFirstConvocation(w, '2024-03-04T23:30:00Z');
    await refused(w, () => post(w, FRIDAY, link(first)), 422, INVALID, /2024-03-05.*2024-03-08.*3 days/);
  });

  it('département: "de plein droit trois jours plus tard": Wednesday refused, Thursday and Friday accepted', async () => {
    const w = await world('departement');
    const first = await failedFirstConvocation(w, MONDAY);
    await refused(w, () => post(w, '2024-03-06T18:30:00+01:00', link(first)), 422, INVALID, /three days later.*L3121-14/);
    ok(await post(w, THURSDAY, link(first)));
    ok(await post(w, FRIDAY, link(first)));
  });

  it('a first convocation whose quorum was met at its opening', async () => {
    const w = await world();
    const first = await session(w, MONDAY, 5, ['convened', 'open', 'closed']);
    await refused(w, () => post(w, FRIDAY, link(first)), 422, INVALID, /quorum of session .* was met at its opening \(5 counted, 5 needed\)/);
  });

  it('a first convocation that voted an item after a late arrival', async () => {
    const w = await world();
    const first = await session(w, MONDAY, 4, ['convened', 'open'], 2);
    const items = ok(await t.http.get(`${w.base}/sessions/${first}/items`)).body.items;
    ok(await t.http.post(`${w.base}/sessions/${first}/attendance-changes`).send({ memberId: w.m[4], kind: 'arrival', fromItemId: items[1].id }));
    ok(await t.http.post(`${w.base}/items/${items[1].id}/vote`).send({ mode: 'show_of_hands', counts: { pour: 5, contre: 0, abstention: 0 } }));
    await transition(w, first, 'closed');
    await refused(w, () => post(w, FRIDAY, link(first)), 422, INVALID, new RegExp(`voted item ${items[1].number}`));
  });

  it('a first convocation not yet closed or cancelled; a cancelled one is accepted', async () => {
    const w = await world();
    const open = await session(w, MONDAY, 1, ['convened', 'open']);
    await refused(w, () => post(w, FRIDAY, link(open)), 422, INVALID, /is open: .*closed or cancelled/);
    const cancelled = await session(w, MONDAY, 1, ['convened', 'cancelled']);
    ok(await post(w, FRIDAY, link(cancelled)));
  });

  it('a first convocation without its opening attendance', async () => {
    const w = await world();
    const s = await createSession(w, MONDAY, { presidentId: w.m[0] });
    await transition(w, s.id, 'cancelled');
    await refused(w, () => post(w, FRIDAY, link(s.id)), 422, INVALID, /no opening attendance/);
  });

  it('a first convocation of another body, or of another collectivity', async () => {
    const w = await world();
    const other = await world();
    const otherFirst = await failedFirstConvocation(other, MONDAY);
    await refused(w, () => post(w, FRIDAY, link(otherFirst)), 404, 'NOT_FOUND', new RegExp(otherFirst));
    const body = ok(await t.http.post(`${w.base}/bodies`).send({ kind: 'bureau', name: 'Bureau', ruleProfile: 'commune' })).body;
    ok(await t.http.post(`${w.base}/members/${w.m[0]}/memberships`).send({ bodyId: body.id, seat: 'titulaire', startDate: '2020-01-01' })).body;
    const bureau = { ...w, bodyId: body.id, m: [w.m[0]] };
    const bureauFirst = await session(bureau, MONDAY, 0, ['convened', 'cancelled']);
    await refused(w, () => post(w, FRIDAY, link(bureauFirst)), 422, INVALID, /another body/);
  });

  it('a first convocation that was itself a second convocation', async () => {
    const w = await world();
    const first = await failedFirstConvocation(w, MONDAY);
    const again = ok(await post(w, FRIDAY, link(first))).body.id;
    ok(await putAttendance(w, again, [{ memberId: w.m[0], status: 'present' }]));
    for (const to of ['convened', 'open', 'closed']) await transition(w, again, to);
    await refused(w, () => post(w, '2024-03-15T18:30:00+01:00', link(again)), 422, INVALID, /itself a second convocation/);
  });
});

describe('PATCH of a session: the same checks', () => {
  it('on secondConvocation, firstConvocationSessionId and startsAt; switching it off clears the link', async () => {
    const w = await world();
    const first = await failedFirstConvocation(w, FRIDAY);
    const version = async () => ok(await t.http.get(api(w).session)).body.version;
    await refused(w, async () => t.http.patch(api(w).session).send({ version: await version(), secondConvocation: true }), 422, INVALID, /requires firstConvocationSessionId/);
    // 8 March to 11 March: three days only.
    await refused(w, async () => t.http.patch(api(w).session).send({ version: await version(), ...link(first) }), 422, INVALID, /three clear days/);
    const moved = ok(await t.http.patch(api(w).session).send({ version: await version(), ...link(first), startsAt: '2024-03-12T18:30:00+01:00' })).body;
    expect(moved).toMatchObject({ secondConvocation: true, firstConvocationSessionId: first, localDate: '2024-03-12' });
    await refused(w, async () => t.http.patch(api(w).session).send({ version: await version(), startsAt: '2024-03-11T18:30:00+01:00' }), 422, INVALID, /three clear days/);
    await refused(w, async () => t.http.patch(api(w).session).send({ version: await version(), firstConvocationSessionId: w.sessionId }), 422, INVALID, /its own first convocation/);
    const off = ok(await t.http.patch(api(w).session).send({ version: await version(), secondConvocation: false })).body;
    expect(off).toMatchObject({ secondConvocation: false, firstConvocationSessionId: null, firstConvocation: null });
  });

  it('once the session is open, the link no longer changes', async () => {
    const w = await buildWorld(t, { secondConvocation: true });
    const s = ok(await t.http.get(api(w).session)).body;
    const other = await failedFirstConvocation(w, MONDAY);
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, firstConvocationSessionId: other }), 409, 'SESSION_TRANSITION_INVALID', /firstConvocationSessionId.*open/);
  });
});

describe('a second convocation with a voted item', () => {
  it('keeps its link: the acts print the waived quorum (API and database)', async () => {
    const w = await buildWorld(t, { secondConvocation: true });
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    const s = ok(await t.http.get(api(w).session)).body;
    const other = await failedFirstConvocation(w, MONDAY);
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, firstConvocationSessionId: other }), 409, 'ITEM_ALREADY_VOTED', /firstConvocationSessionId/);
    const err = await t.db.query(`UPDATE session SET first_convocation_session_id = $2 WHERE id = $1`, [w.sessionId, other]).then(() => null, (e: { driverError?: { code?: string } }) => e.driverError?.code);
    expect(err).toBe('RG002');
  });
});

describe('the database keeps the link inside the collectivity', () => {
  it('refuses a link to another collectivity, a link without second convocation, and a session naming itself', async () => {
    const w = await buildWorld(t, { secondConvocation: true });
    const elsewhere = await createSession(await world(), MONDAY);
    const code = async (sql: string, params: unknown[]) =>
      t.db.query(sql, params).then(() => null, (e: { driverError?: { code?: string; constraint?: string } }) => [e.driverError?.code, e.driverError?.constraint]);
    expect(await code(`UPDATE session SET first_convocation_session_id = $2 WHERE id = $1`, [w.sessionId, elsewhere.id])).toEqual(['23503', 'session_first_convocation_fk']);
    expect(await code(`UPDATE session SET second_convocation = false WHERE id = $1`, [w.sessionId])).toEqual(['23514', 'session_first_convocation_check']);
    expect(await code(`UPDATE session SET first_convocation_session_id = id WHERE id = $1`, [w.sessionId])).toEqual(['23514', 'session_first_convocation_not_self']);
  });
});

// L2121-17 (L3121-14, L4132-13): convened again after a failed quorum, the assembly deliberates whatever the number
// present, but only on the same agenda: an item carried over from the first convocation is voted without the quorum,
// a new item of the same session needs it as in any session.
import { api, buildWorld, createSession, fingerprint, ok, putAttendance, refused, transition, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

// Nine in office, four present: five are needed.
const fourPresent = ['present', 'present', 'present', 'present', 'excused', 'excused', 'excused', 'absent', 'absent'] as const;
const counts = (pour: number) => ({ mode: 'show_of_hands', counts: { pour, contre: 0, abstention: 0 } });
const INVALID = 'SECOND_CONVOCATION_INVALID';
const second = (o: { open?: boolean; items?: number } = {}) => buildWorld(t, { attendance: [...fourPresent], secondConvocation: true, items: 1, ...o });
const carry = (w: World, carriedFromItemId: string, object = 'POINT REPORTÉ') => t.http.post(api(w).items).send({ object, carriedFromItemId });
const sqlError = (sql: string, params: unknown[]) =>
  t.db.query(sql, params).then(() => null, (e: { driverError?: { code?: string; constraint?: string } }) => [e.driverError?.code, e.driverError?.constraint]);

describe('the agenda of a second convocation', () => {
  it('an item carried over from the first convocation is voted without the quorum; a new item is refused QUORUM_NOT_MET', async () => {
    const w = await second();
    const { sessionId: firstId, items: [fromId] } = w.firstConvocation!;
    const carried = ok(await t.http.get(api(w).item(w.items[0]))).body;
    expect(carried.carriedFromItemId).toBe(fromId);
    expect(ok(await t.http.get(api(w).session)).body.items[0]).toMatchObject({ id: w.items[0], carriedFromItemId: fromId });
    const fresh = ok(await t.http.post(api(w).items).send({ object: 'POINT NOUVEAU' })).body;
    expect(fresh.carriedFromItemId).toBeNull();

    await refused(w, () => t.http.post(api(w).vote(fresh.id)).send(counts(4)), 422, 'QUORUM_NOT_MET', /Quorum not met at item 2: 4 counted.*5 needed/);
    expect(ok(await t.http.get(api(w).state(fresh.id))).body.attendance.quorum).toMatchObject({ met: false, waivedBySecondConvocation: false });

    const voted = ok(await t.http.post(api(w).vote(w.items[0])).send(counts(4))).body;
    expect(voted.attendance.quorum).toMatchObject({ needed: 5, counted: 4, met: false, waivedBySecondConvocation: true });
    const from = ok(await t.http.get(api(w).item(fromId))).body;
    expect(voted.item.carriedFrom).toEqual({ id: fromId, sessionId: firstId, number: from.number, object: 'POINT 1' });
    expect(ok(await t.http.get(api(w).state(fresh.id))).body.item.carriedFrom).toBeNull();

    // A fifth member arrives at the new item: with the quorum met, it is voted as in any session.
    ok(await t.http.post(api(w).changes).send({ memberId: w.m[4], kind: 'arrival', fromItemId: fresh.id }));
    const met = ok(await t.http.post(api(w).vote(fresh.id)).send(counts(5))).body;
    expect(met.attendance.quorum).toMatchObject({ counted: 5, met: true, waivedBySecondConvocation: false });
  });

  it('the same goes for an election (L2121-21): refused on a new item, held on a carried one', async () => {
    const w = await second();
    const fresh = ok(await t.http.post(api(w).items).send({ object: 'ÉLECTION NOUVELLE' })).body;
    const election = { candidates: [{ memberId: w.m[1] }], rounds: [{ round: 1, voters: 4, blank: 0, void: 0, votes: [{ candidate: 0, votes: 4 }] }] };
    await refused(w, () => t.http.post(`${api(w).item(fresh.id)}/election`).send(election), 422, 'QUORUM_NOT_MET', /Quorum not met/);
    expect(ok(await t.http.post(`${api(w).item(w.items[0])}/election`).send(election)).body.attendance.quorum.waivedBySecondConvocation).toBe(true);
  });

  it('refuses to carry over, changing nothing: in an ordinary session, a voted item, an item of another session, the same item twice', async () => {
    const w = await second({ items: 2 });
    const [fromA] = w.firstConvocation!.items;

    const ordinary = await createSession(w, '2024-04-08T18:30:00+02:00', { presidentId: w.m[0] });
    let res = await refused(w, () => t.http.post(`${w.base}/sessions/${ordinary.id}/items`).send({ object: 'X', carriedFromItemId: fromA }), 422, INVALID,
      /carriedFromItemId: .*not a second convocation.*L2121-17/);
    expect(res.body.details).toMatchObject({ rule: 'carry_into_second_convocation', field: 'carriedFromItemId' });

    // Another session of the body, whose item is not on the agenda of the first convocation.
    const otherItem = ok(await t.http.post(`${w.base}/sessions/${ordinary.id}/items`).send({ object: 'AILLEURS' })).body;
    res = await refused(w, () => carry(w, otherItem.id), 422, INVALID, new RegExp(`item ${otherItem.number} is not on the agenda of the first convocation.*same agenda`));
    expect(res.body.details).toMatchObject({ rule: 'carry_from_first_convocation', field: 'carriedFromItemId' });
    // An item of this very session is not on the first convocation's agenda either.
    await refused(w, () => carry(w, w.items[1]), 422, INVALID, /not on the agenda of the first convocation/);

    ok(await t.http.post(api(w).vote(w.items[0])).send(counts(4)));
    const votedNumber = ok(await t.http.get(api(w).item(w.items[0]))).body.number;
    res = await refused(w, () => carry(w, w.items[0]), 422, INVALID, new RegExp(`item ${votedNumber} was voted`));
    expect(res.body.details).toMatchObject({ rule: 'carry_not_voted' });

    res = await refused(w, () => carry(w, fromA), 422, INVALID, new RegExp(`already carried over into item ${votedNumber}`));
    expect(res.body.details).toMatchObject({ rule: 'carry_once', carriedIntoItemId: w.items[0] });

    // Unknown, or of another collectivity: not found; not a uuid: refused by validation.
    const elsewhere = await second();
    await refused(w, () => carry(w, elsewhere.firstConvocation!.items[0]), 404, 'NOT_FOUND', /Item .* not found/);
    await refused(w, () => carry(w, 'not-a-uuid'), 400, 'VALIDATION_FAILED', /carriedFromItemId/);
  });

  it('keeps the link to the first convocation while items are carried over from it', async () => {
    const w = await second({ open: false });
    const session = ok(await t.http.get(api(w).session)).body;
    const res = await refused(w, () => t.http.patch(api(w).session).send({ version: session.version, secondConvocation: false }), 422, INVALID,
      /carried over from the first convocation/);
    expect(res.body.details).toMatchObject({ rule: 'carried_items', field: 'secondConvocation' });
    // Another failed first convocation of the body, three clear days before too.
    const other = await createSession(w, '2024-03-01T18:30:00+01:00', { presidentId: w.m[0] });
    ok(await putAttendance(w, other.id, w.m.map((id, i) => ({ memberId: id, status: i < 1 ? 'present' : 'absent' }))));
    for (const to of ['convened', 'cancelled']) await transition(w, other.id, to);
    await refused(w, async () => t.http.patch(api(w).session).send({ version: ok(await t.http.get(api(w).session)).body.version, firstConvocationSessionId: other.id }),
      422, INVALID, /carried over from the first convocation/);
  });

  it('the database keeps the link: same collectivity, once, and only from the first convocation', async () => {
    const w = await second({ items: 2 });
    const [fromA, fromB] = w.firstConvocation!.items;
    const elsewhere = await second();
    const before = await fingerprint(t, w.cid);
    const set = `UPDATE item SET carried_from_item_id = $2 WHERE id = $1`;
    expect(await sqlError(set, [w.items[1], elsewhere.items[0]])).toEqual(['23503', 'item_carried_from_fk']);
    expect(await sqlError(set, [w.items[1], fromA])).toEqual(['23505', 'item_carried_from_unique']);
    expect(await sqlError(set, [w.items[1], w.items[0]])).toEqual(['23514', 'item_carried_from_first_convocation']);
    expect(await sqlError(set, [w.items[1], w.items[1]])).toEqual(['23514', 'item_carried_from_first_convocation']);
    expect(await fingerprint(t, w.cid)).toEqual(before);
    expect(await sqlError(set, [w.items[1], fromB])).toBeNull();
  });
});

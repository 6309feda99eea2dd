// Requests for a public vote or a secret ballot (L2121-21): a quarter (a sixth in départements) or a third of
// the members present at the item must ask; only members present may; the requesters are sealed with the vote.
import type { Response } from 'supertest';
import { api, buildWorld, expectError, fingerprint, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

async function refused(w: World, send: () => PromiseLike<Response>, status: number, code: string, message?: RegExp): Promise<Response> {
  const before = await fingerprint(t, w.cid);
  const res = await send();
  expectError(res, status, code, message);
  expect(await fingerprint(t, w.cid)).toEqual(before);
  return res;
}

const rollCall = (voters: string[], requestedBy?: string[]) => ({ mode: 'roll_call', ballots: voters.map((voterId) => ({ voterId, choice: 'pour' })), requestedBy });
const secret = (pour: number, requestedBy?: string[]) => ({ mode: 'secret', counts: { pour, contre: 0, abstention: 0 }, requestedBy });
const sqlError = (sql: string, params: unknown[]) =>
  t.db.query(sql, params).then(() => null, (e: { driverError?: { code?: string; constraint?: string } }) => e.driverError ?? { code: 'unknown' });

describe('requests for a public vote or a secret ballot', () => {
  // Nine in office, seven present: a quarter is 2 (1.75 rounded up), a third is 3 (2.33).
  it('a public vote needs a quarter of those present; the requesters are kept in order in the item state', async () => {
    const w = await buildWorld(t);
    const present = w.m.slice(0, 7);
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(rollCall(present, [w.m[3]])), 422, 'VOTE_REQUEST_INSUFFICIENT',
      /requestedBy: 1 members asked for a public vote; 2 needed \(1\/4 of the 7 present/);
    const state = ok(await t.http.post(api(w).vote(w.items[0])).send(rollCall(present, [w.m[4], w.m[2]]))).body;
    expect(state.vote.requestedBy.map((m: { id: string; lastName: string }) => [m.id, m.lastName])).toEqual([[w.m[4], 'NOM004'], [w.m[2], 'NOM002']]);
    const again = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(again.vote.requestedBy.map((m: { id: string }) => m.id)).toEqual([w.m[4], w.m[2]]);
  });

  it('a secret ballot is the exception (L2121-21): refused unless a third of those present ask, held when they do', async () => {
    const w = await buildWorld(t);
    for (const requestedBy of [undefined, []]) {
      const res = await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(secret(7, requestedBy)), 422, 'VOTE_REQUEST_INSUFFICIENT',
        /requestedBy: a secret ballot is held at the request of a third of the members present \(L2121-21\): nobody asked, 3 needed \(1\/3 of the 7 present\)/);
      expect(res.body.details).toMatchObject({ field: 'requestedBy', rule: 'secret_ballot_requested', requested: 0, needed: 3, present: 7 });
    }
    const two = await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(secret(7, w.m.slice(1, 3))), 422, 'VOTE_REQUEST_INSUFFICIENT', /a secret ballot; 3 needed/);
    expect(two.body.details).toMatchObject({ rule: 'secret_ballot_requested', requested: 2 });
    const held = ok(await t.http.post(api(w).vote(w.items[0])).send(secret(7, w.m.slice(1, 4)))).body;
    expect(held.vote).toMatchObject({ mode: 'secret', pour: 7, outcome: 'adopted' });
    expect(held.vote.requestedBy.map((m: { id: string }) => m.id)).toEqual(w.m.slice(1, 4));
    // A show of hands or a public vote without request records none.
    expect(ok(await t.http.post(api(w).vote(w.items[1])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } })).body.vote.requestedBy).toEqual([]);
    expect(ok(await t.http.post(api(w).vote(w.items[2])).send(rollCall(w.m.slice(0, 7)))).body.vote.requestedBy).toEqual([]);
  });

  it('in a département a sixth of those present suffices for a public vote (L3121-15), where a commune needs a quarter', async () => {
    // Thirteen in office, eleven present: a sixth is 2, a quarter 3.
    const dep = await buildWorld(t, { profile: 'departement', members: 13 });
    expect(ok(await t.http.post(api(dep).vote(dep.items[0])).send(rollCall(dep.m.slice(0, 11), dep.m.slice(5, 7)))).body.vote.requestedBy).toHaveLength(2);
    const commune = await buildWorld(t, { members: 13 });
    await refused(commune, () => t.http.post(api(commune).vote(commune.items[0])).send(rollCall(commune.m.slice(0, 11), commune.m.slice(5, 7))), 422,
      'VOTE_REQUEST_INSUFFICIENT', /3 needed/);
  });

  it('only members present at the item may ask', async () => {
    const w = await buildWorld(t);
    // m3 leaves before the second item: present at the first, not at the second.
    ok(await t.http.post(api(w).changes).send({ memberId: w.m[3], kind: 'departure', fromItemId: w.items[1] }));
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(rollCall(w.m.slice(0, 7), [w.m[1], w.m[7]])), 422, 'VOTE_REQUESTER_NOT_PRESENT',
      new RegExp(`requestedBy\\[1\\]: member ${w.m[7]} is not present`));
    const atSecond = w.m.slice(0, 7).filter((id) => id !== w.m[3]);
    await refused(w, () => t.http.post(api(w).vote(w.items[1])).send(rollCall(atSecond, [w.m[3], w.m[4]])), 422, 'VOTE_REQUESTER_NOT_PRESENT', /requestedBy\[0\]/);
    ok(await t.http.post(api(w).vote(w.items[0])).send(rollCall(w.m.slice(0, 7), [w.m[3], w.m[4]])));
  });

  it('a member not taking part may not ask (L2131-11); a show of hands has no requesters; ids are validated', async () => {
    const w = await buildWorld(t);
    ok(await t.http.post(`${api(w).item(w.items[0])}/recusals`).send({ memberId: w.m[5], reason: 'intéressé' }));
    const voters = w.m.slice(0, 7).filter((id) => id !== w.m[5]);
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(rollCall(voters, [w.m[5], w.m[4]])), 422, 'VOTE_MEMBER_NOT_TAKING_PART', /requestedBy\[0\].*L2131-11/);
    await refused(w, () => t.http.post(api(w).vote(w.items[1])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 }, requestedBy: w.m.slice(1, 4) }),
      422, 'VOTE_MODE_INVALID', /requestedBy/);
    await refused(w, () => t.http.post(api(w).vote(w.items[1])).send(secret(7, ['not-a-uuid', w.m[1], w.m[2]])), 400, 'VALIDATION_FAILED', /requestedBy/);
    await refused(w, () => t.http.post(api(w).vote(w.items[1])).send(secret(7, [w.m[1], w.m[2], w.m[1]])), 400, 'VALIDATION_FAILED', /requestedBy\[2\].*twice/);
  });

  it('are sealed with the vote in the database: never added, changed or removed afterwards', async () => {
    const w = await buildWorld(t);
    ok(await t.http.post(api(w).vote(w.items[0])).send(rollCall(w.m.slice(0, 7), [w.m[1], w.m[2]])));
    const [vote] = await t.db.query(`SELECT id FROM vote WHERE item_id = $1`, [w.items[0]]);
    const before = await fingerprint(t, w.cid);
    const attempts: [string, string, unknown[]][] = [
      ['add a requester', `INSERT INTO vote_request (collectivity_id, vote_id, member_id, rank) VALUES ($1, $2, $3, 3)`, [w.cid, vote.id, w.m[3]]],
      ['change a requester', `UPDATE vote_request SET member_id = $2 WHERE vote_id = $1 AND rank = 1`, [vote.id, w.m[3]]],
      ['remove the requesters', `DELETE FROM vote_request WHERE vote_id = $1`, [vote.id]],
    ];
    for (const [what, sql, params] of attempts) expect({ what, code: (await sqlError(sql, params))?.code }).toEqual({ what, code: 'RG002' });
    expect(await fingerprint(t, w.cid)).toEqual(before);
    // Written with its vote but for a show of hands: refused by the mode check, and nothing stays.
    const mode = await t.db.transaction(async (em) => {
      const [v] = await em.query(`INSERT INTO vote (collectivity_id, item_id, mode, voters, pour, contre, abstention, wording, attendance)
        VALUES ($1, $2, 'show_of_hands', 0, 0, 0, 0, 'x', '{}') RETURNING id`, [w.cid, w.items[1]]);
      await em.query(`INSERT INTO vote_request (collectivity_id, vote_id, member_id, rank) VALUES ($1, $2, $3, 1)`, [w.cid, v.id, w.m[1]]);
    }).then(() => null, (e: { driverError?: { code?: string; constraint?: string } }) => e.driverError);
    expect(mode).toMatchObject({ code: '23514', constraint: 'vote_request_mode_check' });
    expect(await fingerprint(t, w.cid)).toEqual(before);
  });
});

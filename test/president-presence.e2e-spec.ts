// The member presiding an item (the item's president, else the session's) must be in the room when it is voted:
// when he leaves, the item names the member presiding in his place (L2121-14), whose voice then decides a tie (L2121-20).
import type { Response } from 'supertest';
import { api, buildWorld, expectError, fingerprint, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

async function refused(w: World, send: () => PromiseLike<Response>, message: RegExp): Promise<Response> {
  const before = await fingerprint(w.t, w.cid);
  const res = await send();
  expectError(res, 422, 'PRESIDENT_NOT_PRESENT', message);
  expect(await fingerprint(w.t, w.cid)).toEqual(before);
  return res;
}

const election = (w: World) => ({
  candidates: [{ memberId: w.m[3] }, { memberId: w.m[4] }],
  rounds: [{ round: 1, voters: 6, blank: 0, void: 0, votes: [{ candidate: 0, votes: 4 }, { candidate: 1, votes: 2 }] }],
});

describe('the president must be in the room (L2121-14)', () => {
  // m0 presides; m0..m6 present, m7 and m8 excused. m0 leaves after item 1.
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(t);
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    ok(await t.http.post(api(w).changes).send({ memberId: w.m[0], kind: 'departure', fromItemId: w.items[1] }));
  });

  it('a vote is refused while the member presiding it is away, naming the item field to set', async () => {
    const item = ok(await t.http.get(api(w).item(w.items[1]))).body;
    const res = await refused(w, () => t.http.post(api(w).vote(w.items[1])).send({ mode: 'show_of_hands', counts: { pour: 6, contre: 0, abstention: 0 } }),
      new RegExp(`president of item ${item.number} .*NOM000.* is not present.*set the item's presidentId to the member presiding in his place.*L2121-14.*doyen`));
    expect(res.body.details).toMatchObject({ field: 'presidentId', presidentId: w.m[0], itemId: w.items[1] });
    expect(ok(await t.http.get(api(w).item(w.items[1]))).body.status).toBe('draft');
  });

  it('an election too', async () => {
    await refused(w, () => t.http.post(`${w.base}/items/${w.items[2]}/election`).send(election(w)), /president of item .* is not present/);
  });

  it("once the item names the member presiding in his place, the vote is recorded and that member's voice decides the tie", async () => {
    const item = ok(await t.http.get(api(w).item(w.items[1]))).body;
    ok(await t.http.patch(api(w).item(w.items[1])).send({ version: item.version, presidentId: w.m[2] }));
    const ballots = [1, 2, 3, 4, 5, 6].map((i) => ({ voterId: w.m[i], choice: [2, 5, 6].includes(i) ? 'contre' : 'pour' }));
    const res = ok(await t.http.post(api(w).vote(w.items[1])).send({ mode: 'roll_call', ballots })).body;
    expect(res.vote).toMatchObject({ pour: 3, contre: 3, outcome: 'rejected', castingVote: true });
    expect(res.item.president).toMatchObject({ id: w.m[2] });
    const [row] = await t.db.query(`SELECT president_id FROM vote WHERE item_id = $1`, [w.items[1]]);
    expect(row.president_id).toBe(w.m[2]);
  });

  it('and the election with the member presiding item 3', async () => {
    const item = ok(await t.http.get(api(w).item(w.items[2]))).body;
    ok(await t.http.patch(api(w).item(w.items[2])).send({ version: item.version, presidentId: w.m[1] }));
    expect(ok(await t.http.post(`${w.base}/items/${w.items[2]}/election`).send(election(w))).body.election.electedId).toBeTruthy();
  });
});

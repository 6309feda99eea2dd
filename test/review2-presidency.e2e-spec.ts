// Review 2 of the presidency (L2121-14, L2131-11): a member who does not take part in an item, being interested
// in it, does not preside its vote either; the item names the member presiding in his place.
import { api, buildWorld, ok, refused } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

it('a president not taking part in the item is refused for its vote and its election, until the item names another', async () => {
  // m0 presides; m0..m6 present. m0 is interested in items 1 and 2 (say, the compte administratif).
  const w = await buildWorld(t);
  for (const item of w.items.slice(0, 2)) ok(await t.http.post(`${api(w).item(item)}/recusals`).send({ memberId: w.m[0], reason: 'compte administratif du maire' }));
  const res = await refused(w, () => t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 6, contre: 0, abstention: 0 } }),
    422, 'PRESIDENT_NOT_PRESENT', /president of item .* does not take part in it.*L2131-11.*presidentId.*L2121-14/);
  expect(res.body.details).toMatchObject({ field: 'presidentId', presidentId: w.m[0], itemId: w.items[0], reason: 'not_taking_part' });
  const election = {
    candidates: [{ memberId: w.m[3] }, { memberId: w.m[4] }],
    rounds: [{ round: 1, voters: 6, blank: 0, void: 0, votes: [{ candidate: 0, votes: 4 }, { candidate: 1, votes: 2 }] }],
  };
  await refused(w, () => t.http.post(`${w.base}/items/${w.items[1]}/election`).send(election), 422, 'PRESIDENT_NOT_PRESENT', /does not take part/);

  const item = ok(await t.http.get(api(w).item(w.items[0]))).body;
  ok(await t.http.patch(api(w).item(w.items[0])).send({ version: item.version, presidentId: w.m[2] }));
  const voted = ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 6, contre: 0, abstention: 0 } })).body;
  expect(voted.item.president).toMatchObject({ id: w.m[2] });
  // An item he takes part in, he presides.
  ok(await t.http.post(api(w).vote(w.items[2])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
});

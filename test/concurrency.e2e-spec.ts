// Concurrent edits are detected, not overwritten: of two requests racing on the same record,
// exactly one wins and the other gets the code of the rule it would have broken.
import type { Response } from 'supertest';
import { api, buildWorld, expectError, fingerprint, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

/** Splits racing responses into the winners and the losers, failing on anything but 2xx or 4xx. */
function outcome(responses: Response[]) {
  for (const r of responses) expect(r.status).toBeLessThan(500);
  return { won: responses.filter((r) => r.status < 300), lost: responses.filter((r) => r.status >= 400) };
}

describe('concurrent requests', () => {
  let w: World;
  beforeAll(async () => { w = await buildWorld(t, { members: 13, items: 8, attendance: [...Array(9).fill('present'), 'excused', 'excused', 'excused', 'excused'] }); });

  it('two PATCHes of a session with the same version: one 200, one 409 CONFLICT_STALE_VERSION', async () => {
    const { version } = ok(await t.http.get(api(w).session)).body;
    const [a, b] = await Promise.all(['Salle A', 'Salle B'].map((place) => t.http.patch(api(w).session).send({ version, place })));
    const { won, lost } = outcome([a, b]);
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(won[0].status).toBe(200);
    expectError(lost[0], 409, 'CONFLICT_STALE_VERSION', new RegExp(`version ${version + 1}, you sent ${version}`));
    const after = ok(await t.http.get(api(w).session)).body;
    expect(after).toMatchObject({ version: version + 1, place: won[0].body.place });
  });

  it('two PATCHes of an item with the same version: one 200, one 409, the winner kept', async () => {
    const item = ok(await t.http.get(api(w).item(w.items[0]))).body;
    const [a, b] = await Promise.all(['OBJET A', 'OBJET B'].map((object) => t.http.patch(api(w).item(item.id)).send({ version: item.version, object })));
    const { won, lost } = outcome([a, b]);
    expect([won.length, lost.length]).toEqual([1, 1]);
    expectError(lost[0], 409, 'CONFLICT_STALE_VERSION', /changed meanwhile/);
    expect(ok(await t.http.get(api(w).item(item.id))).body).toMatchObject({ version: item.version + 1, object: won[0].body.object });
  });

  it('ten PATCHes racing on one version: exactly one wins', async () => {
    const item = ok(await t.http.get(api(w).item(w.items[1]))).body;
    const res = await Promise.all(Array.from({ length: 10 }, (_, i) => t.http.patch(api(w).item(item.id)).send({ version: item.version, object: `OBJET ${i}` })));
    const { won, lost } = outcome(res);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.body.code)).toEqual(Array(9).fill('CONFLICT_STALE_VERSION'));
    expect(ok(await t.http.get(api(w).item(item.id))).body.version).toBe(item.version + 1);
  });

  it('two proxies to the same holder at once: one 201, one PROXY_HOLDER_ALREADY_HOLDS', async () => {
    const [a, b] = await Promise.all([w.m[9], w.m[10]].map((giverId) => t.http.post(api(w).proxies).send({ giverId, holderId: w.m[1] })));
    const { won, lost } = outcome([a, b]);
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(won[0].status).toBe(201);
    expectError(lost[0], 422, 'PROXY_HOLDER_ALREADY_HOLDS', /already holds a proxy/);
    const held = ok(await t.http.get(api(w).proxies)).body.items.filter((p: { holderId: string }) => p.holderId === w.m[1]);
    expect(held.map((p: { id: string }) => p.id)).toEqual([won[0].body.id]);
  });

  it('two proxies from the same giver at once: one 201, one PROXY_GIVER_ALREADY_GAVE', async () => {
    const [a, b] = await Promise.all([w.m[2], w.m[3]].map((holderId) => t.http.post(api(w).proxies).send({ giverId: w.m[11], holderId })));
    const { won, lost } = outcome([a, b]);
    expect([won.length, lost.length]).toEqual([1, 1]);
    expectError(lost[0], 422, 'PROXY_GIVER_ALREADY_GAVE', /already gave a proxy/);
    const given = ok(await t.http.get(api(w).proxies)).body.items.filter((p: { giverId: string }) => p.giverId === w.m[11]);
    expect(given).toHaveLength(1);
  });

  it('two votes of the same item at once: one 201, one VOTE_ALREADY_RECORDED', async () => {
    const voters = ok(await t.http.get(api(w).state(w.items[2]))).body.attendance.voters;
    const [a, b] = await Promise.all([
      t.http.post(api(w).vote(w.items[2])).send({ mode: 'show_of_hands', counts: { pour: voters, contre: 0, abstention: 0 } }),
      t.http.post(api(w).vote(w.items[2])).send({ mode: 'show_of_hands', counts: { pour: 0, contre: voters, abstention: 0 } }),
    ]);
    const { won, lost } = outcome([a, b]);
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(won[0].status).toBe(201);
    expectError(lost[0], 409, 'VOTE_ALREADY_RECORDED', /already/);
    const rows = await t.db.query(`SELECT outcome FROM vote WHERE item_id = $1`, [w.items[2]]);
    expect(rows).toEqual([{ outcome: won[0].body.vote.outcome }]);
    expect(ok(await t.http.get(api(w).state(w.items[2]))).body.vote.outcome).toBe(won[0].body.vote.outcome);
  });

  it('a vote racing a departure: the vote keeps the attendance it was taken with', async () => {
    const before = ok(await t.http.get(api(w).state(w.items[3]))).body.attendance;
    const [vote, leave] = await Promise.all([
      t.http.post(api(w).vote(w.items[3])).send({ mode: 'show_of_hands', counts: { pour: before.voters, contre: 0, abstention: 0 } }),
      t.http.post(api(w).changes).send({ memberId: w.m[5], kind: 'departure', fromItemId: w.items[3] }),
    ]);
    outcome([vote, leave]);
    // Either the vote came first (the departure is then refused: the item is sealed) or the departure did
    // (the vote's counts no longer add up). Never both accepted.
    expect([vote.status, leave.status].filter((s) => s < 300)).toHaveLength(1);
    if (vote.status === 201) expectError(leave, 409, 'ITEM_ALREADY_VOTED', /already voted/);
    else expectError(vote, 422, 'VOTE_COUNTS_MISMATCH', new RegExp(`= ${before.voters} but there are ${before.voters - 1} voters`));
  });

  it('items added at once get distinct positions and numbers', async () => {
    const res = await Promise.all(Array.from({ length: 6 }, (_, i) => t.http.post(api(w).items).send({ object: `AJOUT ${i}` })));
    const { won } = outcome(res);
    expect(won).toHaveLength(6);
    const items = ok(await t.http.get(api(w).items)).body.items;
    expect(new Set(items.map((i: { position: number }) => i.position)).size).toBe(items.length);
    expect(new Set(items.map((i: { number: string }) => i.number)).size).toBe(items.length);
    expect(items.map((i: { position: number }) => i.position)).toEqual(items.map((_: unknown, k: number) => k + 1));
  });
});

describe('the opening attendance carries the session version it was read with', () => {
  const entries = (w: World, present: number) => w.m.map((memberId, i) => ({ memberId, status: i < present ? 'present' : 'excused' }));

  it('two clerks saving it at once with the same version: one 200, one 409 CONFLICT_STALE_VERSION, the winner kept', async () => {
    const w = await buildWorld(t);
    const { version } = ok(await t.http.get(api(w).attendance)).body;
    expect(version).toBe(ok(await t.http.get(api(w).session)).body.version);
    const [a, b] = await Promise.all([6, 8].map((n) => t.http.put(api(w).attendance).send({ version, entries: entries(w, n) })));
    const { won, lost } = outcome([a, b]);
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(won[0].status).toBe(200);
    expectError(lost[0], 409, 'CONFLICT_STALE_VERSION', new RegExp(`version ${version + 1}, you sent ${version}`));
    expect(won[0].body.version).toBe(version + 1);
    const after = ok(await t.http.get(api(w).attendance)).body;
    expect(after).toMatchObject({ version: version + 1, openingState: { presentTitulaires: won[0].body.openingState.presentTitulaires } });
    expect(ok(await t.http.get(api(w).session)).body.version).toBe(version + 1);
  });

  it('is refused without its version (400 naming it) or with a stale one (409), and nothing is written', async () => {
    const w = await buildWorld(t);
    const before = await fingerprint(t, w.cid);
    expectError(await t.http.put(api(w).attendance).send({ entries: entries(w, 5) }), 400, 'VALIDATION_FAILED', /version/);
    const { version } = ok(await t.http.get(api(w).session)).body;
    ok(await t.http.patch(api(w).session).send({ version, place: 'Salle B' }));
    expectError(await t.http.put(api(w).attendance).send({ version, entries: entries(w, 5) }), 409, 'CONFLICT_STALE_VERSION', /reload and retry/);
    const after = await fingerprint(t, w.cid);
    expect(after.attendance).toEqual(before.attendance);
    expect(ok(await t.http.get(api(w).attendance)).body.openingState.presentTitulaires).toBe(7);
  });
});

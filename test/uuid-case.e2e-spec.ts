// Ids are uuids, and a uuid's case carries no meaning: a client sending them in upper case gets the same answers.
import { api, buildWorld, ok } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

describe('ids in upper case', () => {
  it('are the same members for proxies, ballots and ballot requests', async () => {
    const w = await buildWorld(t, { members: 9 });
    const up = (id: string) => id.toUpperCase();
    // m[7] is excused at the opening (factory default): he gives his proxy to m[1].
    const proxy = ok(await t.http.post(api(w).proxies).send({ giverId: up(w.m[7]), holderId: up(w.m[1]) }));
    expect(proxy.body.giverId).toBe(w.m[7]);
    const state = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(state.attendance.represented.map((r: { giver: { id: string } }) => r.giver.id)).toEqual([w.m[7]]);
    const present: string[] = state.attendance.present.map((p: { member: { id: string } }) => p.member.id);
    const ballots = [
      ...present.map((id) => ({ voterId: up(id), choice: 'pour' })),
      { voterId: up(w.m[1]), onBehalfOfId: up(w.m[7]), choice: 'contre' },
    ];
    const voted = ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'roll_call', ballots, requestedBy: present.slice(0, 2).map(up) })).body;
    expect(voted.vote).toMatchObject({ pour: present.length, contre: 1, outcome: 'adopted' });
    expect(voted.vote.requestedBy.map((m: { id: string }) => m.id)).toEqual(present.slice(0, 2));
  });
});

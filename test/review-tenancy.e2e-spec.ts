// Review: a collectivity can neither read nor write another's rows through an id in the path or the body.
// Every request below names collectivity A in its path and ids of collectivity B elsewhere.
import { api, buildWorld, fingerprint, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
let a: World;
let b: World;
let bProxy: string;
beforeAll(async () => {
  t = await bootTestApp();
  a = await buildWorld(t);
  b = await buildWorld(t);
  bProxy = ok(await t.http.post(api(b).proxies).send({ giverId: b.m[7], holderId: b.m[1] })).body.id;
  ok(await t.http.post(api(b).vote(b.items[0])).send({ mode: 'show_of_hands', counts: { pour: 8, contre: 0, abstention: 0 } }));
});
afterAll(() => t.close());

describe('ids of another collectivity', () => {
  const reads = (): [string, string][] => [
    ['session', `${a.base}/sessions/${b.sessionId}`],
    ['items of a session', `${a.base}/sessions/${b.sessionId}/items`],
    ['item', `${a.base}/items/${b.items[0]}`],
    ['item state', `${a.base}/items/${b.items[0]}/state`],
    ['attendance', `${a.base}/sessions/${b.sessionId}/attendance`],
    ['proxies', `${a.base}/sessions/${b.sessionId}/proxies`],
    ['member', `${a.base}/members/${b.m[0]}`],
    ['members in office', `${a.base}/bodies/${b.bodyId}/members`],
    ['extract', `${a.base}/items/${b.items[0]}/extract.pdf`],
    ['minutes', `${a.base}/sessions/${b.sessionId}/minutes.pdf`],
    ['sessions of a body', `${a.base}/sessions?bodyId=${b.bodyId}`],
  ];

  it('are not found on reads, and nothing of B is returned', async () => {
    for (const [what, path] of reads()) {
      const res = await t.http.get(path);
      const leaked = JSON.stringify(res.body ?? '').includes(b.cid) || (what === 'sessions of a body' && res.body.total !== 0);
      expect({ what, status: res.status < 500 && (res.status >= 400 || what === 'sessions of a body'), leaked }).toEqual({ what, status: true, leaked: false });
    }
  });

  it('are refused on writes, and neither collectivity changes', async () => {
    const before = [await fingerprint(t, a.cid), await fingerprint(t, b.cid)];
    const s = ok(await t.http.get(api(a).session)).body;
    const item = ok(await t.http.get(api(a).item(a.items[1]))).body;
    const writes: [string, 'post' | 'put' | 'patch', string, object][] = [
      ['session in B body', 'post', `${a.base}/sessions`, { bodyId: b.bodyId, startsAt: '2024-05-01T18:00:00+02:00' }],
      ['B president', 'patch', api(a).session, { version: s.version, presidentId: b.m[0] }],
      ['B secretary', 'patch', api(a).session, { version: s.version, secretaryIds: [b.m[1]] }],
      ['B first convocation', 'post', `${a.base}/sessions`, { bodyId: a.bodyId, startsAt: '2024-05-01T18:00:00+02:00', secondConvocation: true, firstConvocationSessionId: b.sessionId }],
      ['item in B session', 'post', `${a.base}/sessions/${b.sessionId}/items`, { object: 'X' }],
      ['B rapporteur', 'patch', api(a).item(a.items[1]), { version: item.version, rapporteurId: b.m[0] }],
      ['edit B item', 'patch', `${a.base}/items/${b.items[1]}`, { version: 1, object: 'X' }],
      ['B attendance', 'put', api(a).attendance, { version: s.version, entries: [{ memberId: b.m[0], status: 'present' }] }],
      ['B suppléant', 'put', api(a).attendance, { version: s.version, entries: [{ memberId: a.m[0], status: 'present', replacesMemberId: b.m[0] }] }],
      ['B member change', 'post', api(a).changes, { memberId: b.m[1], kind: 'departure', fromItemId: a.items[1] }],
      ['B item change', 'post', api(a).changes, { memberId: a.m[1], kind: 'departure', fromItemId: b.items[1] }],
      ['B giver', 'post', api(a).proxies, { giverId: b.m[8], holderId: a.m[1] }],
      ['B holder', 'post', api(a).proxies, { giverId: a.m[8], holderId: b.m[1] }],
      ['B following session', 'post', api(a).proxies, { giverId: a.m[8], holderId: a.m[1], followingSessionIds: [b.sessionId] }],
      ['B from item', 'post', api(a).proxies, { giverId: a.m[8], holderId: a.m[1], fromItemId: b.items[1] }],
      ['revoke B proxy', 'post', `${a.base}/proxies/${bProxy}/revocation`, { sessionId: b.sessionId }],
      ['vote B item', 'post', `${a.base}/items/${b.items[1]}/vote`, { mode: 'show_of_hands', counts: { pour: 8, contre: 0, abstention: 0 } }],
      ['B ballot', 'post', api(a).vote(a.items[1]), { mode: 'roll_call', ballots: [{ voterId: b.m[0], choice: 'pour' }] }],
      ['B candidate', 'post', `${a.base}/items/${a.items[1]}/election`, { candidates: [{ memberId: b.m[0] }], rounds: [{ round: 1, voters: 7, blank: 0, void: 0, votes: [{ candidate: 0, votes: 7 }] }] }],
      ['B recusal', 'post', `${a.base}/items/${a.items[1]}/recusals`, { memberId: b.m[0] }],
      ['recusal on B item', 'post', `${a.base}/items/${b.items[1]}/recusals`, { memberId: b.m[0] }],
      ['B member seat', 'post', `${a.base}/members/${b.m[0]}/memberships`, { bodyId: a.bodyId, seat: 'titulaire', startDate: '2025-01-01' }],
      ['seat in B body', 'post', `${a.base}/members/${a.m[0]}/memberships`, { bodyId: b.bodyId, seat: 'titulaire', startDate: '2025-01-01' }],
    ];
    for (const [what, method, path, body] of writes) {
      const res = await t.http[method](path).send(body);
      expect({ what, refused: res.status >= 400 && res.status < 500, code: typeof res.body.code }).toEqual({ what, refused: true, code: 'string' });
    }
    expect([await fingerprint(t, a.cid), await fingerprint(t, b.cid)]).toEqual(before);
  });
});

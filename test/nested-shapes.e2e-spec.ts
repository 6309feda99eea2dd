// An array where an object is expected, at any depth of a request: a 400 naming the field, nothing written.
import { buildWorld, expectError, fingerprint, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await bootTestApp();
  w = await buildWorld(t);
}, 60_000);
afterAll(() => t.close(), 30_000);

const member = { civility: 'M.', firstName: 'Jean', lastName: 'NESTED' };
const round = { round: 1, voters: 7, blank: 1, void: 0, votes: [{ candidate: 0, votes: 4 }, { candidate: 1, votes: 2 }] };

describe('nested arrays where an object is expected', () => {
  it.each([
    ['memberships: [[]]', () => [`${w.base}/members`, { ...member, memberships: [[]] }], /memberships\.0/],
    ['memberships: [{...}, [{...}]]', () => [`${w.base}/members`, { ...member, memberships: [{ bodyId: w.bodyId, seat: 'titulaire', startDate: '2020-01-01' }, [{ bodyId: w.bodyId }]] }], /memberships\.1/],
    ['rounds: [[]]', () => [`${w.base}/items/${w.items[0]}/election`, { candidates: [{ memberId: w.m[2] }, { memberId: w.m[3] }], rounds: [[]] }], /rounds\.0/],
    ['votes: [[]]', () => [`${w.base}/items/${w.items[0]}/election`, { candidates: [{ memberId: w.m[2] }, { memberId: w.m[3] }], rounds: [{ ...round, votes: [[]] }] }], /rounds\.0\.votes\.0/],
    ['candidates: [[]]', () => [`${w.base}/items/${w.items[0]}/election`, { candidates: [[], { memberId: w.m[3] }], rounds: [round] }], /candidates\.0/],
    ['counts: []', () => [`${w.base}/items/${w.items[0]}/vote`, { mode: 'show_of_hands', counts: [] }], /counts/],
    ['entries: [[]]', () => [`${w.base}/sessions/${w.sessionId}/attendance`, { version: 1, entries: [[]] }], /entries\.0/],
  ] as [string, () => [string, object], RegExp][])('%s is a 400 VALIDATION_FAILED naming the field, and changes nothing', async (_, request, field) => {
    const [path, body] = request();
    const before = await fingerprint(t, w.cid);
    const res = path.endsWith('/attendance') ? await t.http.put(path).send(body) : await t.http.post(path).send(body);
    expectError(res, 400, 'VALIDATION_FAILED', field);
    expect(await fingerprint(t, w.cid)).toEqual(before);
  }, 30_000);
});

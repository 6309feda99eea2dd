// Hostile and clumsy requests: every answer is a 4xx with a stable code and a message, never a 500,
// and the register is left exactly as it was (fingerprint of every row the test collectivity owns).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { api, buildWorld, fingerprint, ok, where, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
let w: World;
let before: Record<string, string>;
// Commune, 9 in office, only m0..m3 present: the quorum (5) is not met, so no well-formed vote can pass either.
beforeAll(async () => {
  t = await bootTestApp();
  w = await buildWorld(t, { attendance: ['present', 'present', 'present', 'present', 'excused', 'excused', 'excused', 'absent', 'absent'] });
});
afterAll(() => t.close());
beforeEach(async () => { before = await fingerprint(t, w.cid); });
afterEach(async () => { expect(await fingerprint(t, w.cid)).toEqual(before); });

/** A refusal: 4xx (the given one if any), the error body's shape, and a message matching `message`. */
function refused(res: Response, status?: number | null, code?: string | null, message?: RegExp): void {
  const got = { at: where(res), status: res.status, body: res.body };
  expect(got.status >= 400 && got.status < 500 ? 'client error' : got).toBe('client error');
  expect(res.body).toEqual(expect.objectContaining({ statusCode: res.status, code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) }));
  if (status) expect({ at: got.at, status: res.status }).toEqual({ at: got.at, status });
  if (code) expect({ at: got.at, code: res.body.code }).toEqual({ at: got.at, code });
  if (message) expect(res.body.message).toMatch(message);
}

/** Collectivities created meanwhile by other test files are theirs; none may carry one of these names. */
async function noCollectivityNamed(names: unknown[]): Promise<void> {
  const strings = names.filter((n): n is string => typeof n === 'string');
  const rows = await t.db.query(`SELECT name FROM collectivity WHERE name = ANY($1::text[])`, [strings]);
  expect(rows).toEqual([]);
}

const send = (method: 'post' | 'put' | 'patch', path: string, raw: string, type = 'application/json') =>
  t.http[method](path).set('Content-Type', type).send(raw);

describe('bad input', () => {
  it('malformed JSON is a 400 MALFORMED_REQUEST', async () => {
    const a = api(w);
    for (const raw of ['{"kind": "commune",', '{kind: commune}', "{'a': 1}", '[1, 2', '"unterminated', '{"a":1}}', 'nul', '\u0000']) {
      refused(await send('post', '/api/collectivities', raw), 400, 'MALFORMED_REQUEST', /JSON|Unexpected|Malformed/i);
      refused(await send('post', a.proxies, raw), 400, 'MALFORMED_REQUEST');
      refused(await send('put', a.attendance, raw), 400, 'MALFORMED_REQUEST');
    }
  });

  it('wrong types are a 400 VALIDATION_FAILED naming the field', async () => {
    const a = api(w);
    const coll = (o: object) => ({ kind: 'commune', name: `BAD ${randomUUID()}`, siren: '123456780', departementCode: '62', ...o });
    const cases: [string, string, object, RegExp][] = [
      ['post', '/api/collectivities', coll({ name: 123 }), /^name: /],
      ['post', '/api/collectivities', coll({ siren: 123456780 }), /siren/],
      ['post', `${w.base}/members`, { civility: 'M.', firstName: ['Jean'], lastName: 'X' }, /firstName/],
      ['post', `${w.base}/members`, { civility: 'M.', firstName: 'Jean', lastName: 'X', memberships: { bodyId: w.bodyId } }, /memberships/],
      ['post', a.vote(w.items[0]), { mode: 'show_of_hands', counts: { pour: '4', contre: 0, abstention: 0 } }, /counts\.pour/],
      ['post', a.vote(w.items[0]), { mode: 'show_of_hands', counts: [4, 0, 0] }, /counts/],
      ['post', a.vote(w.items[0]), { mode: 'show_of_hands', counts: 'quatre' }, /counts/],
      ['post', a.vote(w.items[0]), { mode: 7, counts: { pour: 4, contre: 0, abstention: 0 } }, /mode/],
      ['post', a.vote(w.items[0]), { mode: 'roll_call', ballots: { voterId: w.m[0], choice: 'pour' } }, /ballots/],
      ['put', a.attendance, { entries: { memberId: w.m[0], status: 'present' } }, /entries/],
      ['put', a.attendance, { entries: [{ memberId: w.m[0], status: true }] }, /entries\.0\.status/],
      ['post', `${w.base}/sessions`, { bodyId: w.bodyId, startsAt: 20240311 }, /startsAt/],
      ['post', a.proxies, { giverId: 42, holderId: true }, /giverId.*holderId|holderId.*giverId/],
      ['post', a.proxies, { giverId: w.m[5], holderId: w.m[1], illness: 'yes' }, /illness/],
      ['patch', a.session, { version: '3', place: 'X' }, /version/],
      ['patch', a.session, { version: 3, place: ['X'] }, /place/],
      ['post', a.items, { object: { text: 'POINT' } }, /object/],
      ['post', a.changes, { memberId: w.m[5], kind: ['arrival'], fromItemId: w.items[0] }, /kind/],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await (t.http as any)[method](path).send(body);
      refused(res, 400, 'VALIDATION_FAILED', field);
    }
    await noCollectivityNamed(cases.map(([, , b]) => (b as { name?: unknown }).name));
  });

  it('unknown ids are a 404 NOT_FOUND naming what was looked for', async () => {
    const x = randomUUID();
    const a = api(w);
    const cases: [string, string, object?][] = [
      ['get', `/api/collectivities/${x}`],
      ['get', `/api/collectivities/${x}/members`],
      ['get', `${w.base}/sessions/${x}`],
      ['get', `${w.base}/items/${x}`],
      ['get', `${w.base}/items/${x}/state`],
      ['get', `${w.base}/members/${x}`],
      ['get', `${w.base}/bodies/${x}/members`],
      ['get', `${w.base}/sessions/${x}/attendance`],
      ['post', `/api/collectivities/${x}/bodies`, { kind: 'conseil', name: 'C', ruleProfile: 'commune' }],
      ['post', `/api/collectivities/${x}/members`, { civility: 'M.', firstName: 'A', lastName: 'B' }],
      ['post', `${w.base}/sessions`, { bodyId: x, startsAt: '2024-05-01T18:00:00+02:00' }],
      ['post', `${w.base}/sessions/${x}/items`, { object: 'POINT' }],
      ['post', `${w.base}/sessions/${x}/proxies`, { giverId: w.m[5], holderId: w.m[1] }],
      ['post', `${w.base}/items/${x}/vote`, { mode: 'show_of_hands', counts: { pour: 4, contre: 0, abstention: 0 } }],
      ['post', `${w.base}/members/${x}/memberships`, { bodyId: w.bodyId, seat: 'titulaire', startDate: '2020-01-01' }],
      ['post', `${w.base}/proxies/${x}/revocation`, { sessionId: w.sessionId }],
      ['patch', `${w.base}/items/${x}`, { version: 1, object: 'X' }],
      ['patch', `${w.base}/sessions/${x}`, { version: 1, place: 'X' }],
      ['post', a.changes, { memberId: w.m[5], kind: 'arrival', fromItemId: x }],
      // This collectivity's session and item, asked for under another collectivity: tenants do not see each other.
      ['get', `/api/collectivities/${x}/sessions/${w.sessionId}`],
      ['get', `/api/collectivities/${x}/items/${w.items[0]}/state`],
    ];
    for (const [method, path, body] of cases) {
      const res = await (t.http as any)[method](path).send(body);
      refused(res, 404, 'NOT_FOUND', /not found|not in this session/);
    }
  });

  it('duplicates are a 409 DUPLICATE naming the constraint', async () => {
    const { siren } = ok(await t.http.get(`/api/collectivities/${w.cid}`)).body;
    const name = `BAD ${randomUUID()}`;
    refused(await t.http.post('/api/collectivities').send({ kind: 'commune', name, siren, departementCode: '62' }), 409, 'DUPLICATE', /collectivity_siren_unique/);
    refused(await t.http.post(`${w.base}/bodies`).send({ kind: 'conseil', name: 'Conseil', ruleProfile: 'commune' }), 409, 'DUPLICATE', /body_name_unique/);
    await noCollectivityNamed([name]);
  });

  it('path parameters that are not UUIDs are a 400 naming the parameter', async () => {
    for (const [path, param] of [
      ['/api/collectivities/abc', 'cid'], ['/api/collectivities/1', 'cid'], [`${w.base}/items/42/state`, 'iid'],
      [`${w.base}/sessions/${w.sessionId.slice(0, 35)}`, 'sid'], [`${w.base}/sessions/'%20OR%201=1--`, 'sid'],
      [`/api/collectivities/${'a'.repeat(5000)}`, 'cid'], [`${w.base}/members/%00`, 'mid'], [`${w.base}/bodies/null/members`, 'bid'],
    ]) {
      refused(await t.http.get(path), 400, 'VALIDATION_FAILED', new RegExp(`^${param} must be a UUID`));
    }
    refused(await t.http.post(`${w.base}/items/not-a-uuid/vote`).send({ mode: 'secret', counts: { pour: 1, contre: 0, abstention: 0 } }), 400, 'VALIDATION_FAILED', /iid must be a UUID/);
  });

  it('unknown fields are a 400 naming the field, at any depth', async () => {
    const a = api(w);
    const name = `BAD ${randomUUID()}`;
    const cases: [string, string, object, RegExp][] = [
      ['post', '/api/collectivities', { kind: 'commune', name, siren: '123456781', departementCode: '62', admin: true }, /property admin should not exist/],
      ['post', a.vote(w.items[0]), { mode: 'show_of_hands', counts: { pour: 4, contre: 0, abstention: 0, blank: 1 } }, /counts\.blank|property blank/],
      ['put', a.attendance, { entries: [{ memberId: w.m[0], status: 'present', vote: 'pour' }] }, /entries\.0\.vote|property vote/],
      ['post', a.proxies, { giverId: w.m[5], holderId: w.m[1], collectivityId: randomUUID() }, /property collectivityId should not exist/],
      ['patch', a.session, { version: 1, status: 'closed' }, /property status should not exist/],
      ['patch', a.item(w.items[0]), { version: 1, id: randomUUID() }, /property id should not exist/],
      ['post', `${w.base}/members`, { civility: 'M.', firstName: 'A', lastName: 'B', __proto__x: 1 }, /__proto__x/],
    ];
    for (const [method, path, body, field] of cases) refused(await (t.http as any)[method](path).send(body), 400, 'VALIDATION_FAILED', field);
    refused(await t.http.get('/api/collectivities').query({ page: 1, sort: 'name' }), 400, 'VALIDATION_FAILED', /sort/);
    await noCollectivityNamed([name]);
  });

  it('a 1 MB string is a 413 PAYLOAD_TOO_LARGE, a long one under the limit a 400 naming the field', async () => {
    const a = api(w);
    const mb = 'é'.repeat(1024 * 1024);
    refused(await t.http.post(a.items).send({ object: mb }), 413, 'PAYLOAD_TOO_LARGE');
    refused(await t.http.post('/api/collectivities').send({ kind: 'commune', name: mb, siren: '123456782', departementCode: '62' }), 413, 'PAYLOAD_TOO_LARGE');
    refused(await t.http.patch(a.session).send({ version: 1, place: 'x'.repeat(2 * 1024 * 1024) }), 413, 'PAYLOAD_TOO_LARGE');
    const long = 'x'.repeat(900 * 1024);
    refused(await t.http.post(a.items).send({ object: long }), 400, 'VALIDATION_FAILED', /^object: /);
    refused(await t.http.post(a.items).send({ object: 'POINT', reasonsMd: long }), 400, 'VALIDATION_FAILED', /^reasonsMd: /);
    refused(await t.http.post(a.proxies).send({ giverId: long, holderId: w.m[1] }), 400, 'VALIDATION_FAILED', /^giverId: /);
    refused(await t.http.put(a.attendance).send({ version: 1, entries: Array.from({ length: 10000 }, () => ({ memberId: w.m[0], status: 'present' })) }), 400, 'VALIDATION_FAILED', /entries/);
  });

  it('huge, fractional and negative numbers are refused, not stored nor crashed on', async () => {
    const a = api(w);
    const vote = (c: string) => send('post', a.vote(w.items[0]), `{"mode":"show_of_hands","counts":${c}}`);
    for (const c of ['{"pour":1e400,"contre":0,"abstention":0}', '{"pour":9007199254740993,"contre":0,"abstention":0}', '{"pour":1.5,"contre":0,"abstention":0}',
      '{"pour":4,"contre":-1,"abstention":1}', '{"pour":-4,"contre":0,"abstention":0}', '{"pour":4e5,"contre":0,"abstention":0}', '{"pour":4,"contre":0,"abstention":-0.0001}']) {
      refused(await vote(c), 400, 'VALIDATION_FAILED', /counts\.(pour|contre|abstention)/);
    }
    refused(await send('post', a.items, '{"object":"POINT","position":1e20}'), 400, 'VALIDATION_FAILED', /position/);
    refused(await send('post', a.items, '{"object":"POINT","seq":-3}'), 400, 'VALIDATION_FAILED', /seq/);
    refused(await send('patch', a.session, '{"version":-1,"place":"X"}'), 400, 'VALIDATION_FAILED', /version/);
    refused(await send('patch', a.session, '{"version":99999999999999999999,"place":"X"}'), null, null);
    refused(await send('patch', a.session, '{"version":2147483648,"place":"X"}'), 409, 'CONFLICT_STALE_VERSION');
    refused(await t.http.get('/api/collectivities').query({ pageSize: 1e9 }), 400, 'VALIDATION_FAILED', /pageSize/);
    refused(await t.http.get('/api/collectivities').query({ page: -1 }), 400, 'VALIDATION_FAILED', /page/);
    refused(await t.http.get('/api/collectivities').query({ page: '1e400' }), 400, 'VALIDATION_FAILED', /page/);
    for (const startsAt of ['0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2024-02-30T18:00:00Z', '2024-13-01T18:00:00Z']) {
      refused(await t.http.post(`${w.base}/sessions`).send({ bodyId: w.bodyId, startsAt }), 400, 'VALIDATION_FAILED', /startsAt|Invalid value/);
    }
    refused(await t.http.get(`${w.base}/bodies/${w.bodyId}/members`).query({ date: '2024-02-30' }), 400, 'VALIDATION_FAILED');
    refused(await t.http.get('/api/rule-profiles').query({ date: '2024-99-99' }), 400, 'VALIDATION_FAILED');
  });

  it('an empty body, null, or a body of the wrong kind is a 400', async () => {
    const a = api(w);
    for (const [method, path] of [['post', '/api/collectivities'], ['post', a.proxies], ['post', a.vote(w.items[0])], ['put', a.attendance], ['patch', a.session], ['post', a.changes]] as const) {
      refused(await t.http[method](path), 400, null, /./);
      refused(await send(method, path, ''), 400);
      refused(await send(method, path, '{}'), 400, 'VALIDATION_FAILED');
      for (const raw of ['null', '[]', '42', '"text"', 'true', '[{}]']) refused(await send(method, path, raw), 400);
    }
  });

  it('a wrong content type is a 4xx, never parsed as something else', async () => {
    const json = JSON.stringify({ giverId: w.m[5], holderId: w.m[1] });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream']) {
      refused(await send('post', api(w).proxies, type.startsWith('application/x-www') ? `giverId=${w.m[5]}&holderId=${w.m[1]}` : json, type));
    }
    refused(await send('post', api(w).proxies, json, 'application/json; charset=utf-16'));
    expect(ok(await t.http.get(api(w).proxies)).body.items).toEqual([]);
  });

  it('deeply nested JSON is refused without exhausting the stack', async () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const n of [40, 5000, 300000]) {
      refused(await send('post', api(w).vote(w.items[0]), `{"mode":"roll_call","ballots":${deep(n)}}`), 400, 'MALFORMED_REQUEST', /nested deeper than 32 levels/);
    }
    refused(await send('post', `${w.base}/members`, `{"civility":"M.","firstName":"A","lastName":"B","memberships":[${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}]}`),
      400, 'MALFORMED_REQUEST', /nested deeper/);
    refused(await t.http.get('/api/collectivities').query('page[a][b][c][d][e][f][g]=1'), 400, 'VALIDATION_FAILED', /page/);
  });
});

describe('fuzz: random JSON bodies on four endpoints', () => {
  const anything = fc.jsonValue({ maxDepth: 3 });
  const garbage = fc.oneof(anything, fc.constant(null), fc.string(), fc.integer(), fc.double());
  /** Objects made of the endpoint's own field names (and strangers), mostly holding plausible values, sometimes random ones. */
  const shaped = (fields: Record<string, fc.Arbitrary<unknown>>, requiredKeys: string[]) => fc.oneof(
    { arbitrary: anything, weight: 1 },
    { arbitrary: fc.dictionary(fc.constantFrom(...Object.keys(fields), 'extra', '__proto__', 'constructor'), anything, { maxKeys: 6 }), weight: 1 },
    {
      arbitrary: fc.record(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fc.oneof({ arbitrary: v, weight: 4 }, { arbitrary: garbage, weight: 1 })])), { requiredKeys }),
      weight: 3,
    },
  );
  const member = () => fc.constantFrom(...w.m, randomUUID());
  const present = () => fc.constantFrom(w.m[0], w.m[1], w.m[2], w.m[3]);
  const item = () => fc.constantFrom(...w.items, randomUUID());
  const int = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.integer(), fc.constant(1e300));

  /** No generated body can be lawful: invalid département codes, present givers, arrivals of present members, no quorum. */
  // Each endpoint names the codes of its rules and a body that reaches them: the run must get past validation into them.
  const endpoints: [string, 'post', () => string, () => fc.Arbitrary<unknown>, RegExp, () => object][] = [
    ['collectivities', 'post', () => '/api/collectivities', () => shaped({
      kind: fc.constantFrom('commune', 'metropole', 'COMMUNE'), name: fc.string(), siren: fc.stringMatching(/^\d{9}$/), departementCode: fc.constantFrom('2C', '975x', '6', ''),
    }, ['kind', 'name', 'siren', 'departementCode']), /^VALIDATION_FAILED$/,
    () => ({ kind: 'commune', name: `FUZZ ${randomUUID()}`, siren: '123456789', departementCode: '2C' })],
    ['proxies', 'post', () => api(w).proxies, () => shaped({
      giverId: present(), holderId: member(), fromItemId: item(), untilItemId: item(), followingSessionIds: fc.array(fc.uuid(), { maxLength: 4 }),
      illness: fc.boolean(), signedOn: fc.constantFrom('2024-03-01', '2024-02-30', 'hier'),
    }, ['giverId', 'holderId']), /^(PROXY_.*|NOT_FOUND|ITEM_POSITION_INVALID)$/,
    () => ({ giverId: w.m[0], holderId: w.m[1] })],
    ['vote', 'post', () => api(w).vote(w.items[0]), () => shaped({
      mode: fc.constantFrom('show_of_hands', 'roll_call', 'secret', 'election'), counts: fc.record({ pour: int, contre: int, abstention: int }),
      ballots: fc.array(fc.record({ voterId: member(), onBehalfOfId: member(), choice: fc.constantFrom('pour', 'contre', 'abstention', 'nspp') }, { requiredKeys: ['voterId'] }), { maxLength: 10 }),
      presidentChoice: fc.constantFrom('pour', 'contre', 'abstention', 'blanc'),
    }, ['mode']), /^(QUORUM_NOT_MET|VOTE_MODE_INVALID)$/, () => ({ mode: 'show_of_hands', counts: { pour: 4, contre: 0, abstention: 0 } })],
    ['attendance-changes', 'post', () => api(w).changes, () => shaped({ memberId: present(), kind: fc.constantFrom('arrival', 'arrivée'), fromItemId: item() }, ['memberId', 'kind', 'fromItemId']),
      /^ATTENDANCE_CHANGE_INVALID$/, () => ({ memberId: w.m[1], kind: 'arrival', fromItemId: w.items[0] })],
  ];

  for (const [name, method, path, body, ruleCodes, example] of endpoints) {
    it(`${name}: 100 random bodies, each a 4xx with a code and a message`, async () => {
      const names: unknown[] = [];
      const codes = new Set<string>();
      await fc.assert(fc.asyncProperty(body(), async (b) => {
        if (b && typeof b === 'object' && 'name' in b) names.push((b as { name: unknown }).name);
        const res = await t.http[method](path()).set('Content-Type', 'application/json').send(JSON.stringify(b));
        refused(res);
        codes.add(res.body.code);
      }), { numRuns: 100, examples: [[example()]], ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}) });
      await noCollectivityNamed(names);
      expect([...codes].filter((c) => ruleCodes.test(c))).not.toEqual([]);
    });
  }
});

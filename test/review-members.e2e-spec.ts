// Review: a member holds one seat at a time in a body. A second, overlapping membership would make him
// count twice among the members in office, and every computation of the body's sessions would fail.
import { api, buildWorld, createMember, expectError, fingerprint, ok, transition } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

describe('memberships of one member in one body', () => {
  it('an overlapping period is refused with DUPLICATE and changes nothing', async () => {
    const w = await buildWorld(t);
    const before = await fingerprint(t, w.cid);
    for (const period of [{ startDate: '2021-01-01' }, { startDate: '2019-01-01', endDate: '2020-01-01' }, { startDate: '2019-01-01' }]) {
      const res = await t.http.post(`${w.base}/members/${w.m[2]}/memberships`).send({ bodyId: w.bodyId, seat: 'titulaire', ...period });
      expectError(res, 409, 'DUPLICATE', /overlaps/);
    }
    expect(await fingerprint(t, w.cid)).toEqual(before);
    const state = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(state.attendance.inOffice).toBe(9);
  });

  it('overlapping memberships in one creation request are refused too', async () => {
    const w = await buildWorld(t, { items: 0, open: false });
    const res = await t.http.post(`${w.base}/members`).send({
      civility: 'M.', firstName: 'Jean', lastName: 'DOUBLE',
      memberships: [{ bodyId: w.bodyId, seat: 'titulaire', startDate: '2020-01-01' }, { bodyId: w.bodyId, seat: 'titulaire', startDate: '2022-06-01' }],
    });
    expectError(res, 409, 'DUPLICATE', /overlaps/);
    const members = ok(await t.http.get(`${w.base}/members?pageSize=200`)).body.items;
    expect(members.map((m: { lastName: string }) => m.lastName)).not.toContain('DOUBLE');
  });

  it('successive periods, and seats in other bodies, are accepted', async () => {
    const w = await buildWorld(t, { items: 0, open: false });
    ok(await t.http.post(`${w.base}/members/${w.m[2]}/memberships`).send({ bodyId: w.bodyId, seat: 'titulaire', startDate: '2014-04-01', endDate: '2019-12-31' }));
    const other = ok(await t.http.post(`${w.base}/bodies`).send({ kind: 'bureau', name: 'Bureau', ruleProfile: 'commune' })).body;
    ok(await t.http.post(`${w.base}/members/${w.m[2]}/memberships`).send({ bodyId: other.id, seat: 'titulaire', startDate: '2020-01-01' }));
    const inOffice = ok(await t.http.get(`${w.base}/bodies/${w.bodyId}/members?date=2024-03-11`)).body;
    expect(inOffice.inOffice).toBe(9);
  });

  it('two overlapping memberships sent at once: one 201, one 409', async () => {
    const w = await buildWorld(t, { items: 0, open: false });
    const id = await createMember(t, w.cid, 77, []);
    const res = await Promise.all(['2020-01-01', '2021-01-01'].map((startDate) =>
      t.http.post(`${w.base}/members/${id}/memberships`).send({ bodyId: w.bodyId, seat: 'titulaire', startDate })));
    expect(res.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM membership WHERE member_id = $1`, [id]);
    expect(rows[0].n).toBe(1);
  });
});

describe('"today" is the date in Paris', () => {
  const onlyDate = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback',
    'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;
  afterEach(() => jest.useRealTimers());

  it('members in office and rule profiles default to the Paris date, not the UTC one', async () => {
    const w = await buildWorld(t, { items: 0, open: false });
    // 22:30 UTC on 31 March 2024 is 00:30 on 1 April in Paris.
    jest.useFakeTimers({ doNotFake: [...onlyDate], now: new Date('2024-03-31T22:30:00Z') });
    expect(ok(await t.http.get(`${w.base}/bodies/${w.bodyId}/members`)).body.date).toBe('2024-04-01');
    expect(ok(await t.http.get('/api/rule-profiles')).body.date).toBe('2024-04-01');
  });
});

describe('a new seat in the period of a session on record', () => {
  it('is refused when the session has voted, or is closed; accepted from the next day on', async () => {
    const w = await buildWorld(t);
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    const late = await createMember(t, w.cid, 88, []);
    let before = await fingerprint(t, w.cid);
    expectError(await t.http.post(`${w.base}/members/${late}/memberships`).send({ bodyId: w.bodyId, seat: 'titulaire', startDate: '2024-03-11' }), 409, 'ITEM_ALREADY_VOTED', /members in office/);
    expect(await fingerprint(t, w.cid)).toEqual(before);
    await transition(w, w.sessionId, 'closed');
    before = await fingerprint(t, w.cid);
    expectError(await t.http.post(`${w.base}/members/${late}/memberships`).send({ bodyId: w.bodyId, seat: 'titulaire', startDate: '2022-01-01', endDate: '2024-12-31' }), 409, 'SESSION_CLOSED', /members in office/);
    expect(await fingerprint(t, w.cid)).toEqual(before);
    ok(await t.http.post(`${w.base}/members/${late}/memberships`).send({ bodyId: w.bodyId, seat: 'titulaire', startDate: '2024-03-12' }));
    expect(ok(await t.http.get(api(w).state(w.items[1]))).body.attendance.inOffice).toBe(9);
  });
});

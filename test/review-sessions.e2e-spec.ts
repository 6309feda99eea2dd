// Review: the facts of a session that its acts print, or that decide the quorum, cannot be edited
// under the votes already taken; a date is only accepted with its offset.
import { api, buildWorld, createSession, expectError, failedFirstConvocation, ok, World, refused } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const session = async (w: World) => ok(await t.http.get(api(w).session)).body;
const counts = (pour: number) => ({ mode: 'show_of_hands', counts: { pour, contre: 0, abstention: 0 } });

describe('second convocation (L2121-17)', () => {
  const fourPresent = ['present', 'present', 'present', 'present', 'excused', 'excused', 'excused', 'absent', 'absent'] as const;

  it('cannot be switched on once the session is open, to vote without the quorum', async () => {
    const w = await buildWorld(t, { attendance: [...fourPresent] });
    const firstConvocationSessionId = await failedFirstConvocation(w, '2024-03-04T18:30:00+01:00');
    const s = await session(w);
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, secondConvocation: true, firstConvocationSessionId }), 409, 'SESSION_TRANSITION_INVALID', /secondConvocation.*open/);
    expectError(await t.http.post(api(w).vote(w.items[0])).send(counts(4)), 422, 'QUORUM_NOT_MET');
  });

  it('is still set before the session opens, naming the failed first convocation', async () => {
    const w = await buildWorld(t, { attendance: [...fourPresent], open: false });
    const firstConvocationSessionId = await failedFirstConvocation(w, '2024-03-04T18:30:00+01:00');
    const s = await session(w);
    expect(ok(await t.http.patch(api(w).session).send({ version: s.version, secondConvocation: true, firstConvocationSessionId })).body)
      .toMatchObject({ secondConvocation: true, firstConvocationSessionId });
  });
});

describe('a session with a voted item', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(t);
    ok(await t.http.post(api(w).vote(w.items[0])).send(counts(7)));
  });

  it.each([
    ['startsAt', { startsAt: '2024-03-12T18:30:00+01:00' }],
    ['place', { place: 'Ailleurs' }],
    ['convocationDate', { convocationDate: '2024-03-01' }],
    ['presidentId', { presidentId: 'm2' }],
    ['secretaryIds', { secretaryIds: ['m3'] }],
  ])('refuses a change of %s: the voted act prints it', async (field, change) => {
    const s = await session(w);
    const body: Record<string, unknown> = { version: s.version, ...change };
    if (body.presidentId === 'm2') body.presidentId = w.m[2];
    if (Array.isArray(body.secretaryIds)) body.secretaryIds = [w.m[3]];
    await refused(w, () => t.http.patch(api(w).session).send(body), 409, 'ITEM_ALREADY_VOTED', new RegExp(field));
  });

  it('accepts the same values again (nothing changes)', async () => {
    const s = await session(w);
    const res = ok(await t.http.patch(api(w).session).send({ version: s.version, presidentId: w.m[0], secretaryIds: [w.m[1]], startsAt: s.startsAt }));
    expect(res.body.version).toBe(s.version + 1);
  });
});

describe('moving a session before a vote', () => {
  it('is refused when the attendance recorded no longer fits the members in office on the new date', async () => {
    const w = await buildWorld(t, { open: false });
    const s = await session(w);
    // Members are in office from 2020-01-01: on 2019-06-03 nobody is, yet the attendance names them.
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, startsAt: '2019-06-03T18:30:00+02:00', convocationDate: '2019-05-27' }), 422, 'ATTENDANCE_NOT_MEMBER', /not in office/);
    ok(await t.http.get(api(w).state(w.items[0])));
  });
});

describe('a session postponed before any vote', () => {
  it('renumbers its items from the new date ({yy}-{mm}-{seq}), with a new sequence in a new year', async () => {
    const w = await buildWorld(t, { open: false });
    const numbers = async () => ok(await t.http.get(api(w).items)).body.items.map((i: { number: string }) => i.number);
    expect(await numbers()).toEqual(['24-03-1', '24-03-2', '24-03-3']);
    let s = await session(w);
    ok(await t.http.patch(api(w).session).send({ version: s.version, startsAt: '2024-04-08T18:30:00+02:00' }));
    expect(await numbers()).toEqual(['24-04-1', '24-04-2', '24-04-3']);
    s = await session(w);
    ok(await t.http.patch(api(w).session).send({ version: s.version, startsAt: '2025-01-13T18:30:00+01:00' }));
    expect(await numbers()).toEqual(['25-01-1', '25-01-2', '25-01-3']);
    const items = ok(await t.http.get(api(w).items)).body.items;
    expect(items.map((i: { year: number }) => i.year)).toEqual([2025, 2025, 2025]);
    // The 2024 sequence is not reused: a new 2024 session numbers on from 4.
    const other = await createSession(w, '2024-06-10T18:30:00+02:00');
    expect(ok(await t.http.post(`${w.base}/sessions/${other.id}/items`).send({ object: 'JUIN' })).body.number).toBe('24-06-4');
  });
});

describe('startsAt (sessions are judged on their Europe/Paris date)', () => {
  it.each(['2024-03-11T18:30:00', '2024-03-11T18:30', '2024-03-11', '2019-W40-1', '2019-273', '20240311T183000Z'])(
    'refuses %s: a date and time with an explicit offset is required', async (startsAt) => {
      const w = await buildWorld(t, { items: 0, open: false });
      await refused(w, () => t.http.post(`${w.base}/sessions`).send({ bodyId: w.bodyId, startsAt }), 400, 'VALIDATION_FAILED', /startsAt/);
      const s = await session(w);
      await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, startsAt }), 400, 'VALIDATION_FAILED', /startsAt/);
    });

  it('accepts Z and ±hh:mm offsets, and judges the local date in Paris', async () => {
    const w = await buildWorld(t, { items: 0, open: false });
    // 23:30 UTC on 31 March 2024 is already 1 April in Paris (summer time).
    const s = await createSession(w, '2024-03-31T23:30:00Z');
    expect(s).toMatchObject({ localDate: '2024-04-01', localTime: '01:30' });
    expect(await createSession(w, '2024-03-11T18:30:00.000+01:00')).toMatchObject({ localDate: '2024-03-11', localTime: '18:30' });
  });
});

describe('null where a session field has no null', () => {
  it.each(['presidentId', 'secretaryIds', 'secondConvocation', 'firstConvocationSessionId', 'startsAt'])('%s: null is a 400 naming the field, not a 500', async (field) => {
    const w = await buildWorld(t, { items: 0, open: false });
    const s = await session(w);
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, [field]: null }), 400, 'VALIDATION_FAILED', new RegExp(field));
    await refused(w, () => t.http.post(`${w.base}/sessions`).send({ bodyId: w.bodyId, startsAt: '2024-05-06T18:30:00+02:00', [field]: null }), 400, 'VALIDATION_FAILED', new RegExp(field));
  });
});

describe('convocation date', () => {
  it('after the session is refused, on creation and when either date changes', async () => {
    const w = await buildWorld(t, { items: 0, open: false });
    await refused(w, () => t.http.post(`${w.base}/sessions`).send({ bodyId: w.bodyId, startsAt: '2024-05-06T18:30:00+02:00', convocationDate: '2024-05-07' }), 400, 'VALIDATION_FAILED', /convocationDate.*after the session/);
    let s = await session(w);
    expect(s).toMatchObject({ localDate: '2024-03-11', convocationDate: '2024-03-04' });
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, convocationDate: '2024-03-12' }), 400, 'VALIDATION_FAILED', /convocationDate/);
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, startsAt: '2024-03-01T18:30:00+01:00' }), 400, 'VALIDATION_FAILED', /convocationDate/);
    ok(await t.http.patch(api(w).session).send({ version: s.version, convocationDate: '2024-03-07' }));
    s = await session(w);
    expect(s.convocationDate).toBe('2024-03-07');
  });

  it('gives three clear days of notice under 3,500 inhabitants, five from 3,500, one at least in urgency (L2121-11, L2121-12)', async () => {
    const w = await buildWorld(t, { items: 0, open: false });
    let s = await session(w);
    // Monday 11 March: convened on Friday 8, two clear days (9, 10).
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, convocationDate: '2024-03-08' }), 422, 'CONVOCATION_NOTICE_TOO_SHORT', /2 clear day\(s\), 3 needed \(L2121-11\)/);
    ok(await t.http.patch(`${w.base}`).send({ population: 4200 }));
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, convocationDate: '2024-03-06' }), 422, 'CONVOCATION_NOTICE_TOO_SHORT', /4 clear day\(s\), 5 needed \(L2121-12\)/);
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, convocationDate: '2024-03-10', urgency: true }), 422, 'CONVOCATION_NOTICE_TOO_SHORT', /even in urgency one clear day/);
    ok(await t.http.patch(api(w).session).send({ version: s.version, convocationDate: '2024-03-09', urgency: true }));
    s = await session(w);
    expect(s).toMatchObject({ convocationDate: '2024-03-09', urgency: true });
  });
});

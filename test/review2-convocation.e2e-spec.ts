// Review 2 of the second convocation: it follows a first convocation duly made (L2121-17), so a session cancelled
// before it was ever convened is none; départements and régions meet of right three days later (L3121-14, L4132-13).
import { buildWorld, createSession, failedFirstConvocation, ok, Profile, putAttendance, refused, transition, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const MONDAY = '2024-03-04T18:30:00+01:00';
const WEDNESDAY = '2024-03-06T18:30:00+01:00';
const THURSDAY = '2024-03-07T18:30:00+01:00';
const FRIDAY = '2024-03-08T18:30:00+01:00';
const world = (profile: Profile = 'commune') => buildWorld(t, { profile, items: 0, open: false });
const post = (w: World, startsAt: string, firstConvocationSessionId: string) =>
  t.http.post(`${w.base}/sessions`).send({ bodyId: w.bodyId, startsAt, presidentId: w.m[0], secondConvocation: true, firstConvocationSessionId });

describe('the first convocation was made', () => {
  it('a session cancelled while still planned was never convened: no second convocation follows it', async () => {
    const w = await world();
    const s = await createSession(w, MONDAY, { presidentId: w.m[0] });
    ok(await putAttendance(w, s.id, w.m.map((id, i) => ({ memberId: id, status: i < 1 ? 'present' : 'absent' }))));
    await transition(w, s.id, 'cancelled');
    const res = await refused(w, () => post(w, FRIDAY, s.id), 422, 'SECOND_CONVOCATION_INVALID', /never convened.*L2121-17/);
    expect(res.body.details).toMatchObject({ rule: 'first_convened', field: 'firstConvocationSessionId' });
    // Convened, then cancelled for want of quorum: the first convocation was made.
    const convened = await createSession(w, MONDAY, { presidentId: w.m[0] });
    ok(await putAttendance(w, convened.id, w.m.map((id, i) => ({ memberId: id, status: i < 1 ? 'present' : 'absent' }))));
    for (const to of ['convened', 'cancelled']) await transition(w, convened.id, to);
    ok(await post(w, FRIDAY, convened.id));
  });
});

describe('départements and régions: "la réunion se tient de plein droit trois jours plus tard"', () => {
  it.each<[Profile, string]>([['departement', 'L3121-14'], ['region', 'L4132-13']])('%s: Thursday after a failed Monday is accepted, Wednesday refused', async (profile, article) => {
    const w = await world(profile);
    const first = await failedFirstConvocation(w, MONDAY);
    await refused(w, () => post(w, WEDNESDAY, first), 422, 'SECOND_CONVOCATION_INVALID', new RegExp(`three days later \\(${article}\\).*2 days apart, at least 3`));
    expect(ok(await post(w, THURSDAY, first)).body).toMatchObject({ secondConvocation: true, firstConvocationSessionId: first, localDate: '2024-03-07' });
  });

  it('a commune still needs three clear days: Thursday refused', async () => {
    const w = await world();
    const first = await failedFirstConvocation(w, MONDAY);
    await refused(w, () => post(w, THURSDAY, first), 422, 'SECOND_CONVOCATION_INVALID', /three clear days.*L2121-17/);
  });
});

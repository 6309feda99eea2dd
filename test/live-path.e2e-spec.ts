// The fast live path (issue 7, point 2): a session's record computed once per version and reused while the version
// holds, the version moved by the database at every change whoever made it, and gestures that carry the version
// they were made on, refused only when a change since touches the same member, proxy or vote.
import * as sessionContext from '../src/register/session-context';
import { RecordCache } from '../src/register/record-cache';
import { api, buildWorld, expectError, fingerprint, ok, refused, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

describe('the live path', () => {
  let t: TestApp;
  beforeAll(async () => { t = await bootTestApp(); }, 60_000);
  afterAll(() => t?.close());

  const state = async (w: World, item: string) => ok(await t.http.get(api(w).state(item))).body;
  const attendance = async (w: World) => ok(await t.http.get(api(w).attendance)).body;
  /** Every item's state and the attendance as served (cached), then as computed afresh: they must be equal. */
  async function servedEqualsFresh(w: World): Promise<void> {
    const served = { items: await Promise.all(w.items.map((i) => state(w, i))), attendance: await attendance(w) };
    t.app.get(RecordCache).clear();
    const fresh = { items: await Promise.all(w.items.map((i) => state(w, i))), attendance: await attendance(w) };
    expect(served).toEqual(fresh);
  }

  it('serves after each gesture what a fresh computation gives, and moves the version once per gesture', async () => {
    const w = await buildWorld(t, { members: 9, items: 3 });
    await servedEqualsFresh(w);
    let { version } = await attendance(w);
    const steps: [string, object][] = [
      [api(w).changes, { memberId: w.m[1], kind: 'departure', fromItemId: w.items[1], atTime: '19:05' }],
      [api(w).changes, { memberId: w.m[7], kind: 'arrival', fromItemId: w.items[0] }],
      [api(w).proxies, { giverId: w.m[8], holderId: w.m[2] }],
      [api(w).changes, { memberId: w.m[1], kind: 'arrival', fromItemId: w.items[2] }],
      [api(w).vote(w.items[0]), { mode: 'show_of_hands', counts: 'all pour' }],
      [api(w).changes, { memberId: w.m[3], kind: 'departure', fromItemId: w.items[1] }],
    ];
    for (const [path, body] of steps) {
      // Read first, so that the gesture is judged against a cached record, as on a live console.
      await state(w, w.items[2]);
      const voters = (await state(w, w.items[0])).attendance.voters;
      const sent = 'counts' in body ? { ...body, counts: { pour: voters, contre: 0, abstention: 0 } } : body;
      const res = ok(await t.http.post(path).send({ ...sent, version }));
      const next = res.body.version ?? res.body.session?.version;
      expect({ path, next }).toEqual({ path, next: version + 1 });
      version = next;
      if (path === api(w).changes) {
        // An arrival or departure answers the change written, as the attendance then lists it, and the new version.
        const { atTime, ...rest } = body as { atTime?: string };
        expect(res.body).toMatchObject({ id: expect.any(String), ...rest, atTime: atTime ? `${atTime}:00` : null });
        const { version: _v, ...change } = res.body;
        expect((await attendance(w)).changes).toContainEqual(change);
      }
      await servedEqualsFresh(w);
    }
  }, 120_000);

  it('reads an unchanged session without loading it again, and a changed one once', async () => {
    const w = await buildWorld(t, { members: 6, items: 2 });
    await state(w, w.items[0]);
    const loads = jest.spyOn(sessionContext, 'loadSessionContext');
    try {
      for (let i = 0; i < 5; i++) await state(w, w.items[i % 2]);
      await attendance(w);
      expect(loads).toHaveBeenCalledTimes(0);
      // A gesture leaves the next version's record ready: the reads after it load nothing either.
      ok(await t.http.post(api(w).changes).send({ memberId: w.m[1], kind: 'departure', fromItemId: w.items[1] }));
      const locks = loads.mock.calls.length;
      await state(w, w.items[1]);
      await attendance(w);
      expect(loads).toHaveBeenCalledTimes(locks);
      // The state is tagged with its version: a client holding the tag gets 304, until the next change.
      const tagged = ok(await t.http.get(api(w).state(w.items[1])));
      expect(tagged.headers['content-type']).toMatch(/^application\/json/);
      const etag = tagged.headers.etag;
      expect((await t.http.get(api(w).state(w.items[1])).set('If-None-Match', etag)).status).toBe(304);
      ok(await t.http.post(api(w).changes).send({ memberId: w.m[2], kind: 'departure', fromItemId: w.items[0] }));
      const changed = await t.http.get(api(w).state(w.items[1])).set('If-None-Match', etag);
      expect([changed.status, changed.headers.etag === etag]).toEqual([200, false]);
    } finally {
      loads.mockRestore();
    }
  }, 60_000);

  it('sees a change made elsewhere (another instance, raw SQL): the database moves the version, not the app', async () => {
    const w = await buildWorld(t, { members: 6, items: 2 });
    const before = await state(w, w.items[1]);
    expect(before.attendance.present.map((p: { member: { id: string } }) => p.member.id)).toContain(w.m[1]);
    // Written past the app, as another instance (or an operator) would: the cache of this one cannot know.
    await t.db.query(
      `INSERT INTO attendance_change (collectivity_id, session_id, member_id, kind, from_item_id) VALUES ($1, $2, $3, 'departure', $4)`,
      [w.cid, w.sessionId, w.m[1], w.items[1]],
    );
    const after = await state(w, w.items[1]);
    expect(after.session.version).toBe(before.session.version + 1);
    expect(after.attendance.present.map((p: { member: { id: string } }) => p.member.id)).not.toContain(w.m[1]);
    // A member renamed: every record of the collectivity reads it (the collectivity's own counter).
    await t.db.query(`UPDATE member SET last_name = 'RENOMMÉ' WHERE id = $1`, [w.m[2]]);
    const renamed = await state(w, w.items[1]);
    expect(renamed.attendance.present.find((p: { member: { id: string } }) => p.member.id === w.m[2]).member.lastName).toBe('RENOMMÉ');
    await servedEqualsFresh(w);
  }, 60_000);

  it('applies a gesture made on an older version when nothing since touches its member; refuses it (409, current state, nothing written) otherwise', async () => {
    const w = await buildWorld(t, { members: 9, items: 3 });
    const { version: v0 } = await attendance(w);
    // Two clerks on version v0: the first records m[1]'s departure, the second m[2]'s (another member): both applied.
    const first = ok(await t.http.post(api(w).changes).send({ memberId: w.m[1], kind: 'departure', fromItemId: w.items[1], version: v0 }));
    const second = ok(await t.http.post(api(w).changes).send({ memberId: w.m[2], kind: 'departure', fromItemId: w.items[2], version: v0 }));
    expect([first.body.version, second.body.version]).toEqual([v0 + 1, v0 + 2]);
    // A gesture on v0 about m[1] again: refused, with the state as it is now.
    const res = await refused(w, () => t.http.post(api(w).changes).send({ memberId: w.m[1], kind: 'arrival', fromItemId: w.items[2], version: v0 }),
      409, 'GESTURE_CONFLICT', /version 1?\d+ changed the same member, proxy or vote/);
    expect(res.body.details).toMatchObject({ version: v0 + 2, made: v0, conflict: { version: v0 + 1, members: [w.m[1]] } });
    expect(res.body.details.state.changes.map((c: { memberId: string }) => c.memberId).sort()).toEqual([w.m[1], w.m[2]].sort());
    // A proxy whose holder was touched since: refused; one between untouched members: applied.
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[8], holderId: w.m[2], version: v0 + 1 }), 409, 'GESTURE_CONFLICT', /changed/);
    const proxy = ok(await t.http.post(api(w).proxies).send({ giverId: w.m[8], holderId: w.m[3], version: v0 + 1 }));
    expect(proxy.body.version).toBe(v0 + 3);
    // Then an arrival of the proxy's giver made on the version before it: refused.
    await refused(w, () => t.http.post(api(w).changes).send({ memberId: w.m[8], kind: 'arrival', fromItemId: w.items[2], version: v0 + 2 }), 409, 'GESTURE_CONFLICT', /changed/);
    // A vote on an item whose vote changed since (here: recorded by the other clerk) is refused as a conflict.
    const vote = { mode: 'show_of_hands', counts: { pour: (await state(w, w.items[0])).attendance.voters, contre: 0, abstention: 0 } };
    ok(await t.http.post(api(w).vote(w.items[0])).send({ ...vote, version: v0 + 3 }));
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send({ ...vote, version: v0 + 3 }), 409, 'GESTURE_CONFLICT', /changed/);
    // A version from the future names the field.
    const future = await t.http.post(api(w).changes).send({ memberId: w.m[4], kind: 'departure', fromItemId: w.items[2], version: v0 + 100 });
    expectError(future, 400, 'VALIDATION_FAILED', /version: the session is at version/);
  }, 60_000);

  it('moves the version once when a change of the session itself touches everything: a gesture on the version before is refused', async () => {
    const w = await buildWorld(t, { members: 6, items: 2 });
    const { version } = await attendance(w);
    const before = await fingerprint(t, w.cid);
    ok(await t.http.patch(api(w).session).send({ place: 'Salle du conseil, 2e étage', version }));
    expect(await fingerprint(t, w.cid)).not.toEqual(before);
    const res = await t.http.post(api(w).changes).send({ memberId: w.m[1], kind: 'departure', fromItemId: w.items[1], version });
    expectError(res, 409, 'GESTURE_CONFLICT', /changed the session/);
    expect((await attendance(w)).version).toBe(version + 1);
  }, 60_000);

  it('a gesture whose opening (with the lock) fails is rolled back, and leaves no connection in a broken transaction', async () => {
    const w = await buildWorld(t, { members: 9, items: 2 });
    const { version, openingState } = await attendance(w);
    const present: string[] = openingState.present.map((p: { member: { id: string } }) => p.member.id).slice(0, 6);
    expect(present).toHaveLength(6);
    // Another transaction holds the session; the gesture waits in its opening message and is cancelled there.
    const holder = t.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT 1 FROM session WHERE id = $1 FOR UPDATE`, [w.sessionId]);
    const gesture = t.http.post(api(w).changes).send({ memberId: present[0], kind: 'departure', fromItemId: w.items[1], version }).then((r) => r);
    let cancelled = 0;
    for (const deadline = Date.now() + 10_000; !cancelled && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      const rows: { ok: boolean }[] = await t.db.query(
        `SELECT pg_cancel_backend(pid) AS ok FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF s%' AND pid <> pg_backend_pid()`,
      );
      cancelled = rows.filter((r) => r.ok).length;
    }
    expect(cancelled).toBe(1);
    const res = await gesture;
    expect(res.status).toBeGreaterThanOrEqual(400);
    await holder.rollbackTransaction();
    await holder.release();
    expect((await attendance(w)).version).toBe(version);
    // Every connection of the pool is clean: more gestures than connections all pass.
    let v = version;
    for (let i = 0; i < 12; i++) {
      const [kind, item] = i < 6 ? ['departure', w.items[0]] : ['arrival', w.items[1]];
      const step = ok(await t.http.post(api(w).changes).send({ memberId: present[i % 6], kind, fromItemId: item, version: v }));
      v = step.body.version;
    }
    expect(v).toBe(version + 12);
  }, 60_000);
});

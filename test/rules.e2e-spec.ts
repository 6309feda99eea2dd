// Every rule of issue 2 point 5 over HTTP: the offending request is refused with its own code, a message
// naming the rule, and nothing in the register changes (fingerprint of every tenant table, and the API).
import type { Response } from 'supertest';
import { api, buildWorld, createMember, createSession, expectError, fingerprint, ok, putAttendance, transition, World, refused } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const proxies = async (w: World) => ok(await t.http.get(api(w).proxies)).body.items;
const itemStatus = async (w: World, id: string) => ok(await t.http.get(api(w).item(id))).body.status;
const voteRows = async (w: World) => (await t.db.query(`SELECT count(*)::int AS n FROM vote WHERE collectivity_id = $1`, [w.cid]))[0].n;
const counts = (pour: number, contre: number, abstention: number) => ({ mode: 'show_of_hands', counts: { pour, contre, abstention } });
// Commune, 9 in office: m0..m6 present (m0 presides), m7 and m8 excused; 7 voters, quorum 5.

describe('proxies (L2121-20)', () => {
  it('PROXY_TO_SELF: a member cannot name himself', async () => {
    const w = await buildWorld(t);
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[7] }), 422, 'PROXY_TO_SELF', /himself/);
    expect(await proxies(w)).toEqual([]);
  });

  it('PROXY_HOLDER_NOT_MEMBER: a member of the collectivity outside the body, or an unknown id', async () => {
    const w = await buildWorld(t);
    const outsider = await createMember(t, w.cid, 99, []);
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: outsider }), 422, 'PROXY_HOLDER_NOT_MEMBER', new RegExp(`Holder ${outsider} is not a member`));
    const unknown = '3f1c7a52-9a0e-4a53-9d0c-3b3b7c1d2e4f';
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: unknown }), 422, 'PROXY_HOLDER_NOT_MEMBER', new RegExp(`Holder ${unknown}`));
    expect(await proxies(w)).toEqual([]);
  });

  it('PROXY_HOLDER_ABSENT: the holder must be present to use it', async () => {
    const w = await buildWorld(t);
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[8] }), 422, 'PROXY_HOLDER_ABSENT', /Holder .*NOM008.* is not present/);
    expect(await proxies(w)).toEqual([]);
  });

  it('PROXY_GIVER_PRESENT: a proxy is void while its giver is present', async () => {
    const w = await buildWorld(t);
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[3], holderId: w.m[4] }), 422, 'PROXY_GIVER_PRESENT', /Giver .*NOM003.* is present/);
    expect(await proxies(w)).toEqual([]);
  });

  it('PROXY_HOLDER_ALREADY_HOLDS: one proxy per holder under the commune profile', async () => {
    const w = await buildWorld(t);
    const first = ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[1] })).body;
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[8], holderId: w.m[1] }), 422, 'PROXY_HOLDER_ALREADY_HOLDS', /already holds a proxy.*limit 1/);
    expect((await proxies(w)).map((p: { id: string }) => p.id)).toEqual([first.id]);
    const state = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(state.attendance.represented.map((r: any) => [r.giver.id, r.holder.id])).toEqual([[w.m[7], w.m[1]]]);
    expect(state.attendance.voters).toBe(8);
  });

  it('PROXY_CHAIN: a holder who leaves cannot pass on the proxy he holds, nor an arriving giver take one', async () => {
    const w = await buildWorld(t, { members: 11, attendance: [...Array(8).fill('present'), 'excused', 'excused', 'excused'] });
    const held = ok(await t.http.post(api(w).proxies).send({ giverId: w.m[8], holderId: w.m[1] })).body;
    // m1 holds m8's proxy for the whole session, then leaves from item 2: he cannot hand it on.
    ok(await t.http.post(api(w).changes).send({ memberId: w.m[1], kind: 'departure', fromItemId: w.items[1] }));
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[1], holderId: w.m[2], fromItemId: w.items[1] }), 422, 'PROXY_CHAIN', /chained: giver .*NOM001.* holds a proxy/);
    // m8 arrives at item 3: his own proxy lapses there, but he cannot hold one over items where he still gives his.
    ok(await t.http.post(api(w).changes).send({ memberId: w.m[8], kind: 'arrival', fromItemId: w.items[2] }));
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[9], holderId: w.m[8], fromItemId: w.items[2] }), 422, 'PROXY_CHAIN', /chained: holder .*NOM008.* gives/);
    expect((await proxies(w)).map((p: { id: string }) => p.id)).toEqual([held.id]);
  });

  it('PROXY_TOO_MANY_SESSIONS: at most three consecutive sessions, unless illness', async () => {
    const w = await buildWorld(t);
    const next: string[] = [];
    for (const d of ['2024-04-08', '2024-05-13', '2024-06-10']) next.push((await createSession(w, `${d}T18:30:00+02:00`, { presidentId: w.m[0] })).id);
    await refused(w, () => t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[1], followingSessionIds: next }), 422, 'PROXY_TOO_MANY_SESSIONS', /at most 3 consecutive session.*covers 4/);
    expect(await proxies(w)).toEqual([]);
    // Three sessions in all is the limit, not beyond it.
    ok(await t.http.post(api(w).proxies).send({ giverId: w.m[8], holderId: w.m[2], followingSessionIds: next.slice(0, 2) }));
    // "Sauf maladie dûment constatée": the same four-session proxy is accepted.
    const ill = ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[1], followingSessionIds: next, illness: true })).body;
    expect(ill.sessionIds).toEqual([w.sessionId, ...next]);
    const links = await t.db.query(`SELECT session_id FROM proxy_session WHERE proxy_id = $1`, [ill.id]);
    expect(links.map((l: { session_id: string }) => l.session_id).sort()).toEqual([w.sessionId, ...next].sort());
  });
});

describe('votes (L2121-17, L2121-20, L2121-21, L2131-11)', () => {
  it('QUORUM_NOT_MET: 4 present of 9 cannot deliberate; the same vote passes on a second convocation, on the item carried over', async () => {
    const attendance = ['present', 'present', 'present', 'present', 'excused', 'excused', 'excused', 'absent', 'absent'] as const;
    const w = await buildWorld(t, { attendance: [...attendance] });
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(counts(4, 0, 0)), 422, 'QUORUM_NOT_MET', /Quorum not met at item 1: 4 counted.*5 needed/);
    expect(await itemStatus(w, w.items[0])).toBe('draft');
    expect(await voteRows(w)).toBe(0);

    // The item is created on the failed first convocation and carried over: the waiver covers the same agenda only.
    const second = await buildWorld(t, { attendance: [...attendance], secondConvocation: true });
    const res = ok(await t.http.post(api(second).vote(second.items[0])).send(counts(4, 0, 0)));
    expect(res.status).toBe(201);
    expect(res.body.item.carriedFrom).toMatchObject({ id: second.firstConvocation!.items[0], sessionId: second.firstConvocation!.sessionId });
    expect(res.body.attendance.quorum).toMatchObject({ needed: 5, counted: 4, met: false, waivedBySecondConvocation: true });
    expect(res.body.vote).toMatchObject({ pour: 4, outcome: 'adopted' });
    expect(await itemStatus(second, second.items[0])).toBe('voted');
  });

  it('VOTE_COUNTS_MISMATCH: pour + contre + abstention must equal the voters', async () => {
    const w = await buildWorld(t);
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(counts(4, 1, 1)), 422, 'VOTE_COUNTS_MISMATCH', /= 6 but there are 7 voters/);
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(counts(8, 0, 0)), 422, 'VOTE_COUNTS_MISMATCH', /= 8 but there are 7 voters/);
    expect(await itemStatus(w, w.items[0])).toBe('draft');
    expect(await voteRows(w)).toBe(0);
  });

  it('VOTE_BALLOT_NOT_ENTITLED: a ballot from someone neither present nor represented', async () => {
    const w = await buildWorld(t);
    const own = w.m.slice(0, 7).map((id) => ({ voterId: id, choice: 'pour' }));
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send({ mode: 'roll_call', ballots: [{ voterId: w.m[7], choice: 'contre' }, ...own] }),
      422, 'VOTE_BALLOT_NOT_ENTITLED', new RegExp(`${w.m[7]} is not present at item 1`));
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send({ mode: 'roll_call', ballots: [...own, { voterId: w.m[1], onBehalfOfId: w.m[8], choice: 'pour' }] }),
      422, 'VOTE_BALLOT_NOT_ENTITLED', new RegExp(`${w.m[1]} holds no proxy from ${w.m[8]}`));
    expect(await itemStatus(w, w.items[0])).toBe('draft');
    expect(await voteRows(w)).toBe(0);
  });

  it('VOTE_MEMBER_NOT_TAKING_PART: an interested member votes neither himself nor through his holder', async () => {
    const w = await buildWorld(t);
    ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[3] }));
    ok(await t.http.post(`${w.base}/items/${w.items[0]}/recusals`).send({ memberId: w.m[2], reason: 'intéressé (L2131-11)' }));
    ok(await t.http.post(`${w.base}/items/${w.items[1]}/recusals`).send({ memberId: w.m[7], reason: 'intéressé (L2131-11)' }));
    const own = (skip: string) => w.m.slice(0, 7).filter((id) => id !== skip).map((id) => ({ voterId: id, choice: 'pour' }));
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send({ mode: 'roll_call', ballots: [{ voterId: w.m[2], choice: 'pour' }, ...own(w.m[2])] }),
      422, 'VOTE_MEMBER_NOT_TAKING_PART', new RegExp(`${w.m[2]} does not take part`));
    await refused(w, () => t.http.post(api(w).vote(w.items[1])).send({ mode: 'roll_call', ballots: [{ voterId: w.m[3], onBehalfOfId: w.m[7], choice: 'pour' }, ...own('')] }),
      422, 'VOTE_MEMBER_NOT_TAKING_PART', new RegExp(`${w.m[7]} does not take part.*${w.m[3]} cannot vote for him`));
    expect([await itemStatus(w, w.items[0]), await itemStatus(w, w.items[1])]).toEqual(['draft', 'draft']);
    expect(await voteRows(w)).toBe(0);
    // Without the interested members' ballots, both votes go through, each counting one voter less.
    const r1 = ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'roll_call', ballots: [...own(w.m[2]), { voterId: w.m[3], onBehalfOfId: w.m[7], choice: 'pour' }] })).body;
    expect(r1.attendance.voters).toBe(7);
    expect(r1.vote).toMatchObject({ pour: 7, notTakingPart: 1 });
  });

  it('VOTE_ALREADY_RECORDED: an item is voted once', async () => {
    const w = await buildWorld(t);
    const first = ok(await t.http.post(api(w).vote(w.items[0])).send(counts(7, 0, 0))).body;
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(counts(0, 7, 0)), 409, 'VOTE_ALREADY_RECORDED', /already voted/);
    const state = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(state.vote).toMatchObject({ pour: 7, contre: 0, outcome: 'adopted', wording: first.vote.wording });
    expect(await voteRows(w)).toBe(1);
  });

  it('VOTE_TIE_NEEDS_PRESIDENT_CHOICE, then the casting vote decides a tie; a secret-ballot tie is rejected', async () => {
    const w = await buildWorld(t);
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send(counts(3, 3, 1)), 422, 'VOTE_TIE_NEEDS_PRESIDENT_CHOICE', /Tie.*president/);
    expect(await itemStatus(w, w.items[0])).toBe('draft');
    const cast = ok(await t.http.post(api(w).vote(w.items[0])).send({ ...counts(3, 3, 1), presidentChoice: 'pour' })).body;
    expect(cast.vote).toMatchObject({ pour: 3, contre: 3, outcome: 'adopted', castingVote: true, unanimous: false });
    const against = ok(await t.http.post(api(w).vote(w.items[1])).send({ ...counts(3, 3, 1), presidentChoice: 'contre' })).body;
    expect(against.vote).toMatchObject({ outcome: 'rejected', castingVote: true });
    // A secret ballot, asked for by a third of the seven present (L2121-21).
    const secret = ok(await t.http.post(api(w).vote(w.items[2])).send({ mode: 'secret', counts: { pour: 3, contre: 3, abstention: 1 }, presidentChoice: 'pour', requestedBy: w.m.slice(1, 4) })).body;
    expect(secret.vote).toMatchObject({ mode: 'secret', outcome: 'rejected', castingVote: false });
    expect(ok(await t.http.get(api(w).state(w.items[2]))).body.vote).toMatchObject({ outcome: 'rejected', castingVote: false });
  });
});

describe('attendance and suppléants (L5211-6)', () => {
  it('ATTENDANCE_CHANGE_INVALID: the arrival of someone present, the departure of someone absent', async () => {
    const w = await buildWorld(t);
    await refused(w, () => t.http.post(api(w).changes).send({ memberId: w.m[1], kind: 'arrival', fromItemId: w.items[1] }), 422, 'ATTENDANCE_CHANGE_INVALID', /already present at item 2/);
    await refused(w, () => t.http.post(api(w).changes).send({ memberId: w.m[7], kind: 'departure', fromItemId: w.items[1] }), 422, 'ATTENDANCE_CHANGE_INVALID', /not present at item 2/);
    expect(ok(await t.http.get(api(w).attendance)).body.changes).toEqual([]);
  });

  it('SUPPLEANT_MISMATCH: a suppléant sits only for his own titulaire, and only while he is away', async () => {
    const w = await buildWorld(t, { profile: 'epci', suppleantsFor: [3, 8] });
    const opening = w.m.map((id, i) => ({ memberId: id, status: i < 7 ? 'present' : 'excused' }));
    // m3 is present: his suppléant cannot sit beside him.
    await refused(w, () => putAttendance(w, w.sessionId, [...opening, { memberId: w.sup[3], status: 'present', replacesMemberId: w.m[3] }]),
      422, 'SUPPLEANT_MISMATCH', /titulaire/);
    // m8's suppléant cannot take m7's seat.
    await refused(w, () => putAttendance(w, w.sessionId, [...opening, { memberId: w.sup[8], status: 'present', replacesMemberId: w.m[7] }]),
      422, 'SUPPLEANT_MISMATCH', /can only replace his own titulaire/);
    // Nor can a suppléant arrive while his titulaire is in the room.
    await refused(w, () => t.http.post(api(w).changes).send({ memberId: w.sup[3], kind: 'arrival', fromItemId: w.items[1] }), 422, 'SUPPLEANT_MISMATCH', /titulaire/);
    expect(ok(await t.http.get(api(w).attendance)).body.openingState.presentSuppleants).toBe(0);
    // The lawful case: m8 excused, his suppléant sits for him.
    const set = ok(await putAttendance(w, w.sessionId, [...opening, { memberId: w.sup[8], status: 'present', replacesMemberId: w.m[8] }])).body;
    expect(set.openingState).toMatchObject({ presentTitulaires: 7, presentSuppleants: 1, voters: 8 });
  });

  it('SUPPLEANT_NOT_ALLOWED: a commune council has no suppléants', async () => {
    const w = await buildWorld(t);
    await refused(w, () => t.http.post(`${w.base}/members`).send({
      civility: 'M.', firstName: 'Sup', lastName: 'PLEANT', memberships: [{ bodyId: w.bodyId, seat: 'suppleant', titulaireId: w.m[8], startDate: '2020-01-01' }],
    }), 422, 'SUPPLEANT_NOT_ALLOWED', /no suppléants/);
    const members = ok(await t.http.get(`${w.base}/members`)).body;
    expect(members.total).toBe(9);
  });
});

describe('closed sessions and versions', () => {
  it('SESSION_CLOSED: nothing of a closed session changes, through the API or in the database', async () => {
    const w = await buildWorld(t);
    ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[2] }));
    ok(await t.http.post(api(w).vote(w.items[0])).send(counts(8, 0, 0)));
    const closed = await transition(w, w.sessionId, 'closed');
    const a = api(w);
    const draft = ok(await t.http.get(a.item(w.items[1]))).body;
    const attempts: [string, () => PromiseLike<Response>][] = [
      ['PATCH session', () => t.http.patch(a.session).send({ version: closed.version, place: 'Ailleurs' })],
      ['add item', () => t.http.post(a.items).send({ object: 'POINT AJOUTE' })],
      ['edit item', () => t.http.patch(a.item(w.items[1])).send({ version: draft.version, object: 'AUTRE' })],
      ['attendance', () => t.http.put(a.attendance).send({ version: closed.version, entries: [] })],
      ['attendance change', () => t.http.post(a.changes).send({ memberId: w.m[3], kind: 'departure', fromItemId: w.items[1] })],
      ['proxy', () => t.http.post(a.proxies).send({ giverId: w.m[8], holderId: w.m[3] })],
      ['vote', () => t.http.post(a.vote(w.items[1])).send(counts(8, 0, 0))],
      ['recusal', () => t.http.post(`${w.base}/items/${w.items[1]}/recusals`).send({ memberId: w.m[3] })],
    ];
    for (const [what, send] of attempts) {
      const res = await refused(w, send, 409, 'SESSION_CLOSED', /closed/);
      expect([what, res.body.code]).toEqual([what, 'SESSION_CLOSED']);
    }
    const reopen = await t.http.post(`${a.session}/transitions`).send({ to: 'open', version: closed.version });
    expectError(reopen, 409, 'SESSION_TRANSITION_INVALID', /from "closed" to "open"/);
    // The database refuses by itself: sealing triggers, whatever the application does.
    const raw = async (sql: string, code: string) => {
      const err = await t.db.query(sql, [w.sessionId]).then(() => null, (e: { driverError?: { code?: string; message?: string } }) => e.driverError);
      expect({ sql, code: err?.code }).toEqual({ sql, code });
      expect(err?.message).toMatch(/sealed|cannot change/);
    };
    const before = await fingerprint(t, w.cid);
    await raw(`UPDATE attendance SET status = 'absent' WHERE session_id = $1`, 'RG001');
    await raw(`UPDATE session SET place = 'Ailleurs' WHERE id = $1`, 'RG001');
    await raw(`DELETE FROM proxy_session WHERE session_id = $1`, 'RG001');
    await raw(`UPDATE item SET object = 'AUTRE' WHERE session_id = $1`, 'RG001');
    await raw(`UPDATE vote SET pour = 0 WHERE item_id IN (SELECT id FROM item WHERE session_id = $1)`, 'RG002');
    expect(await fingerprint(t, w.cid)).toEqual(before);
  });

  it('CONFLICT_STALE_VERSION: a PATCH with the version one read before a change is refused', async () => {
    const w = await buildWorld(t);
    const s = ok(await t.http.get(api(w).session)).body;
    ok(await t.http.patch(api(w).session).send({ version: s.version, place: 'Salle A' }));
    await refused(w, () => t.http.patch(api(w).session).send({ version: s.version, place: 'Salle B' }), 409, 'CONFLICT_STALE_VERSION',
      new RegExp(`version ${s.version + 1}, you sent ${s.version}`));
    expect(ok(await t.http.get(api(w).session)).body).toMatchObject({ place: 'Salle A', version: s.version + 1 });
    const item = ok(await t.http.get(api(w).item(w.items[0]))).body;
    ok(await t.http.patch(api(w).item(w.items[0])).send({ version: item.version, object: 'POINT MODIFIE' }));
    await refused(w, () => t.http.patch(api(w).item(w.items[0])).send({ version: item.version, object: 'ECRASE' }), 409, 'CONFLICT_STALE_VERSION', /changed meanwhile/);
    expect(ok(await t.http.get(api(w).item(w.items[0]))).body.object).toBe('POINT MODIFIE');
  });
});

// Review: a recorded vote is sealed in the database too. Its ballots, candidates and rounds are written in the
// transaction that records it and never added later; no vote is added to an item of a closed session.
import { api, buildWorld, fingerprint, ok, transition } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const sqlError = (sql: string, params: unknown[]) =>
  t.db.query(sql, params).then(() => null, (e: { driverError?: { code?: string; message?: string } }) => e.driverError ?? null);

describe('sealed votes, in the database', () => {
  it('refuses ballots, candidates and rounds added to a recorded vote, and a vote on an item of a closed session', async () => {
    const w = await buildWorld(t);
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'roll_call', ballots: w.m.slice(0, 7).map((voterId) => ({ voterId, choice: 'pour' })) }));
    await transition(w, w.sessionId, 'closed');
    const [vote] = await t.db.query(`SELECT id FROM vote WHERE item_id = $1`, [w.items[0]]);
    const before = await fingerprint(t, w.cid);
    const attempts: [string, string, unknown[], string][] = [
      ['ballot', `INSERT INTO ballot (collectivity_id, vote_id, voter_id, choice) VALUES ($1, $2, $3, 'contre')`, [w.cid, vote.id, w.m[8]], 'RG002'],
      ['candidate', `INSERT INTO election_candidate (collectivity_id, vote_id, name, birth_date, rank) VALUES ($1, $2, 'X', '1960-01-01', 9)`, [w.cid, vote.id], 'RG002'],
      ['round', `INSERT INTO election_round (collectivity_id, vote_id, round, voters, blank, void, cast_votes, absolute_majority, votes)
                 VALUES ($1, $2, 3, 1, 0, 0, 1, 1, '[]')`, [w.cid, vote.id], 'RG002'],
      ['vote', `INSERT INTO vote (collectivity_id, item_id, mode, voters, pour, contre, abstention, wording, attendance)
                VALUES ($1, $2, 'show_of_hands', 0, 0, 0, 0, 'x', '{}')`, [w.cid, w.items[1]], 'RG001'],
    ];
    for (const [what, sql, params, code] of attempts) {
      const err = await sqlError(sql, params);
      expect({ what, code: err?.code }).toEqual({ what, code });
    }
    expect(await fingerprint(t, w.cid)).toEqual(before);
  });
});

describe('facts printed by voted acts, sealed in the database', () => {
  it('refuses to change the date, place, president, secretaries, opening attendance or an earlier arrival once an item is voted', async () => {
    const w = await buildWorld(t, { items: 3 });
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    const before = await fingerprint(t, w.cid);
    const attempts: [string, string, unknown[]][] = [
      ['date', `UPDATE session SET starts_at = starts_at + interval '1 day' WHERE id = $1`, [w.sessionId]],
      ['place', `UPDATE session SET place = 'Ailleurs' WHERE id = $1`, [w.sessionId]],
      ['president', `UPDATE session SET president_id = $2 WHERE id = $1`, [w.sessionId, w.m[2]]],
      ['second convocation', `UPDATE session SET second_convocation = true WHERE id = $1`, [w.sessionId]],
      ['secretary', `DELETE FROM session_secretary WHERE session_id = $1`, [w.sessionId]],
      ['opening attendance', `UPDATE attendance SET status = 'absent' WHERE session_id = $1 AND member_id = $2`, [w.sessionId, w.m[3]]],
      ['arrival at the voted item', `INSERT INTO attendance_change (collectivity_id, session_id, member_id, kind, from_item_id) VALUES ($1, $2, $3, 'arrival', $4)`,
        [w.cid, w.sessionId, w.m[8], w.items[0]]],
    ];
    for (const [what, sql, params] of attempts) {
      const err = await sqlError(sql, params);
      expect({ what, code: err?.code }).toEqual({ what, code: 'RG002' });
    }
    expect(await fingerprint(t, w.cid)).toEqual(before);
    // What belongs to later acts stays open: an arrival from the next item, and the session's status.
    expect(await sqlError(`INSERT INTO attendance_change (collectivity_id, session_id, member_id, kind, from_item_id) VALUES ($1, $2, $3, 'arrival', $4)`,
      [w.cid, w.sessionId, w.m[8], w.items[1]])).toBeNull();
    expect(await sqlError(`UPDATE session SET status = 'closed' WHERE id = $1`, [w.sessionId])).toBeNull();
  });
});

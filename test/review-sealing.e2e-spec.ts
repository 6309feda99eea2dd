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

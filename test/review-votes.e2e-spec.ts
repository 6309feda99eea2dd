// Review: an election names each candidate once.
import { buildWorld, expectError, fingerprint, ok } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

describe('election candidates', () => {
  it('the same member twice is refused, and nothing is recorded', async () => {
    const w = await buildWorld(t);
    const election = (candidates: object[]) => t.http.post(`${w.base}/items/${w.items[0]}/election`).send({
      candidates, rounds: [{ round: 1, voters: 7, blank: 1, void: 0, votes: [{ candidate: 0, votes: 4 }, { candidate: 1, votes: 2 }] }],
    });
    const before = await fingerprint(t, w.cid);
    expectError(await election([{ memberId: w.m[2] }, { memberId: w.m[2] }]), 400, 'VALIDATION_FAILED', /candidates\[1\].*twice/);
    expectError(await election([{ name: 'Jean MARTIN', birthDate: '1960-01-01' }, { name: 'jean martin ', birthDate: '1960-01-01' }]), 400, 'VALIDATION_FAILED', /candidates\[1\].*twice/);
    expect(await fingerprint(t, w.cid)).toEqual(before);
    const res = ok(await election([{ memberId: w.m[2] }, { memberId: w.m[3] }]));
    expect(res.body.election.electedId).toBeTruthy();
  });
});

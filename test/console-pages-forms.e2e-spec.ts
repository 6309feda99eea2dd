// The console's forms over HTTP: each page renders, a refused form answers the page again with the French rule.
import { buildWorld, fingerprint, ok } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

describe('console forms', () => {
  let t: TestApp;
  beforeAll(async () => { t = await bootTestApp(); }, 60_000);
  afterAll(() => t?.close());

  it('renders the setting-up, import, preparation and live pages', async () => {
    const w = await buildWorld(t, { members: 5, items: 2 });
    const bodyId = w.bodyId;
    for (const path of ['/console/collectivites/nouvelle', `/console/collectivites/${w.cid}/parametrage`, `/console/collectivites/${w.cid}/parametrage/organes/${bodyId}/import`,
      `/console/collectivites/${w.cid}/seances/nouvelle`, `/console/collectivites/${w.cid}/seances/${w.sessionId}/direct`]) {
      const res = await t.http.get(path);
      expect([path, res.status]).toEqual([path, 200]);
    }
  }, 60_000);

  it('refuses a proxy to an absent holder with the rule and its article, changing nothing', async () => {
    const w = await buildWorld(t, { members: 5, items: 2, attendance: ['present', 'present', 'present', 'excused', 'absent'] });
    const before = await fingerprint(t, w.cid);
    const res = await t.http.post(`/console/collectivites/${w.cid}/seances/${w.sessionId}/direct/pouvoirs`).type('form').send({ giverId: w.m[3], holderId: w.m[4] });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Le mandataire doit être présent : un membre absent ne peut pas recevoir de pouvoir. (article L2121-20 du CGCT)');
    expect(await fingerprint(t, w.cid)).toEqual(before);
    const done = await t.http.post(`/console/collectivites/${w.cid}/seances/${w.sessionId}/direct/pouvoirs`).type('form').send({ giverId: w.m[3], holderId: w.m[1] });
    expect([done.status, done.headers.location]).toEqual([303, `/console/collectivites/${w.cid}/seances/${w.sessionId}/direct#pouvoirs`]);
    ok(await t.http.get(`${w.base}/sessions/${w.sessionId}/proxies`));
  }, 60_000);
});

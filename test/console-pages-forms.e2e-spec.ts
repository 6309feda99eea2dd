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

  it('records a public ballot from the form: one ballot per member, the proxy vote apart, who asked for it; preview first', async () => {
    const w = await buildWorld(t, { members: 5, items: 1, attendance: ['present', 'present', 'present', 'present', 'excused'] });
    ok(await t.http.post(`${w.base}/sessions/${w.sessionId}/proxies`).send({ giverId: w.m[4], holderId: w.m[0] }));
    const live = `/console/collectivites/${w.cid}/seances/${w.sessionId}/direct`;
    const form = {
      itemId: w.items[0], mode: 'roll_call', requestedBy: [w.m[1]],
      [`b.${w.m[0]}`]: 'pour', [`b.${w.m[1]}`]: 'pour', [`b.${w.m[2]}`]: 'contre', [`b.${w.m[3]}`]: 'abstention', [`b.${w.m[0]}.${w.m[4]}`]: 'pour',
    };
    const before = await fingerprint(t, w.cid);
    const preview = await t.http.post(`${live}/vote/apercu`).type('form').send(form);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('3 pour, 1 contre, 1 abstentions, 5 votants.');
    expect(await fingerprint(t, w.cid)).toEqual(before);
    // The confirmation carries the same fields as the preview.
    const hidden = [...preview.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]);
    expect(hidden).toEqual(expect.arrayContaining([['mode', 'roll_call'], ['requestedBy', w.m[1]], [`b.${w.m[0]}.${w.m[4]}`, 'pour']]));
    const done = await t.http.post(`${live}/vote`).type('form').send(form);
    expect(done.status).toBe(303);
    const state = ok(await t.http.get(`${w.base}/items/${w.items[0]}/state`)).body;
    expect(state.vote).toMatchObject({ mode: 'roll_call', pour: 3, contre: 1, abstention: 1 });
    expect(state.vote.named.pour.find((n: { castBy: { id: string } | null }) => n.castBy?.id === w.m[0]).member.id).toBe(w.m[4]);
    expect(state.vote.requestedBy.map((m: { id: string }) => m.id)).toEqual([w.m[1]]);
  }, 60_000);

  it('after the session: debates per item, adoption at a later open session, publication, documents listed', async () => {
    const w = await buildWorld(t, { members: 5, items: 1 });
    ok(await t.http.post(`${w.base}/items/${w.items[0]}/vote`).send({ mode: 'show_of_hands', counts: { pour: 3, contre: 0, abstention: 0 } }));
    const s = ok(await t.http.get(`${w.base}/sessions/${w.sessionId}`)).body;
    ok(await t.http.post(`${w.base}/sessions/${w.sessionId}/transitions`).send({ to: 'closed', version: s.version }));
    const after = `/console/collectivites/${w.cid}/seances/${w.sessionId}/apres`;
    const page = await t.http.get(after);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Extrait de la délibération n°');
    const version = ok(await t.http.get(`${w.base}/sessions/${w.sessionId}/minutes`)).body.version;
    const saved = await t.http.post(`${after}/debats/${w.items[0]}`).type('form').send({ version, textMd: 'M. le Président **expose** le projet.' });
    expect([saved.status, saved.headers.location]).toEqual([303, `${after}#debats-${w.items[0]}`]);
    const minutes = ok(await t.http.get(`${w.base}/sessions/${w.sessionId}/minutes`)).body;
    expect(minutes.items[0].textMd).toBe('M. le Président **expose** le projet.');
    // A stale version is refused with the French explanation, nothing changed.
    const stale = await t.http.post(`${after}/debats/${w.items[0]}`).type('form').send({ version, textMd: 'autre' });
    expect(stale.status).toBe(422);
    expect(stale.text).toContain('Un autre poste vient de modifier');
    // Adoption at the next session of the body, once open (L2121-15), then publication.
    const next = ok(await t.http.post(`${w.base}/sessions`).send({ bodyId: w.bodyId, startsAt: '2024-04-08T18:30:00+02:00', presidentId: w.m[0] })).body;
    ok(await t.http.put(`${w.base}/sessions/${next.id}/attendance`).send({ version: next.version, entries: w.m.map((id) => ({ memberId: id, status: 'present' })) }));
    for (const to of ['convened', 'open']) {
      const v = ok(await t.http.get(`${w.base}/sessions/${next.id}`)).body.version;
      ok(await t.http.post(`${w.base}/sessions/${next.id}/transitions`).send({ to, version: v }));
    }
    expect((await t.http.get(after)).text).toContain('Séance du lundi 8 avril 2024');
    const adopted = await t.http.post(`${after}/adoption`).type('form').send({ version: minutes.version, adoptedAtSessionId: next.id });
    expect(adopted.status).toBe(303);
    const m2 = ok(await t.http.get(`${w.base}/sessions/${w.sessionId}/minutes`)).body;
    expect(m2.status).toBe('adopted');
    const published = await t.http.post(`${after}/publication`).type('form').send({ version: m2.version, publishedOn: '2024-04-10' });
    expect(published.status).toBe(303);
    expect(ok(await t.http.get(`${w.base}/sessions/${w.sessionId}/minutes`)).body.publishedOn).toBe('2024-04-10');
  }, 60_000);

  it('adds a member by hand with his seat; a suppléant where the profile has none is refused in French', async () => {
    const w = await buildWorld(t, { members: 2, items: 1, open: false });
    const setup = `/console/collectivites/${w.cid}/parametrage`;
    const added = await t.http.post(`/console/collectivites/${w.cid}/membres`).type('form')
      .send({ civility: 'Mme', firstName: 'Odile', lastName: 'NOUVELLE', bodyId: w.bodyId, seat: 'titulaire', title: 'Conseillère déléguée', startDate: '2020-01-01' });
    expect([added.status, added.headers.location]).toEqual([303, `${setup}#membres`]);
    expect((await t.http.get(setup)).text).toContain('Mme Odile NOUVELLE, Conseillère déléguée — titulaire');
    const before = await fingerprint(t, w.cid);
    const refused = await t.http.post(`/console/collectivites/${w.cid}/membres`).type('form')
      .send({ civility: 'M.', firstName: 'Paul', lastName: 'SUPPLEANT', bodyId: w.bodyId, seat: 'suppleant', titulaireId: w.m[0], startDate: '2020-01-01' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Cette assemblée n&#x27;a pas de suppléants. (article L5211-6 du CGCT)');
    expect(await fingerprint(t, w.cid)).toEqual(before);
  }, 60_000);

  it('templates: listed, previewed as a PDF on demo data, a broken one refused with its line, a good one saved', async () => {
    const w = await buildWorld(t, { members: 2, items: 0, open: false });
    const base = `/console/collectivites/${w.cid}/modeles`;
    expect((await t.http.get(base)).text).toContain('Extrait de délibération');
    const page = await t.http.get(`${base}/signatures`);
    expect(page.status).toBe(200);
    const source = /<textarea id="source"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.text)![1].replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`');
    const pdf = await t.http.post(`${base}/signatures/apercu`).type('form').send({ source });
    expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const before = await fingerprint(t, w.cid);
    const broken = await t.http.post(`${base}/signatures`).type('form').send({ source: `${source}\n{{inventedField}}` });
    expect(broken.status).toBe(422);
    expect(broken.text).toContain('Le modèle de document est invalide.');
    expect(await fingerprint(t, w.cid)).toEqual(before);
    const saved = await t.http.post(`${base}/signatures`).type('form').send({ source: `${source}\n` });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('Version 1 enregistrée');
  }, 60_000);

  it('records an election in two rounds from the form; the rules decide who is elected', async () => {
    const w = await buildWorld(t, { members: 7, items: 1, attendance: ['present', 'present', 'present', 'present', 'present', 'present', 'present'] });
    const live = `/console/collectivites/${w.cid}/seances/${w.sessionId}/direct`;
    const res = await t.http.post(`${live}/election`).type('form').send({
      itemId: w.items[0], office: 'Délégué au syndicat', candidat1: w.m[1], candidat3: w.m[2],
      't1.votants': '7', 't1.blancs': '1', 't1.nuls': '0', 't1.c1': '3', 't1.c3': '3',
      't2.votants': '7', 't2.blancs': '0', 't2.nuls': '0', 't2.c1': '5', 't2.c3': '2',
    });
    expect([res.status, res.headers.location]).toEqual([303, `${live}#election`]);
    const state = ok(await t.http.get(`${w.base}/items/${w.items[0]}/state`)).body;
    expect(state.election.rounds.map((r: { round: number; votes: { votes: number }[] }) => [r.round, r.votes.map((v) => v.votes)])).toEqual([[1, [3, 3]], [2, [5, 2]]]);
    expect(state.election.candidates.find((c: { id: string }) => c.id === state.election.electedId).memberId).toBe(w.m[1]);
  }, 60_000);
});

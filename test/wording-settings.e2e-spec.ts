// Issue 10 over HTTP: how a collectivity and its bodies write their acts (seat, year in words, "Votants", order of
// members, L2131-11 proxies) and the hours of arrivals — settings through the API, read back from the PDFs.
import { api, buildWorld, createCollectivity, createMember, createSession, ok, putAttendance, refused, transition, World } from './setup/factory';
import { binary, pdfText } from './setup/pdf-text';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); }, 60_000);
afterAll(() => t.close());

const pdf = async (path: string) => pdfText((await t.http.get(path).buffer(true).parse(binary).expect(200)).body);
const extract = (w: World, item: string) => pdf(`${w.base}/items/${item}/extract.pdf`);
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('collectivity settings', () => {
  it('"Fait à" names the seat, and the year is written "deux mil" when the collectivity says so', async () => {
    const w = await buildWorld(t);
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    const before = flat(await extract(w, w.items[0]));
    expect(before).toContain("L'an deux mille vingt-quatre");
    expect(before).toContain('Fait le 11 mars 2024.');

    const res = ok(await t.http.patch(w.base).send({ seat: 'Exemple-sur-Mer', yearInWords: 'mil' }));
    expect(res.body).toMatchObject({ seat: 'Exemple-sur-Mer', yearInWords: 'mil' });
    const after = flat(await extract(w, w.items[0]));
    expect(after).toContain("L'an deux mil vingt-quatre");
    expect(after).toContain('Fait à Exemple-sur-Mer, le 11 mars 2024.');
  }, 60_000);

  it('refuses bad values with the field named, changing nothing', async () => {
    const w = await buildWorld(t, { items: 1 });
    await refused(w, () => t.http.patch(w.base).send({ yearInWords: 'mile' }), 400, 'VALIDATION_FAILED', /yearInWords/);
    await refused(w, () => t.http.patch(w.base).send({ seat: '   ' }), 400, 'VALIDATION_FAILED', /seat/);
    await refused(w, () => t.http.patch(w.base).send({ siren: '123456789' }), 400, 'VALIDATION_FAILED', /siren/);
  }, 60_000);
});

describe('body settings', () => {
  it('L2131-11: a member not taking part leaves the proxy he holds unused, and the act says its giver is not represented', async () => {
    const w = await buildWorld(t);
    ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[2] }));
    ok(await t.http.post(`${w.base}/items/${w.items[0]}/recusals`).send({ memberId: w.m[2], reason: 'intéressé' }));
    const state = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(state.attendance.represented).toEqual([]);
    expect(state.attendance.voters).toBe(6);
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 6, contre: 0, abstention: 0 } }));
    const text = flat(await extract(w, w.items[0]));
    expect(text).toMatch(/NOM007 P\. \(pouvoir à P\. NOM002, qui ne prend pas part au vote : non représentée\)/);
    expect(text).toContain("Monsieur Prénom2 NOM002 ne prend pas part au vote (article L2131-11 du CGCT) : intéressé. Le pouvoir qu'il détient de Mme Prénom7 NOM007 n'est pas exercé.");
    expect(text).toMatch(/Votants Pour Contre Abstentions Ne prenant pas part 9 7 0 6 6 0 0 1/);

    // "Votants" as present and represented, those not taking part included: the header changes, the figures of law do not.
    ok(await t.http.patch(`${w.base}/bodies/${w.bodyId}`).send({ votersHeader: 'present_and_represented' }));
    expect(flat(await extract(w, w.items[0]))).toMatch(/Votants Pour Contre Abstentions Ne prenant pas part 9 7 0 7 6 0 0 1/);
    expect(ok(await t.http.get(api(w).state(w.items[0]))).body.vote).toMatchObject({ pour: 6, contre: 0, abstention: 0 });
  }, 60_000);

  it("with the body's other reading, the member not taking part still casts the proxy he holds", async () => {
    const w = await buildWorld(t);
    const body = ok(await t.http.patch(`${w.base}/bodies/${w.bodyId}`).send({ recusedHolderProxy: 'cast' })).body;
    expect(body).toMatchObject({ recusedHolderProxy: 'cast', votersHeader: 'taking_part', memberOrder: 'alphabetical' });
    ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[2] }));
    ok(await t.http.post(`${w.base}/items/${w.items[0]}/recusals`).send({ memberId: w.m[2] }));
    const state = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(state.attendance.represented.map((r: { giver: { id: string } }) => r.giver.id)).toEqual([w.m[7]]);
    expect(state.attendance.voters).toBe(7);
  }, 60_000);

  it('refuses bad body settings with the field named, changing nothing', async () => {
    const w = await buildWorld(t, { items: 1 });
    const body = `${w.base}/bodies/${w.bodyId}`;
    await refused(w, () => t.http.patch(body).send({ votersHeader: 'everyone' }), 400, 'VALIDATION_FAILED', /votersHeader/);
    await refused(w, () => t.http.patch(body).send({ memberOrder: 'random' }), 400, 'VALIDATION_FAILED', /memberOrder/);
    await refused(w, () => t.http.patch(body).send({ recusedHolderProxy: 'maybe' }), 400, 'VALIDATION_FAILED', /recusedHolderProxy/);
    await refused(w, () => t.http.post(`${w.base}/bodies`).send({ kind: 'conseil', name: 'X', ruleProfile: 'commune', memberOrder: 'random' }), 400, 'VALIDATION_FAILED', /memberOrder/);
  }, 60_000);

  it("lists members dans l'ordre du tableau (L2121-1) when the body says so", async () => {
    const cid = await createCollectivity(t);
    const body = ok(await t.http.post(`/api/collectivities/${cid}/bodies`).send({ kind: 'conseil', name: 'Conseil', ruleProfile: 'commune', memberOrder: 'table' })).body;
    // Ranks reverse the alphabet: NOM004 is first in the tableau.
    const m: string[] = [];
    for (let i = 0; i < 5; i++) m.push(await createMember(t, cid, i, [{ bodyId: body.id, seat: 'titulaire', startDate: '2020-01-01', tableRank: 5 - i }]));
    await refused({ t, cid } as World, () => t.http.post(`/api/collectivities/${cid}/members`).send({
      civility: 'M.', firstName: 'A', lastName: 'B', memberships: [{ bodyId: body.id, seat: 'titulaire', startDate: '2020-01-01', tableRank: 0 }],
    }), 400, 'VALIDATION_FAILED', /tableRank/);
    const w = { t, cid, bodyId: body.id } as World;
    const s = await createSession(w, '2024-03-11T18:30:00+01:00', { presidentId: m[0], secretaryIds: [m[1]] });
    const item = ok(await t.http.post(`/api/collectivities/${cid}/sessions/${s.id}/items`).send({ object: 'POINT 1', matiereCode: '7.1' })).body.id;
    ok(await putAttendance(w, s.id, m.map((id) => ({ memberId: id, status: 'present' }))));
    for (const to of ['convened', 'open']) await transition(w, s.id, to);
    ok(await t.http.post(`/api/collectivities/${cid}/items/${item}/vote`).send({ mode: 'show_of_hands', counts: { pour: 5, contre: 0, abstention: 0 } }));
    const text = flat(await pdf(`/api/collectivities/${cid}/items/${item}/extract.pdf`));
    const present = text.slice(text.indexOf('Présents :'), text.indexOf('est élue secrétaire'));
    expect(present.indexOf('NOM003')).toBeLessThan(present.indexOf('NOM001'));
    expect(present.indexOf('NOM004')).toBeLessThan(present.indexOf('NOM002'));
  }, 60_000);
});

describe('hours of arrivals and departures', () => {
  it('records the hour of an arrival and prints it in the act and the console', async () => {
    const w = await buildWorld(t);
    await refused(w, () => t.http.post(api(w).changes).send({ memberId: w.m[7], kind: 'arrival', fromItemId: w.items[1], atTime: '25:00' }), 400, 'VALIDATION_FAILED', /atTime/);
    ok(await t.http.post(api(w).changes).send({ memberId: w.m[7], kind: 'arrival', fromItemId: w.items[1], atTime: '19:07' }));
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    ok(await t.http.post(api(w).vote(w.items[1])).send({ mode: 'show_of_hands', counts: { pour: 8, contre: 0, abstention: 0 } }));
    expect(flat(await extract(w, w.items[1]))).toContain('Madame Prénom7 NOM007 arrive en séance à 19 h 07 et prend part aux débats à partir de la présente délibération.');
    const page = (await t.http.get(`/console/collectivites/${w.cid}/deliberations/${w.items[2]}`).expect(200)).text.replace(/\u00a0/g, ' ');
    expect(page).toMatch(/NOM007 P\. \(arrivée à 19 h 07, à partir de la délibération n°[^)]+\)/);
  }, 60_000);
});

describe('names in an ordinary vote', () => {
  it('a show of hands records the names of those against with the counts; the act names them and does not call it a public vote', async () => {
    const w = await buildWorld(t);
    const vote = { mode: 'show_of_hands', counts: { pour: 5, contre: 2, abstention: 0 } };
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send({ ...vote, names: [{ voterId: w.m[3], choice: 'contre' }] }), 422, 'VOTE_COUNTS_MISMATCH', /names/);
    await refused(w, () => t.http.post(api(w).vote(w.items[0])).send({ ...vote, names: [{ voterId: w.m[3], choice: 'maybe' }] }), 400, 'VALIDATION_FAILED', /choice/);
    const res = ok(await t.http.post(api(w).vote(w.items[0])).send({ ...vote, names: [{ voterId: w.m[3], choice: 'contre' }, { voterId: w.m[4], choice: 'contre' }] }));
    expect(res.body.vote).toMatchObject({ mode: 'show_of_hands', pour: 5, contre: 2 });
    const text = flat(await extract(w, w.items[0]));
    expect(text).toContain('Ont voté contre : Mme Prénom3 NOM003, M. Prénom4 NOM004');
    expect(text).not.toContain('scrutin public');
    expect(text).toContain('par 5 voix pour et 2 voix contre');
  }, 60_000);
});

describe('emergency periods 2020–2022', () => {
  it('judge a session by the texts in force on its date and in its territory', async () => {
    // Loi 2020-1379 (JO 15 November 2020) brought the third and two proxies back, not the décret of 17 October.
    const before = ok(await t.http.get('/api/rule-profiles').query({ date: '2020-11-02' })).body;
    expect(before.profiles.find((p: { code: string }) => p.code === 'commune').variant).toBe('commune');
    const after = ok(await t.http.get('/api/rule-profiles').query({ date: '2020-11-16' })).body;
    expect(after.profiles.find((p: { code: string }) => p.code === 'commune').variant).toBe('commune-urgence-2020-2021');
    expect(after.emergencyPeriods.find((p: { id: string }) => p.id === 'urgence-2020-guyane-mayotte').territory).toEqual(['973', '976']);

    // Guyane: the state of health emergency ran until décret 2020-1143 (17 September 2020).
    const cid = await createCollectivity(t, 'Commune de Guyane', '973');
    const body = ok(await t.http.post(`/api/collectivities/${cid}/bodies`).send({ kind: 'conseil', name: 'Conseil municipal', ruleProfile: 'commune' })).body;
    const w = { t, cid, bodyId: body.id } as World;
    const m = await createMember(t, cid, 1, [{ bodyId: body.id, seat: 'titulaire', startDate: '2020-01-01' }]);
    const s = await createSession(w, '2020-09-10T18:30:00-03:00', { presidentId: m });
    const item = ok(await t.http.post(`/api/collectivities/${cid}/sessions/${s.id}/items`).send({ object: 'POINT 1', matiereCode: '7.1' })).body.id;
    const state = ok(await t.http.get(`/api/collectivities/${cid}/items/${item}/state`)).body;
    expect(state.body.profile.variant).toBe('commune-urgence-2020-guyane-mayotte');
    expect(state.body.profile.settings.maxProxiesPerHolder).toBe(2);
  }, 60_000);
});

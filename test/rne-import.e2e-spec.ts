// RNE import over HTTP: a preview of what will be created, changed or left, then one confirmed import;
// importing the same file again changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCollectivity, fingerprint, ok, uniqueSiren } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

const csv = readFileSync(join(__dirname, 'fixtures', 'rne-conseillers-communautaires-ccpl.csv'), 'utf8');
// The demo already holds the CCPL (its SIREN is unique): this copy has another one and names the EPCI's lines.
const EPCI = '246200364';
const facts = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'extrait-ccpl-19-09-107.facts.json'), 'utf8'));

describe('RNE import', () => {
  let t: TestApp;
  let cid: string;
  let bodyId: string;
  let base: string;

  beforeAll(async () => {
    t = await bootTestApp();
    cid = await createCollectivity(t, 'CC du Pays de Lumbres (import)', '62', { kind: 'communaute_communes' });
    base = `/api/collectivities/${cid}`;
    bodyId = ok(await t.http.post(`${base}/bodies`).send({ kind: 'conseil', name: 'Conseil de Communauté', ruleProfile: 'epci' })).body.id;
  }, 60_000);
  afterAll(() => t?.close());

  it('previews 49 members to create from the lines of the EPCI, changing nothing', async () => {
    const before = await fingerprint(t, cid);
    const res = ok(await t.http.post(`${base}/imports/rne/preview`).send({ bodyId, csv, unitCode: EPCI }));
    expect(res.body.kind).toBe('community');
    expect(res.body.unit).toEqual({ code: '246200364', name: 'CC du Pays de Lumbres' });
    expect(res.body.plan.create).toHaveLength(49);
    expect(res.body.plan.change).toEqual([]);
    expect(await fingerprint(t, cid)).toEqual(before);
  }, 30_000);

  it('imports the 49 members in one confirmed step; again, nothing changes', async () => {
    const { plan } = ok(await t.http.post(`${base}/imports/rne/preview`).send({ bodyId, csv, unitCode: EPCI })).body;
    const res = ok(await t.http.post(`${base}/imports/rne`).send({ bodyId, csv, unitCode: EPCI, digest: plan.digest }));
    expect(res.body).toMatchObject({ created: 49, changed: 0, unchanged: 0, left: 0 });
    const seated = ok(await t.http.get(`${base}/bodies/${bodyId}/members`).query({ date: '2019-09-30' })).body;
    expect(seated.inOffice).toBe(49);
    const names = seated.members.map((m: { lastName: string; firstName: string }) => `${m.lastName} ${m.firstName[0]}.`);
    for (const p of facts.present) expect(names).toContain(p.replace(' (président)', '').replace(/ ([A-Z])\..*$/, ' $1.'));
    const leroy = seated.members.find((m: { lastName: string }) => m.lastName === 'LEROY');
    expect(leroy).toMatchObject({ civility: 'M.', title: 'Président', birthDate: '1955-03-12' });
    expect(seated.members.filter((m: { civility: string }) => m.civility === 'Mme')).toHaveLength(facts.women.length);

    // The same file again: the preview says everything is left as it is, and the import changes nothing.
    const before = await fingerprint(t, cid);
    const again = ok(await t.http.post(`${base}/imports/rne/preview`).send({ bodyId, csv, unitCode: EPCI })).body.plan;
    expect([again.create.length, again.change.length, again.unchanged.length]).toEqual([0, 0, 49]);
    expect(ok(await t.http.post(`${base}/imports/rne`).send({ bodyId, csv, unitCode: EPCI, digest: again.digest })).body).toMatchObject({ created: 0, changed: 0, unchanged: 49 });
    expect(await fingerprint(t, cid)).toEqual(before);
  }, 60_000);

  it('refuses a confirmation of another preview (409), a broken line or a wrong file (400), changing nothing', async () => {
    const before = await fingerprint(t, cid);
    const stale = await t.http.post(`${base}/imports/rne`).send({ bodyId, csv, unitCode: EPCI, digest: '0'.repeat(64) });
    expect([stale.status, stale.body.code, stale.body.details.field]).toEqual([409, 'CONFLICT_STALE_VERSION', 'digest']);
    const broken = csv.replace(';LEROY;Christian;M;1955-03-12;', ';LEROY;Christian;M;1955-02-30;');
    const bad = await t.http.post(`${base}/imports/rne/preview`).send({ bodyId, csv: broken, unitCode: EPCI });
    expect([bad.status, bad.body.code, bad.body.details.field]).toEqual([400, 'VALIDATION_FAILED', 'csv']);
    expect(bad.body.message).toMatch(/^Line 2, Date de naissance/);
    const notRne = await t.http.post(`${base}/imports/rne/preview`).send({ bodyId, csv: 'nom,prenom\nA,B' });
    expect([notRne.status, notRne.body.details.field]).toEqual([400, 'csv']);
    const otherEpci = await t.http.post(`${base}/imports/rne/preview`).send({ bodyId, csv, unitCode: uniqueSiren() });
    expect([otherEpci.status, otherEpci.body.details.field]).toEqual([400, 'unitCode']);
    expect(await fingerprint(t, cid)).toEqual(before);
  }, 30_000);
});

describe('RNE import of a commune (conseillers municipaux, dates dd/mm/yyyy)', () => {
  let t: TestApp;
  const municipal = readFileSync(join(__dirname, 'fixtures', 'rne-conseillers-municipaux-commune.csv'), 'utf8');

  beforeAll(async () => { t = await bootTestApp(); }, 60_000);
  afterAll(() => t?.close());

  it("creates the commune's 11 councillors (one on two lines), then changes nothing", async () => {
    const cid = await createCollectivity(t, 'Inventé-sur-Aa');
    const base = `/api/collectivities/${cid}`;
    const bodyId = ok(await t.http.post(`${base}/bodies`).send({ kind: 'conseil', name: 'Conseil municipal', ruleProfile: 'commune' })).body.id;
    // Two communes in the file: which one is asked.
    const which = await t.http.post(`${base}/imports/rne/preview`).send({ bodyId, csv: municipal });
    expect([which.status, which.body.details.field]).toEqual([400, 'unitCode']);
    const { plan } = ok(await t.http.post(`${base}/imports/rne/preview`).send({ bodyId, csv: municipal, unitCode: '62999' })).body;
    expect(plan.create).toHaveLength(11);
    ok(await t.http.post(`${base}/imports/rne`).send({ bodyId, csv: municipal, unitCode: '62999', digest: plan.digest }));
    const seated = ok(await t.http.get(`${base}/bodies/${bodyId}/members`).query({ date: '2020-06-01' })).body;
    expect(seated.inOffice).toBe(11);
    expect(seated.members.find((m: { lastName: string }) => m.lastName === 'MARTIN')).toMatchObject({ title: '1er adjoint au maire', birthDate: '1961-04-02' });
    const before = await fingerprint(t, cid);
    const again = ok(await t.http.post(`${base}/imports/rne/preview`).send({ bodyId, csv: municipal, unitCode: '62999' })).body.plan;
    ok(await t.http.post(`${base}/imports/rne`).send({ bodyId, csv: municipal, unitCode: '62999', digest: again.digest }));
    expect(await fingerprint(t, cid)).toEqual(before);
  }, 60_000);
});

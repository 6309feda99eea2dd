// The convocation letter and its agenda as a PDF (L2121-10 to L2121-12).
import { api, buildWorld, ok } from './setup/factory';
import { binary, pdfText } from './setup/pdf-text';
import { bootTestApp, TestApp } from './setup/test-app';

describe('convocation letter', () => {
  let t: TestApp;
  beforeAll(async () => { t = await bootTestApp(); }, 60_000);
  afterAll(() => t?.close());

  it('states the body, the date, the place, the agenda with its rapporteurs, the urgency, and is the same bytes twice', async () => {
    const w = await buildWorld(t, { members: 4, items: 2, open: false });
    ok(await t.http.patch(w.base).send({ seat: 'Inventé-sur-Aa' }));
    const s = ok(await t.http.get(api(w).session)).body;
    ok(await t.http.patch(api(w).session).send({ version: s.version, place: 'Salle du conseil', convocationDate: '2024-03-09', urgency: true }));
    ok(await t.http.patch(api(w).item(w.items[0])).send({ version: 1, rapporteurId: w.m[1] }));
    const get = () => t.http.get(`${api(w).session}/convocation.pdf`).buffer(true).parse(binary).expect(200);
    const res = await get();
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.body)).replace(/\s+/g, ' ');
    expect(text).toContain('qui se tiendra le lundi 11 mars 2024 à 18 heures 30, Salle du conseil');
    expect(text).toContain('Ordre du jour');
    expect(text).toMatch(/1\. POINT 1 — rapporteur : Prénom1 NOM001/);
    expect(text).toMatch(/2\. POINT 2/);
    expect(text).toContain("adressée en urgence, dans un délai abrégé (article L2121-11 du CGCT)");
    expect(text).toContain('Fait à Inventé-sur-Aa, le 9 mars 2024.');
    expect(Buffer.compare((await get()).body, res.body)).toBe(0);
  }, 60_000);
});

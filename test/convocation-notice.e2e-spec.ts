// A convocation in urgency (L2121-11, L2121-12): accepted on a shorter notice, recorded, and said by the acts.
import { api, buildWorld, ok, transition } from './setup/factory';
import { binary, pdfText } from './setup/pdf-text';
import { bootTestApp, TestApp } from './setup/test-app';

describe('convocation in urgency', () => {
  let t: TestApp;
  beforeAll(async () => { t = await bootTestApp(); }, 60_000);
  afterAll(() => t?.close());

  it('the extract and the procès-verbal say the convocation was sent in urgency, with its article', async () => {
    const w = await buildWorld(t, { members: 5, items: 1, open: false });
    ok(await t.http.patch(w.base).send({ population: 5200 }));
    const s = ok(await t.http.get(api(w).session)).body;
    ok(await t.http.patch(api(w).session).send({ version: s.version, convocationDate: '2024-03-08', urgency: true }));
    await transition(w, w.sessionId, 'convened');
    await transition(w, w.sessionId, 'open');
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 3, contre: 0, abstention: 0 } }));
    const mention = "convocation adressée en urgence (article L2121-12 du CGCT), l'assemblée s'étant prononcée sur l'urgence à l'ouverture de la séance";
    const extract = await pdfText((await t.http.get(`${w.base}/items/${w.items[0]}/extract.pdf`).buffer(true).parse(binary).expect(200)).body);
    expect(extract.replace(/\s+/g, ' ')).toContain(`suite à la convocation en date du 8 mars 2024 (${mention}).`);
    const minutes = await pdfText((await t.http.get(`${api(w).session}/minutes.pdf`).buffer(true).parse(binary).expect(200)).body);
    expect(minutes.replace(/\s+/g, ' ')).toContain(mention);
    // Sealed with the vote, like the other facts the act prints.
    const after = ok(await t.http.get(api(w).session)).body;
    const sealed = await t.http.patch(api(w).session).send({ version: after.version, urgency: false });
    expect(sealed.status).toBe(409);
  }, 60_000);
});

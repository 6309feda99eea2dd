// Issued acts over HTTP: the demo commune's e-signed deliberations, the CCPL's paper-register acts, annexes,
// the issued PDF that later template changes never alter, and the public verification page.
import { binary, pdfText } from './setup/pdf-text';
import { api, buildWorld, expectError, ok, refused, World } from './setup/factory';
import { asRole, bootTestApp, signIn, TestApp, withBearer, type Http } from './setup/test-app';

let t: TestApp;
// The demo's own accounts: the secretariat of Valmorin-les-Sources, and the CCPL's secretary.
let valmorinHttp: Http;
let ccplHttp: Http;
beforeAll(async () => {
  t = await bootTestApp();
  valmorinHttp = (await signIn(t.app.getHttpServer(), 'secretariat@valmorin.demo', 'demo-secretariat-2026')).http;
  ccplHttp = (await signIn(t.app.getHttpServer(), 'secretaire@ccpl.demo', 'demo-secretaire-2019')).http;
}, 60000);
afterAll(() => t.close());

const pdf = (path: string, http: Http = t.http) => http.get(path).buffer(true).parse(binary);
const VALMORIN = '210629879';

async function valmorin() {
  const list = ok(await valmorinHttp.get('/api/collectivities')).body.items;
  const cid = list.find((c: { siren: string }) => c.siren === VALMORIN).id;
  const item = async (number: string) => ok(await valmorinHttp.get(`/api/collectivities/${cid}/deliberations/state?number=${number}`)).body;
  return { cid, item };
}

describe('the demo commune: 2026-001 to 2026-003 e-signed, issued, sealed, transmitted and published', () => {
  it('each act is signed by the maire and the secretary, issued and exécutoire', async () => {
    const { cid, item } = await valmorin();
    for (const n of ['2026-001', '2026-002', '2026-003']) {
      const state = await item(n);
      const act = ok(await valmorinHttp.get(`/api/collectivities/${cid}/items/${state.item.id}/act`)).body;
      expect(act.regime).toBe('signatories');
      expect(act.required.map((r: { capacity: string; signedAt: string | null }) => [r.capacity, !!r.signedAt])).toEqual([['president', true], ['secretary', true]]);
      expect(act.issued).toEqual(expect.objectContaining({ signatureMode: 'development', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), verificationCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) }));
      expect(act.issued.verificationUrl).toBe(`http://localhost:3000/verification/${act.issued.verificationCode}`);
      // Signed, transmitted and published on the day the demo was seeded (the signatures carry the real time).
      expect(act.status).toEqual(expect.objectContaining({ stage: 'executoire', mustBeTransmitted: true, enforceable: true, enforceableOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }));
    }
  });

  it('the extract route and the issued route return the stored PDF, which names its signers and its code', async () => {
    const { cid, item } = await valmorin();
    const state = await item('2026-001');
    const issued = (await pdf(`/api/collectivities/${cid}/items/${state.item.id}/issued.pdf`, valmorinHttp).expect(200)).body as Buffer;
    const extract = (await pdf(`/api/collectivities/${cid}/items/${state.item.id}/extract.pdf`, valmorinHttp).expect(200)).body as Buffer;
    const byNumber = (await pdf(`/api/collectivities/${cid}/deliberations/extract.pdf?number=2026-001`, valmorinHttp).expect(200)).body as Buffer;
    expect(extract.equals(issued)).toBe(true);
    expect(byNumber.equals(issued)).toBe(true);
    const act = ok(await valmorinHttp.get(`/api/collectivities/${cid}/items/${state.item.id}/act`)).body;
    const text = await pdfText(issued);
    expect(text).toContain('Signature électronique');
    expect(text).toContain('Mme Solène VERDALIER, président(e) de séance');
    expect(text).toContain('M. Aurélien FRESQUAND, secrétaire de séance');
    expect(text).toContain(`Vérification : code ${act.issued.verificationCode}`);
    expect(issued.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
  });

  it('its annex is listed, hashed and sealed with the act', async () => {
    const { cid, item } = await valmorin();
    const state = await item('2026-001');
    const annexes = ok(await valmorinHttp.get(`/api/collectivities/${cid}/items/${state.item.id}/annexes`)).body.items;
    expect(annexes).toEqual([expect.objectContaining({ position: 1, title: 'Budget primitif 2026 : balance générale', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    const file = (await pdf(`/api/collectivities/${cid}/items/${state.item.id}/annexes/${annexes[0].id}`, valmorinHttp).expect(200)).body as Buffer;
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    const res = await valmorinHttp.delete(`/api/collectivities/${cid}/items/${state.item.id}/annexes/${annexes[0].id}`);
    expectError(res, 409, 'ITEM_SEALED');
    const add = await valmorinHttp.post(`/api/collectivities/${cid}/items/${state.item.id}/annexes`).attach('file', file, 'autre.pdf');
    expectError(add, 409, 'ITEM_SEALED');
  });
});

describe('the CCPL acts of 2019: issued and sealed as signed on the paper register', () => {
  it('19-09-107 is issued without an electronic signature, recording the paper register', async () => {
    const cid = (ok(await ccplHttp.get('/api/collectivities')).body.items as { siren: string; id: string }[]).find((c) => c.siren === '246200364')!.id;
    const state = ok(await ccplHttp.get(`/api/collectivities/${cid}/deliberations/state?number=19-09-107`)).body;
    const act = ok(await ccplHttp.get(`/api/collectivities/${cid}/items/${state.item.id}/act`)).body;
    expect(act).toEqual(expect.objectContaining({ regime: 'paper-register', required: [] }));
    expect(act.issued.signatureMode).toBe('paper');
    const issued = (await pdf(`/api/collectivities/${cid}/items/${state.item.id}/issued.pdf`, ccplHttp).expect(200)).body as Buffer;
    expect(issued.toString('latin1')).not.toContain('/ByteRange');
    expect(await pdfText(issued)).toContain('signée au registre par les membres présents');
    // Electronic signing does not apply to it.
    const sign = await ccplHttp.post(`/api/collectivities/${cid}/items/${state.item.id}/signatures`).send({ password: 'x' });
    expectError(sign, 409, 'SIGNATURE_NOT_REQUIRED', /1 July 2022/);
  });
});

describe('issuing a new act', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(t, { startsAt: '2021-05-20T18:30:00+02:00', convocationDate: '2021-05-12', items: 2 });
    for (const item of w.items) ok(await t.http.post(api(w).vote(item)).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
  }, 60000);

  it('refuses an annex that is not a PDF, and one that does not parse', async () => {
    const path = `${w.base}/items/${w.items[0]}/annexes`;
    await refused(w, () => t.http.post(path).attach('file', Buffer.from('hello, not a pdf'), 'x.pdf'), 415, 'ANNEX_INVALID', /%PDF-/);
    await refused(w, () => t.http.post(path).attach('file', Buffer.from('%PDF-1.7\n garbage without objects'), 'x.pdf'), 415, 'ANNEX_INVALID', /not a readable PDF/);
    await refused(w, () => t.http.post(path).field('title', 'rien'), 400, 'VALIDATION_FAILED', /file/);
  });

  it('later template changes never alter the bytes of an issued act', async () => {
    const annex = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 595 842]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    ok(await t.http.post(`${w.base}/items/${w.items[0]}/annexes`).field('title', 'Plan de situation').attach('file', annex, 'plan.pdf'));
    ok(await t.http.post(`${w.base}/items/${w.items[0]}/issue`));
    const before = (await pdf(`${w.base}/items/${w.items[0]}/extract.pdf`).expect(200)).body as Buffer;
    const source = ok(await t.http.get(`${w.base}/templates/extract`)).body.source as string;
    ok(await t.http.put(`${w.base}/templates/extract`).send({ source: `# MODÈLE MODIFIÉ\n\n${source}` }));
    // The act not yet issued follows the new template; the issued one does not move.
    expect(await pdfText((await pdf(`${w.base}/items/${w.items[1]}/extract.pdf`).expect(200)).body)).toContain('MODÈLE MODIFIÉ');
    const after = (await pdf(`${w.base}/items/${w.items[0]}/extract.pdf`).expect(200)).body as Buffer;
    expect(after.equals(before)).toBe(true);
    expect(await pdfText(after)).not.toContain('MODÈLE MODIFIÉ');
    expectError(await t.http.post(`${w.base}/items/${w.items[0]}/issue`), 409, 'ACT_ALREADY_ISSUED');
  });

  it('an act that is not voted is not issued', async () => {
    const draft = ok(await t.http.post(api(w).items).send({ object: 'POINT NON VOTÉ', matiereCode: '7.1' })).body.id;
    await refused(w, () => t.http.post(`${w.base}/items/${draft}/issue`), 409, 'ITEM_NOT_VOTED', /no act/);
    expectError(await t.http.get(`${w.base}/items/${draft}/issued.pdf`), 404, 'ACT_NOT_ISSUED');
  });
});

describe('signing over HTTP (L2121-23): the accounts linked to the president and the secretary, password again', () => {
  it('refuses a staff secretary and a wrong password; the second signature issues the act', async () => {
    const w = await buildWorld(t, { items: 1 });
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    const path = `${w.base}/items/${w.items[0]}/signatures`;
    const staff = await asRole(t, w.cid, 'secretary');
    // Whatever their role: the president's account is an administrator's, the secretary's a mere member's.
    const president = await asRole(t, w.cid, 'administrator', { memberId: w.m[0] });
    const secretary = await asRole(t, w.cid, 'member', { memberId: w.m[1] });
    const otherMember = await asRole(t, w.cid, 'president', { memberId: w.m[2] });
    await refused(w, () => staff.http.post(path).send({ password: staff.password }), 403, 'SIGNATURE_NOT_ALLOWED', /L2121-23/);
    await refused(w, () => otherMember.http.post(path).send({ password: otherMember.password }), 403, 'SIGNATURE_NOT_ALLOWED', /linked to neither/);
    // A token of the president's own account does not sign: a person confirms at that moment.
    const token = ok(await president.http.post('/api/auth/tokens').send({ collectivityId: w.cid, role: 'administrator', label: 'signing', days: 1 })).body.token as string;
    await refused(w, () => withBearer(t, token).post(path).send({ password: president.password }), 403, 'SIGNATURE_NOT_ALLOWED', /token/);
    await refused(w, () => president.http.post(path).send({ password: 'not the password' }), 401, 'SIGNATURE_CONFIRMATION_FAILED', /password/);
    const first = ok(await president.http.post(path).send({ password: president.password })).body;
    expect(first.required.map((r: { capacity: string; signedAt: string | null }) => [r.capacity, !!r.signedAt])).toEqual([['president', true], ['secretary', false]]);
    expect(first.issued).toBeNull();
    expectError(await president.http.post(path).send({ password: president.password }), 409, 'ACT_ALREADY_SIGNED');
    const second = ok(await secretary.http.post(path).send({ password: secretary.password })).body;
    expect(second.issued).toEqual(expect.objectContaining({ signatureMode: 'development' }));
    expect(second.status.stage).toBe('signed');
  }, 60000);
});

describe('the public verification page', () => {
  async function issuedAct() {
    const { cid, item } = await valmorin();
    const state = await item('2026-002');
    const act = ok(await valmorinHttp.get(`/api/collectivities/${cid}/items/${state.item.id}/act`)).body;
    const file = (await pdf(`/api/collectivities/${cid}/items/${state.item.id}/issued.pdf`, valmorinHttp)).body as Buffer;
    return { code: act.issued.verificationCode as string, file };
  }

  it('says "conforme" for the issued PDF and "non conforme" for an altered one, with who signed and when', async () => {
    const { code, file } = await issuedAct();
    const page = await t.anonymous.get(`/verification/${code}`).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('n°2026-002');
    expect(page.text).toMatch(/Mme Solène VERDALIER, président\(e\) de séance, le \d+ \S+ \d{4} à \d\d h \d\d/);
    const good = await t.anonymous.post(`/verification/${code}`).attach('file', file, 'acte.pdf').expect(200);
    expect(good.text).toContain('Document conforme');
    const altered = Buffer.from(file);
    altered[Math.floor(altered.length / 2)] ^= 0x01;
    const bad = await t.anonymous.post(`/verification/${code}`).attach('file', altered, 'acte.pdf').expect(200);
    expect(bad.text).toContain('Document non conforme');
    const api = ok(await t.anonymous.post(`/api/verification/${code.toLowerCase()}`).send({ sha256: require('node:crypto').createHash('sha256').update(file).digest('hex') })).body;
    expect(api.conforme).toBe(true);
  });

  it('answers an unknown code with a French 404 page and a bad digest with a 400', async () => {
    const page = await t.anonymous.get('/verification/AAAA-BBBB-CCCC').expect(404);
    expect(page.text).toContain('Aucun acte délivré ne porte ce code');
    const { code } = await issuedAct();
    expectError(await t.anonymous.post(`/api/verification/${code}`).send({ sha256: 'abc' }), 400, 'VALIDATION_FAILED', /sha256/);
  });
});

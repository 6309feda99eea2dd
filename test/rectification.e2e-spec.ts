// Issue 9: "A correction is a new act (rectificative) pointing to the original, which stays as it was." A later
// deliberation of the same body rectifies an issued act: its extract says so, its sealed record names the original by
// its digest, the original's bytes and sealed record do not move, and both verification pages link the two acts.
import { createHash } from 'node:crypto';
import { binary, pdfText } from './setup/pdf-text';
import { api, buildWorld, createSession, expectError, ok, putAttendance, refused, transition, World } from './setup/factory';
import { asRole, bootTestApp, TestApp, type RoleClient } from './setup/test-app';

let t: TestApp;
let w: World;
let president: RoleClient;
let secretary: RoleClient;
beforeAll(async () => {
  t = await bootTestApp();
  w = await buildWorld(t, { items: 2 });
  president = await asRole(t, w.cid, 'president', { memberId: w.m[0] });
  secretary = await asRole(t, w.cid, 'member', { memberId: w.m[1] });
}, 60000);
afterAll(() => t.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = async (path: string) => (await t.http.get(path).buffer(true).parse(binary).expect(200)).body as Buffer;
const vote = async (item: string) => ok(await t.http.post(api(w).vote(item)).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
async function signBoth(item: string) {
  const path = `${w.base}/items/${item}/signatures`;
  ok(await president.http.post(path).send({ password: president.password }));
  return ok(await secretary.http.post(path).send({ password: secretary.password })).body;
}
const sealedRow = async (itemId: string) => (await t.db.query(`SELECT seq, canonical, record_hash FROM sealed_record WHERE item_id = $1`, [itemId]))[0];

describe('a rectificative act: a later deliberation of the same body corrects an issued one, which stays as it was', () => {
  let original: { id: string; number: string; sha256: string; code: string; pdf: Buffer; sealed: { seq: number; canonical: string; record_hash: string } };
  let rectificative: string;
  let session2: string;

  beforeAll(async () => {
    await vote(w.items[0]);
    const issued = (await signBoth(w.items[0])).issued;
    const number = ok(await t.http.get(api(w).item(w.items[0]))).body.number;
    original = { id: w.items[0], number, sha256: issued.sha256, code: issued.verificationCode, pdf: await pdf(`${w.base}/items/${w.items[0]}/issued.pdf`), sealed: await sealedRow(w.items[0]) };
    // The next session of the same council, a month later, whose agenda carries the rectification.
    session2 = (await createSession(w, '2024-04-15T18:30:00+02:00', { presidentId: w.m[0], secretaryIds: [w.m[1]], convocationDate: '2024-04-08' })).id;
    rectificative = ok(await t.http.post(`${w.base}/sessions/${session2}/items`).send({
      object: "RECTIFICATION D'UNE ERREUR MATÉRIELLE", matiereCode: '7.1', decisionMd: '- **DÉCIDE** de rectifier le montant inscrit à l’article 2.',
    })).body.id;
  }, 60000);

  it('is recorded on the draft item by the number of the act it rectifies; the rules refuse the rest and change nothing', async () => {
    const path = `${w.base}/items/${rectificative}/rectification`;
    await refused(w, () => t.http.put(path).send({ rectifiesNumber: original.number, rectifiesItemId: original.id, kind: 'material-error' }), 400, 'VALIDATION_FAILED', /one of them/);
    await refused(w, () => t.http.put(path).send({ rectifiesNumber: original.number, kind: 'typo' }), 400, 'VALIDATION_FAILED', /kind/);
    await refused(w, () => t.http.put(path).send({ rectifiesNumber: '1999-999', kind: 'material-error' }), 404, 'NOT_FOUND', /1999-999/);
    // The second act of the first session is not issued: it is corrected before its signature, not by a new act.
    await refused(w, () => t.http.put(path).send({ rectifiesItemId: w.items[1], kind: 'material-error' }), 409, 'RECTIFIED_ACT_NOT_ISSUED', /not issued/);
    await refused(w, () => t.http.put(`${w.base}/items/${original.id}/rectification`).send({ rectifiesItemId: original.id, kind: 'replacement' }), 422, 'RECTIFICATION_INVALID', /itself/);
    // A staff account without the preparation permission does not record it.
    expectError(await secretary.http.put(path).send({ rectifiesNumber: original.number, kind: 'material-error' }), 403, 'FORBIDDEN');

    const first = ok(await t.http.put(path).send({ rectifiesNumber: original.number, kind: 'replacement' })).body;
    expect(first.rectifies).toEqual(expect.objectContaining({ kind: 'replacement', itemId: original.id, number: original.number, sessionDate: '2024-03-11', verificationCode: original.code }));
    expect(ok(await t.http.put(path).send({ rectifiesItemId: original.id, kind: 'material-error' })).body.rectifies.kind).toBe('material-error');
    ok(await t.http.delete(path), [204]);
    expect(ok(await t.http.get(`${w.base}/items/${rectificative}/act`)).body.rectifies).toBeNull();
    ok(await t.http.put(path).send({ rectifiesNumber: original.number, kind: 'material-error' }));
  });

  it('is fixed by the vote, and its extract says which act it rectifies (in French, under its object)', async () => {
    ok(await putAttendance(w, session2, w.m.map((id) => ({ memberId: id, status: 'present' }))));
    await transition(w, session2, 'convened');
    await transition(w, session2, 'open');
    ok(await t.http.post(`${w.base}/items/${rectificative}/vote`).send({ mode: 'show_of_hands', counts: { pour: 9, contre: 0, abstention: 0 } }));
    const path = `${w.base}/items/${rectificative}/rectification`;
    await refused(w, () => t.http.put(path).send({ rectifiesNumber: original.number, kind: 'replacement' }), 409, 'ITEM_SEALED', /before the vote/);
    await refused(w, () => t.http.delete(path), 409, 'ITEM_SEALED', /sealed/);
    // The database refuses too, even to the owner.
    await expect(t.db.query(`DELETE FROM act_rectification WHERE item_id = $1`, [rectificative])).rejects.toThrow(/sealed text/);
    const text = await pdfText(await pdf(`${w.base}/items/${rectificative}/extract.pdf`));
    expect(text).toContain(`La présente délibération rectifie l'erreur matérielle entachant la délibération n°${original.number} du 11 mars 2024 (« POINT 1 »), dont les autres dispositions demeurent inchangées.`);
  });

  it('once signed, it is issued with that sentence, and its sealed record names the original by its digest; the original does not move', async () => {
    const state = await signBoth(rectificative);
    expect(state.issued).toEqual(expect.objectContaining({ signatureMode: 'development' }));
    expect(state.rectifies).toEqual(expect.objectContaining({ kind: 'material-error', itemId: original.id, number: original.number, verificationUrl: `http://localhost:3000/verification/${original.code}` }));
    expect(await pdfText(await pdf(`${w.base}/items/${rectificative}/issued.pdf`))).toContain(`rectifie l'erreur matérielle entachant la délibération n°${original.number}`);

    const sealed = JSON.parse((await sealedRow(rectificative)).canonical);
    expect(sealed.format).toBe('registre-sealed-act/3');
    expect(sealed.issued.rectifies).toEqual({ kind: 'material-error', itemId: original.id, number: original.number, issuedActId: expect.any(String), sha256: original.sha256 });
    const [issuedRow] = await t.db.query(`SELECT rectifies_item_id FROM issued_act WHERE item_id = $1`, [rectificative]);
    expect(issuedRow.rectifies_item_id).toBe(original.id);

    // The original: the same bytes, the same sealed record, the same place in the chain; the chain verifies.
    expect((await pdf(`${w.base}/items/${original.id}/issued.pdf`)).equals(original.pdf)).toBe(true);
    expect(await sealedRow(original.id)).toEqual(original.sealed);
    expect(sha256(original.pdf)).toBe(original.sha256);
    const chain = ok(await t.http.get(`${w.base}/sealed-chain/verification`)).body;
    expect(chain).toEqual(expect.objectContaining({ ok: true, records: 2, problems: [] }));
  });

  it('the original\'s state and public page say it was rectified by the new act, with a link; the new act\'s page links back', async () => {
    const next = ok(await t.http.get(`${w.base}/items/${rectificative}/act`)).body;
    const newNumber = ok(await t.http.get(api(w).item(rectificative))).body.number;
    const byState = ok(await t.http.get(`${w.base}/items/${original.id}/act`)).body;
    expect(byState.issued.sha256).toBe(original.sha256);
    expect(byState.rectifiedBy).toEqual([expect.objectContaining({
      kind: 'material-error', itemId: rectificative, number: newNumber, sessionDate: '2024-04-15', verificationCode: next.issued.verificationCode, verificationUrl: next.issued.verificationUrl,
    })]);

    const publicApi = ok(await t.anonymous.get(`/api/verification/${original.code}`)).body;
    expect(publicApi.sha256).toBe(original.sha256);
    expect(publicApi.rectifiedBy).toEqual([expect.objectContaining({ number: newNumber, verificationUrl: next.issued.verificationUrl })]);
    const page = (await t.anonymous.get(`/verification/${original.code}`).expect(200)).text;
    expect(page).toContain('Délibération rectifiée');
    expect(page).toContain(`<a href="${next.issued.verificationUrl}">Rectifiée (erreur matérielle) par la délibération n°${newNumber} du 15 avril 2024</a>`);
    // The original as issued is still "conforme": it was not changed, only rectified by another act.
    const check = await t.anonymous.post(`/verification/${original.code}`).attach('file', original.pdf, 'acte.pdf').expect(200);
    expect(check.text).toContain('Document conforme');

    const back = (await t.anonymous.get(`/verification/${next.issued.verificationCode}`).expect(200)).text;
    expect(back).toContain(`<a href="http://localhost:3000/verification/${original.code}">Rectifie l'erreur matérielle entachant la délibération n°${original.number} du 11 mars 2024</a>`);
    expect(back).not.toContain('Délibération rectifiée');
  });
});

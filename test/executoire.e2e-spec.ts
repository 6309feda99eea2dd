// The exécutoire facts of an act (L2131-1) are recorded once each — sent, received by the préfecture (date of
// receipt and identifier), published — and a mistake is corrected by an explicit correction with a reason,
// which the audit trail keeps with both values. The date of receipt is the one the extract prints.
import { api, buildWorld, expectError, ok, refused, World } from './setup/factory';
import { binary, pdfText } from './setup/pdf-text';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
let w: World;
let path: string;
let acteId: string;
beforeAll(async () => {
  t = await bootTestApp();
  w = await buildWorld(t);
  const voted = ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } })).body;
  path = api(w).item(w.items[0]);
  acteId = `062-${voted.collectivity.siren}-20240311-${voted.item.number.replace(/-/g, '_')}-DE`;
}, 60_000);
afterAll(() => t.close());

const version = async () => ok(await t.http.get(path)).body.version as number;
const dbCode = (sql: string, params: unknown[]) =>
  t.db.query(sql, params).then(() => null, (e: { driverError?: { code?: string } }) => e.driverError?.code ?? 'unknown');

describe('exécutoire facts (L2131-1)', () => {
  it('are recorded once each, in order, by their own use cases; a PATCH of a recorded one is refused EXECUTOIRE_FACT_RECORDED', async () => {
    await refused(w, async () => t.http.post(`${path}/acknowledgement`).send({ version: await version(), receivedAt: '2024-03-12', acteId }), 400, 'VALIDATION_FAILED', /transmission first/);
    await refused(w, async () => t.http.post(`${api(w).item(w.items[1])}/transmission`).send({ version: 1, transmittedAt: '2024-03-12' }), 409, 'ITEM_NOT_VOTED', /adopted act/);
    await refused(w, async () => t.http.post(`${path}/transmission`).send({ version: await version(), transmittedAt: '2999-01-01' }), 400, 'VALIDATION_FAILED', /after today/);

    const sent = ok(await t.http.post(`${path}/transmission`).send({ version: await version(), transmittedAt: '2024-03-12' })).body;
    expect(sent).toMatchObject({ transmittedAt: '2024-03-12', receivedAt: null, acteId: null, publishedAt: null });
    // The same fact sent again (a retried request) changes nothing; another value is refused.
    expect(ok(await t.http.post(`${path}/transmission`).send({ version: sent.version - 1, transmittedAt: '2024-03-12' })).body.version).toBe(sent.version);
    await refused(w, () => t.http.post(`${path}/transmission`).send({ version: sent.version, transmittedAt: '2024-03-13' }), 409, 'EXECUTOIRE_FACT_RECORDED', /transmittedAt .* is recorded \(2024-03-12\)/);
    await refused(w, () => t.http.patch(path).send({ version: sent.version, transmittedAt: '2024-03-13' }), 409, 'EXECUTOIRE_FACT_RECORDED', /executoire-corrections/);
    // Not recorded yet: the PATCH names the use case that records it.
    await refused(w, () => t.http.patch(path).send({ version: sent.version, publishedAt: '2024-03-13' }), 400, 'VALIDATION_FAILED', /publication/);

    await refused(w, () => t.http.post(`${path}/acknowledgement`).send({ version: sent.version, receivedAt: '2024-03-11', acteId }), 400, 'VALIDATION_FAILED', /before the transmission/);
    const received = ok(await t.http.post(`${path}/acknowledgement`).send({ version: sent.version, receivedAt: '2024-03-13', acteId })).body;
    expect(received).toMatchObject({ receivedAt: '2024-03-13', acteId });
    await refused(w, () => t.http.post(`${path}/acknowledgement`).send({ version: received.version, receivedAt: '2024-03-13', acteId: `${acteId}X` }), 409, 'EXECUTOIRE_FACT_RECORDED', /acteId/);
    const published = ok(await t.http.post(`${path}/publication`).send({ version: received.version, publishedAt: '2024-03-14' })).body;
    expect(published).toMatchObject({ transmittedAt: '2024-03-12', receivedAt: '2024-03-13', acteId, publishedAt: '2024-03-14' });
    const state = ok(await t.http.get(api(w).state(w.items[0]))).body;
    expect(state.item).toMatchObject({ transmittedAt: '2024-03-12', receivedAt: '2024-03-13', acteId, publishedAt: '2024-03-14' });
  });

  it('are refused an overwrite by the database itself unless its correction is written in the same transaction (RG003)', async () => {
    for (const sql of [
      `UPDATE item SET received_at = '2024-03-20' WHERE id = $1`,
      `UPDATE item SET transmitted_at = NULL WHERE id = $1`,
      `UPDATE item SET acte_id = 'autre' WHERE id = $1`,
    ]) expect({ sql, code: await dbCode(sql, [w.items[0]]) }).toEqual({ sql, code: 'RG003' });
  });

  it('are corrected only with a reason; both values and the reason stay in the trail, and the extract prints the corrected receipt', async () => {
    const v = await version();
    await refused(w, () => t.http.post(`${path}/executoire-corrections`).send({ version: v, receivedAt: '2024-03-14' }), 400, 'VALIDATION_FAILED', /reason/);
    await refused(w, () => t.http.post(`${path}/executoire-corrections`).send({ version: v, receivedAt: '2024-03-13', reason: 'aucun changement' }), 400, 'VALIDATION_FAILED', /at least one/);
    await refused(w, () => t.http.post(`${path}/executoire-corrections`).send({ version: v, receivedAt: '2024-03-11', reason: 'erreur de saisie' }), 400, 'VALIDATION_FAILED', /before the transmission/);
    const reason = "Date de l'accusé de réception mal saisie";
    const corrected = ok(await t.http.post(`${path}/executoire-corrections`).send({ version: v, receivedAt: '2024-03-15', reason })).body;
    expect(corrected).toMatchObject({ receivedAt: '2024-03-15', version: v + 1 });
    expectError(await t.http.post(`${path}/executoire-corrections`).send({ version: v, publishedAt: '2024-03-16', reason }), 409, 'CONFLICT_STALE_VERSION');

    const trail = ok(await t.http.get(`${path}/audit`).query({ pageSize: 200 })).body.items as any[];
    const correction = trail.find((e) => e.table === 'executoire_correction');
    expect(correction).toMatchObject({
      operation: 'INSERT', useCase: 'item.correctExecutoire', itemId: w.items[0],
      changes: expect.objectContaining({ field: { before: null, after: 'received_at' }, before: { before: null, after: '2024-03-13' }, after: { before: null, after: '2024-03-15' }, reason: { before: null, after: reason } }),
    });
    const change = trail.find((e) => e.table === 'item' && e.useCase === 'item.correctExecutoire');
    expect(change).toMatchObject({ operation: 'UPDATE', changes: expect.objectContaining({ received_at: { before: '2024-03-13', after: '2024-03-15' } }) });
    expect(trail.filter((e) => e.table === 'item' && e.changes.transmitted_at).map((e) => e.useCase)).toEqual(['item.recordTransmission']);

    const pdf = (await t.http.get(`${path}/extract.pdf`).buffer(true).parse(binary).expect(200)).body;
    const text = await pdfText(pdf);
    expect(text).toContain('Certifié exécutoire');
    expect(text).toContain('15 mars 2024');
    expect(text).not.toContain('13 mars 2024');
    expect(text).not.toContain('12 mars 2024');
  });
});

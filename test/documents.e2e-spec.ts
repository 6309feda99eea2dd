import { expectReferenceFacts } from './fixtures/reference-extract-check';
import { binary, pdfText } from './setup/pdf-text';
import { api, buildWorld, ok } from './setup/factory';
import { bootTestApp, demoCollectivityId, TestApp } from './setup/test-app';

describe('documents: certified extracts, procès-verbal, list, ZIP and templates', () => {
  let t: TestApp;
  let cid: string;
  let base: string;
  let pdf107: Buffer;
  let text107: string;
  let secondSessionId: string;

  const get = (path: string) => t.http.get(path).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await bootTestApp();
    cid = await demoCollectivityId(t);
    base = `/api/collectivities/${cid}`;
    const res = await get(`${base}/deliberations/extract.pdf`).query({ number: '19-09-107' }).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    pdf107 = res.body;
    text107 = await pdfText(pdf107);
    const sessions = (await t.http.get(`${base}/sessions`).expect(200)).body.items;
    secondSessionId = sessions.find((s: { startsAt: string }) => s.startsAt.startsWith('2019-10-14')).id;
  }, 60_000);
  afterAll(() => t.close(), 30_000);

  it('19-09-107 states every fact of the reference extract', () => {
    expectReferenceFacts(text107);
    // The demo collectivity writes "deux mil" (its setting) and signs at its seat, as the reference extract does.
    expect(text107).toContain("L'an deux mil dix-neuf, le lundi 30 septembre à 18 heures 30");
    expect(text107).toContain('Fait à Lumbres, le 30 septembre 2019.');
    expect(text107).toMatch(/Page 1\/2 .*Page 2\/2/);
  });

  it('embeds subset TrueType fonts and renders the same act to the same bytes', async () => {
    const raw = pdf107.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVu/);
    const again = (await get(`${base}/deliberations/extract.pdf`).query({ number: '19-09-107' }).expect(200)).body;
    expect(Buffer.compare(again, pdf107)).toBe(0);
  });

  it('serves the PDF/A-2b version for archives', async () => {
    const pdfa = (await get(`${base}/deliberations/extract.pdf`).query({ number: '19-09-107', pdfa: 'true' }).expect(200)).body as Buffer;
    const raw = pdfa.toString('latin1');
    expect(raw).toContain('pdfaid:part');
    expect(raw).toContain('/OutputIntents');
  });

  it('takes pdfa as true or false only: "?pdfa=yes" is a 400 naming the field, not a file that is not PDF/A', async () => {
    for (const pdfa of ['yes', '1', 'TRUE', '']) {
      const res = await t.http.get(`${base}/deliberations/extract.pdf`).query({ number: '19-09-107', pdfa }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain('pdfa');
    }
    const plain = (await get(`${base}/deliberations/extract.pdf`).query({ number: '19-09-107', pdfa: 'false' }).expect(200)).body as Buffer;
    expect(Buffer.compare(plain, pdf107)).toBe(0);
  });

  it("the second session's documents state its arrival, departure with proxy, recusal, named votes, casting vote and election", async () => {
    const items = (await t.http.get(`${base}/sessions/${secondSessionId}/items`).expect(200)).body.items;
    const text = async (position: number) =>
      pdfText((await get(`${base}/items/${items[position - 1].id}/extract.pdf`).expect(200)).body);
    const t3 = await text(3);
    expect(t3).toMatch(/Madame Patricia POULAIN (arrive|rejoint)/);
    expect(t3).toMatch(/Monsieur Bernard WALLET .*ne prend pas part/);
    const t4 = await text(4);
    expect(t4).toContain('Monsieur François SAGNIER quitte la séance avant la présente délibération et donne pouvoir à D. BEE');
    expect(t4).toContain('BEE D. (reçoit pouvoir de F. SAGNIER)');
    expect(t4).toContain("LAMOTTE S. (suppléante d'A. DUWAT)");
    expect(t4).toMatch(/Ont voté contre \(3\) : GARDIN J\., LHEUREUX M\., TELLIER C\./);
    expect(t4).toMatch(/Se sont abstenus \(2\) : BACQUET J\., CORDIER A\./);
    expect(t4).toContain('SAGNIER F. (par pouvoir, D. BEE)');
    expect(t4).toContain('par 42 voix pour, 3 voix contre et 2 abstentions');
    expect(await text(5)).toMatch(/prépondérante/);
    const t6 = await text(6);
    expect(t6).toMatch(/Premier tour|1er tour/i);
    expect(t6).toMatch(/Second tour|2e tour|Deuxième tour/i);
    expect(t6).toMatch(/Majorité absolue/);
    expect(t6).toMatch(/Anne FOURNIER/);
    expect(t6).toContain('Certifié exécutoire compte tenu de la transmission en préfecture le 17 octobre 2019 et de la publication le 18 octobre 2019');
    const minutes = await pdfText((await get(`${base}/sessions/${secondSessionId}/minutes.pdf`).expect(200)).body);
    for (const n of ['19-10-108', '19-10-111', '19-10-113']) expect(minutes).toContain(n);
    expect(minutes).toMatch(/POULAIN/);
    expect(minutes).toMatch(/SAGNIER/);
    expect(minutes).toMatch(/WALLET/);
    expect(minutes).toMatch(/GARDIN J\., LHEUREUX M\., TELLIER C\./);
    expect(minutes).toMatch(/prépondérante/);
    expect(minutes).toMatch(/Majorité absolue/);
    const list = await pdfText((await get(`${base}/sessions/${secondSessionId}/deliberations-list.pdf`).expect(200)).body);
    for (const it of items) expect(list).toContain(it.number);
  }, 60_000);

  it('streams the ZIP of a session with one extract per voted item', async () => {
    const res = await get(`${base}/sessions/${secondSessionId}/extracts.zip`).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = res.body as Buffer;
    expect(zip.subarray(0, 4).toString('hex')).toBe('504b0304');
    const names = zip.toString('latin1').match(/extrait-19-10-\d{3}\.pdf/g) ?? [];
    expect(new Set(names).size).toBe(6);
  });

  it('refuses an extract of an item not voted', async () => {
    const session = (await t.http.post(`${base}/sessions`).send({ bodyId: (await t.http.get(`${base}/bodies`)).body.items[0].id, startsAt: '2030-01-10T18:00:00+01:00' }).expect(201)).body;
    const item = (await t.http.post(`${base}/sessions/${session.id}/items`).send({ object: 'PROJET' }).expect(201)).body;
    const res = await t.http.get(`${base}/items/${item.id}/extract.pdf`).expect(409);
    expect(res.body.code).toBe('ITEM_NOT_VOTED');
  });

  describe('templates per collectivity', () => {
    it('refuses an unknown field with a 400 naming the line, and a syntax error with its line; nothing is saved', async () => {
      const before = (await t.http.get(`${base}/templates/extract`).expect(200)).body.versions.length;
      const unknown = await t.http.put(`${base}/templates/extract`).send({ source: 'Ligne 1\n\n{{item.number}}\n{{item.doesNotExist}}\n' }).expect(400);
      expect(unknown.body.code).toBe('TEMPLATE_INVALID');
      expect(unknown.body.details.line).toBe(4);
      expect(unknown.body.message).toMatch(/doesNotExist/);
      const syntax = await t.http.put(`${base}/templates/extract`).send({ source: 'a\nb\n{{#if item.number}}\nc\n' }).expect(400);
      expect(syntax.body.code).toBe('TEMPLATE_INVALID');
      expect(syntax.body.details.line).toEqual(expect.any(Number));
      expect((await t.http.get(`${base}/templates/extract`).expect(200)).body.versions.length).toBe(before);
    });

    it('saves versioned overrides, previews them, and records which version made each document', async () => {
      // The demo's acts are issued (their PDF never changes again): a new act of a new collectivity shows the override.
      const w = await buildWorld(t, { items: 1 });
      ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
      const base = w.base;
      const current = (await t.http.get(`${base}/templates/signatures`).expect(200)).body;
      const source = `${current.defaultSource}\n\nCachet de la collectivité.\n`;
      const preview = await t.http.post(`${base}/templates/signatures/preview`).send({ source }).buffer(true).parse(binary).expect(201);
      expect(await pdfText(preview.body)).toContain('Cachet de la collectivité');
      const saved = (await t.http.put(`${base}/templates/signatures`).send({ source }).expect(200)).body;
      expect(saved.version).toBe(current.versions.length + 1);
      const res = await get(`${base}/items/${w.items[0]}/extract.pdf`).expect(200);
      expect(await pdfText(res.body)).toContain('Cachet de la collectivité');
      const log = await t.db.query(`SELECT template_versions FROM rendered_document WHERE collectivity_id = $1 ORDER BY created_at DESC LIMIT 1`, [w.cid]);
      expect(log[0].template_versions['partials/signatures']).toBe(String(saved.version));
    }, 60000);
  });
});

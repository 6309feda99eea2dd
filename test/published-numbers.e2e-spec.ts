// Numbers as councils write them (issue 10, point 2): a number given as published instead of from the
// pattern, unique per body and year (409 ITEM_NUMBER_TAKEN), and the platform's identifier with hyphens
// inside its number accepted as given.
import { binary, pdfText } from './setup/pdf-text';
import { api, buildWorld, createSession, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

describe('deliberation numbers as published', () => {
  let t: TestApp;
  let w: World;
  let siren: string;
  const addItem = (sessionId: string, body: object) => t.http.post(`${w.base}/sessions/${sessionId}/items`).send({ object: 'POINT', ...body });

  beforeAll(async () => {
    t = await bootTestApp();
    w = await buildWorld(t, { items: 1, startsAt: '2024-03-11T18:30:00+01:00' });
    siren = ok(await t.http.get(w.base)).body.siren;
  }, 60_000);
  afterAll(() => t.close());

  it('takes "DEL2024-2", "01-02" and "2024/009" as given; the pattern stays the default', async () => {
    const pattern = ok(await t.http.get(api(w).item(w.items[0]))).body.number;
    expect(pattern).toMatch(/^24-03-\d+$/);
    for (const number of ['DEL2024-2', '01-02', '2024/009']) expect(ok(await addItem(w.sessionId, { number })).body.number).toBe(number);
    expect(ok(await addItem(w.sessionId, {})).body.number).toMatch(/^24-03-\d+$/);
  });

  it('refuses a number already given in the body that year with 409 ITEM_NUMBER_TAKEN, and a malformed one with 400 naming number', async () => {
    const taken = await addItem(w.sessionId, { number: '01-02' }).expect(409);
    expect(taken.body.code).toBe('ITEM_NUMBER_TAKEN');
    expect(taken.body.details).toMatchObject({ field: 'number', number: '01-02', year: 2024 });
    for (const number of ['1 2', 'DELIBERATION2024-0001', '-3']) {
      const bad = await addItem(w.sessionId, { number }).expect(400);
      expect(bad.body.details.field).toBe('number');
    }
    const items = ok(await t.http.get(`${w.base}/sessions/${w.sessionId}/items`)).body.items;
    expect(items).toHaveLength(5); // nothing added by the refusals
  });

  it('gives the same number again in another year', async () => {
    const next = await createSession(w, '2025-01-15T18:00:00+01:00', { convocationDate: '2025-01-08' });
    expect(ok(await addItem(next.id, { number: '01-02' })).body.number).toBe('01-02');
  });

  it('prints it on the extract and takes the platform identifier with hyphens in its number, as given', async () => {
    const items = ok(await t.http.get(`${w.base}/sessions/${w.sessionId}/items`)).body.items;
    const item = items.find((i: { number: string }) => i.number === '2024/009');
    ok(await t.http.post(api(w).vote(item.id)).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    const voted = ok(await t.http.get(api(w).item(item.id))).body;
    const acteId = `062-${siren}-20240311-2024-009-DE`;
    const path = api(w).item(item.id);
    const sent = ok(await t.http.post(`${path}/transmission`).send({ version: voted.version, transmittedAt: '2024-03-12' })).body;
    const wrong = await t.http.post(`${path}/acknowledgement`).send({ version: sent.version, receivedAt: '2024-03-12', acteId: `062-${siren}-20240312-2024-009-DE` }).expect(400);
    expect(wrong.body.details).toMatchObject({ field: 'acteId', part: 'date' });
    ok(await t.http.post(`${path}/acknowledgement`).send({ version: sent.version, receivedAt: '2024-03-12', acteId }));
    expect(ok(await t.http.get(path)).body.acteId).toBe(acteId);
    const text = await pdfText((await t.http.get(`${w.base}/items/${item.id}/extract.pdf`).buffer(true).parse(binary).expect(200)).body);
    expect(text).toContain('N°2024/009');
  });
});

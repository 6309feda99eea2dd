// Review 2 of the procès-verbal (L2121-15): bad text never gives a 500, the date of the adopting session is sealed
// by the adoption, the secretary's Markdown cannot swallow the rest of the document, a publication is not dated ahead.
import { api, buildWorld, createSession, ok, refused, transition, World } from './setup/factory';
import { binary, pdfText } from './setup/pdf-text';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const pdf = async (path: string) => pdfText((await t.http.get(path).buffer(true).parse(binary).expect(200)).body);
const minutes = (w: World, sid = w.sessionId) => `${w.base}/sessions/${sid}/minutes`;
const sqlCode = (sql: string, params: unknown[]) => t.db.query(sql, params).then(() => null, (e: { driverError?: { code?: string } }) => e.driverError?.code ?? 'unknown');

/** The world's session closed, a later one of the same body open, and the procès-verbal adopted there. */
async function adopted(w: World, at = '2024-03-25T18:30:00+01:00'): Promise<string> {
  await transition(w, w.sessionId, 'closed');
  const next = await createSession(w, at, { presidentId: w.m[0] });
  for (const to of ['convened', 'open']) await transition(w, next.id, to);
  const { version } = ok(await t.http.get(minutes(w))).body;
  ok(await t.http.post(`${minutes(w)}/adoption`).send({ adoptedAtSessionId: next.id, version }));
  return next.id;
}

describe('text PostgreSQL cannot store', () => {
  it('a NUL character in the debates is a 400, not a 500, and changes nothing', async () => {
    const w = await buildWorld(t);
    await refused(w, () => t.http.put(`${minutes(w)}/debates/${w.items[0]}`).send({ version: 1, textMd: 'Avant\u0000après' }), 400, 'VALIDATION_FAILED', /Invalid value/);
    expect(ok(await t.http.get(minutes(w))).body).toMatchObject({ version: 1, items: [{ textMd: '' }, { textMd: '' }, { textMd: '' }] });
  });
});

describe('the session where a procès-verbal was adopted', () => {
  it('keeps its date: the adoption printed "adopté lors de la séance du ..." (API and database)', async () => {
    const w = await buildWorld(t, { startsAt: '2024-03-11T18:30:00+01:00' });
    const next = await adopted(w);
    const path = `${w.base}/sessions/${next}`;
    const { version } = ok(await t.http.get(path)).body;
    await refused(w, () => t.http.patch(path).send({ version, startsAt: '2024-03-05T18:30:00+01:00' }), 409, 'MINUTES_SEALED', /adopted.*startsAt/);
    await refused(w, () => t.http.patch(path).send({ version, startsAt: '2024-03-26T18:30:00+01:00' }), 409, 'MINUTES_SEALED', /L2121-15/);
    expect(ok(await t.http.get(minutes(w))).body).toMatchObject({ adoptedAtSessionId: next, adoptedOn: '2024-03-25' });
    expect(await sqlCode(`UPDATE session SET starts_at = starts_at - interval '20 days' WHERE id = $1`, [next])).toBe('RG002');
    // Other facts of the session still change while it sits, and so does the date of a session without adoption.
    ok(await t.http.patch(path).send({ version, place: 'Salle des fêtes' }));
    const other = await createSession(w, '2024-04-08T18:30:00+02:00', { presidentId: w.m[0] });
    ok(await t.http.patch(`${w.base}/sessions/${other.id}`).send({ version: other.version, startsAt: '2024-04-09T18:30:00+02:00' }));
  });
});

describe('the debates in the document', () => {
  it.each([
    ['an unclosed code fence', 'Avant\n```\ncode'],
    ['an unclosed tilde fence', 'Avant\n~~~'],
    ['an unclosed <pre>', 'Avant\n<pre>\ntexte'],
    ['an unclosed <script>', '<script>texte'],
    ['an unclosed CDATA', '<![CDATA[ texte'],
  ])('%s stays inside the debates: the rest of the procès-verbal keeps its layout', async (_what, textMd) => {
    const w = await buildWorld(t);
    ok(await t.http.post(api(w).vote(w.items[1])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    ok(await t.http.put(`${minutes(w)}/debates/${w.items[0]}`).send({ version: 1, textMd }));
    const text = await pdf(`${minutes(w)}.pdf`);
    expect(text).toContain('Débats : ');
    // Swallowed into a code or HTML block, the Markdown of the template would print raw.
    expect(text).not.toMatch(/## |\*\*|\| ?[A-Za-zÀ-ÿ]/);
    expect(text).toMatch(/Délibération n°\S+ : POINT 2/);
    expect(text).toContain("L'ordre du jour étant épuisé, la séance est levée.");
  });
});

describe('the publication date', () => {
  it('is not a day still to come: set once and sealed, a typo could never be corrected', async () => {
    const w = await buildWorld(t);
    await adopted(w);
    const { version } = ok(await t.http.get(minutes(w))).body;
    await refused(w, () => t.http.post(`${minutes(w)}/publication`).send({ version, publishedOn: '2099-03-27' }), 400, 'VALIDATION_FAILED', /publishedOn 2099-03-27 is after today/);
    ok(await t.http.post(`${minutes(w)}/publication`).send({ version, publishedOn: '2024-03-27' }));
  });
});

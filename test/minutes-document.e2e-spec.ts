// The procès-verbal over HTTP, read back from the PDF: a draft with the debates and the ballot requests,
// then the same document once adopted at the next session and published (L2121-15, L2121-21).
import { api, buildWorld, createSession, ok, transition } from './setup/factory';
import { binary, pdfText } from './setup/pdf-text';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const pdf = async (path: string) => pdfText((await t.http.get(path).buffer(true).parse(binary).expect(200)).body);

it('states the debates and the ballot requests at their item, "Projet" until adopted, then its adoption and publication', async () => {
  const w = await buildWorld(t, { startsAt: '2024-03-11T18:30:00+01:00' });
  const minutes = `${w.base}/sessions/${w.sessionId}/minutes`;
  ok(await t.http.post(api(w).vote(w.items[0])).send({
    mode: 'roll_call', ballots: w.m.slice(0, 7).map((voterId) => ({ voterId, choice: 'pour' })), requestedBy: [w.m[3], w.m[4]],
  }));
  ok(await t.http.post(api(w).vote(w.items[1])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
  ok(await t.http.put(`${minutes}/debates/${w.items[0]}`).send({ version: 1, textMd: 'M. Prénom2 NOM002 demande le **calendrier** des travaux.' }));
  await transition(w, w.sessionId, 'closed');
  ok(await t.http.put(`${minutes}/debates/${w.items[1]}`).send({ version: 2, textMd: 'Aucune observation.' }));

  const draft = await pdf(`${minutes}.pdf`);
  expect(draft).toContain('PROJET DE PROCÈS-VERBAL DE LA SÉANCE');
  expect(draft).toContain("Projet soumis à l'approbation du conseil municipal lors de sa prochaine séance (article L2121-15 du CGCT).");
  const first = draft.slice(draft.indexOf('POINT 1'), draft.lastIndexOf('POINT 2'));
  expect(first).toContain('Débats : M. Prénom2 NOM002 demande le calendrier des travaux.');
  expect(first).toContain('Le scrutin public a été demandé par Mme Prénom3 NOM003 et M. Prénom4 NOM004 (article L2121-21 du CGCT).');
  expect(draft.slice(draft.lastIndexOf('POINT 2'))).toContain('Débats : Aucune observation.');
  expect(draft).not.toContain('adopté lors de la séance');
  const extract = await pdf(`${w.base}/items/${w.items[0]}/extract.pdf`);
  expect(extract).toContain('Le scrutin public a été demandé par Mme Prénom3 NOM003 et M. Prénom4 NOM004');

  const next = await createSession(w, '2024-03-25T18:30:00+01:00', { presidentId: w.m[0] });
  for (const to of ['convened', 'open']) await transition(w, next.id, to);
  ok(await t.http.post(`${minutes}/adoption`).send({ adoptedAtSessionId: next.id, version: 3 }));
  ok(await t.http.post(`${minutes}/publication`).send({ version: 4, publishedOn: '2024-03-27' }));
  const adopted = await pdf(`${minutes}.pdf`);
  expect(adopted).not.toContain('PROJET');
  expect(adopted).toContain('PROCÈS-VERBAL DE LA SÉANCE');
  expect(adopted).toContain('Débats : M. Prénom2 NOM002 demande le calendrier des travaux.');
  expect(adopted).toMatch(/secrétaire de séance.*Procès-verbal adopté lors de la séance du 25 mars 2024\. Publié le 27 mars 2024\./);
});

describe('the demo', () => {
  it('adopted the procès-verbal of 30 September at the session of 14 October, whose own is a draft with debates and the requests of item 4', async () => {
    const ccpl = (await t.http.get('/api/collectivities').expect(200)).body.items.find((c: { siren: string }) => c.siren === '246200364');
    const base = `/api/collectivities/${ccpl.id}`;
    const sessions = (await t.http.get(`${base}/sessions`).expect(200)).body.items;
    const [september, october] = ['2019-09-30', '2019-10-14'].map((d) => sessions.find((s: { startsAt: string }) => s.startsAt.startsWith(d)).id);
    expect(ok(await t.http.get(`${base}/sessions/${september}/minutes`)).body).toMatchObject({
      status: 'adopted', adoptedAtSessionId: october, adoptedOn: '2019-10-14', publishedOn: '2019-10-18', publicationDue: '2019-10-21',
    });
    expect(await pdf(`${base}/sessions/${september}/minutes.pdf`)).toContain('Procès-verbal adopté lors de la séance du 14 octobre 2019. Publié le 18 octobre 2019.');

    const items = (await t.http.get(`${base}/sessions/${october}/items`).expect(200)).body.items;
    const state4 = ok(await t.http.get(`${base}/items/${items[3].id}/state`)).body;
    expect(state4.vote.requestedBy).toHaveLength(Math.ceil(state4.attendance.present.length / 4));
    expect(state4.vote.requestedBy.map((m: { lastName: string }) => m.lastName)).toEqual(expect.arrayContaining(['GARDIN', 'POULAIN']));
    const draft = await pdf(`${base}/sessions/${october}/minutes.pdf`);
    expect(draft).toContain('PROJET DE PROCÈS-VERBAL DE LA SÉANCE');
    expect(draft).toMatch(/Débats : M\. Jean GARDIN estime que la hausse pèsera sur les familles/);
    expect(draft).toMatch(/Débats : Le Président expose les menaces qui pèsent sur la desserte de la gare de Lumbres/);
    expect(draft).toContain('Le scrutin public a été demandé par M. Jean GARDIN, M. Marc LHEUREUX, M. Christophe TELLIER');
    expect(draft).toMatch(/Mme Patricia POULAIN, .* et Mme Hélène CARVALHO \(article L2121-21 du CGCT\)/);
  });
});

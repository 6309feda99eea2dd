// The procès-verbal over HTTP, read back from the PDF: a draft with the debates and the ballot requests,
// then the same document once adopted at the next session and published (L2121-15, L2121-21).
import request from 'supertest';
import { api, buildWorld, createSession, ok, transition } from './setup/factory';
import { pdfText } from './setup/pdf-text';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
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
  expect(draft).toContain("Projet soumis à l'approbation du conseil lors de sa prochaine séance (article L2121-15 du CGCT).");
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

// A session whose quorum is not met examines nothing, yet it has a procès-verbal (L2121-15) that says so (L2121-17).
import { buildWorld, failedFirstConvocation, ok } from './setup/factory';
import { binary, pdfText } from './setup/pdf-text';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
beforeAll(async () => { t = await bootTestApp(); });
afterAll(() => t.close());


describe('procès-verbal of a session without quorum', () => {
  it('states the attendance, the quorum not met and that the assembly will be convened again; the list is empty', async () => {
    const w = await buildWorld(t, { members: 9, items: 1 });
    const sid = await failedFirstConvocation(w, '2024-02-05T18:30:00+01:00', 2);
    const res = ok(await t.http.get(`${w.base}/sessions/${sid}/minutes.pdf`).buffer(true).parse(binary));
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.body);
    expect(text).toMatch(/PROJET DE PROCÈS-VERBAL/);
    expect(text).toContain("Le quorum n'étant pas atteint (2 membres présents, 5 requis), la séance est levée");
    expect(text).toContain('article L2121-17 du CGCT');
    expect(text).toMatch(/lundi 5 février à 18 heures 30/);
    const list = ok(await t.http.get(`${w.base}/sessions/${sid}/deliberations-list.pdf`).buffer(true).parse(binary));
    expect(list.headers['content-type']).toBe('application/pdf');
  });
});

// Templates that would hurt are refused when saved: a partial breaking a document that includes it,
// prototype lookups, loops inside loops; the client never sees Handlebars' or JavaScript's own texts.
import { binary, pdfText } from './setup/pdf-text';
import { createCollectivity } from './setup/factory';
import { bootTestApp, demoCollectivityId, TestApp } from './setup/test-app';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await bootTestApp();
  base = `/api/collectivities/${await createCollectivity(t, 'Commune des gabarits')}`;
}, 60_000);
afterAll(() => t.close(), 30_000);

const INTERNAL = /Expecting|knownHelpersOnly|not defined in|\[object|could not be found|doesn't match|TypeError|RangeError|at Object\./;

describe('templates checked when saved', () => {
  it('refuses a signatures partial that breaks the procès-verbal, naming the document and the line; nothing is saved', async () => {
    const current = (await t.http.get(`${base}/templates/signatures`).expect(200)).body;
    const source = `${current.defaultSource.trimEnd()}\n\n{{closingFormula}}\n`;
    const line = source.trimEnd().split('\n').length;
    const res = await t.http.put(`${base}/templates/signatures`).send({ source }).expect(400);
    expect(res.body.code).toBe('TEMPLATE_INVALID');
    expect(res.body.details).toMatchObject({ template: 'partials/signatures', line, field: 'closingFormula', document: 'minutes', documentLine: expect.any(Number) });
    expect(res.body.message).toMatch(new RegExp(`partials/signatures, line ${line}: unknown field "closingFormula" \\(in the document minutes, included at line \\d+\\)`));
    expect((await t.http.get(`${base}/templates/signatures`).expect(200)).body.versions).toHaveLength(0);
  }, 30_000);

  it.each(['__proto__', 'constructor', '__defineGetter__', 'prototype', 'toString'])('refuses a lookup of %s with its line', async (name) => {
    for (const source of [`Ligne 1\n{{item.${name}}}`, `Ligne 1\n{{lookup item "${name}"}}`]) {
      const res = await t.http.put(`${base}/templates/extract`).send({ source }).expect(400);
      expect(res.body).toMatchObject({ code: 'TEMPLATE_INVALID', details: { line: 2, template: 'extract' } });
      expect(res.body.message).not.toMatch(INTERNAL);
    }
  }, 30_000);

  it('refuses four nested loops (TEMPLATE_TOO_EXPENSIVE, 422), and a template whose trial render on the demo act runs past its budget', async () => {
    const four = `${'{{#each @root.signatures}}'.repeat(4)}{{role}}${'{{/each}}'.repeat(4)}`;
    const deep = await t.http.put(`${base}/templates/extract`).send({ source: four }).expect(422);
    expect(deep.body).toMatchObject({ code: 'TEMPLATE_TOO_EXPENSIVE', details: { line: 1 } });
    // Three loops pass the static check; 3,000 names in the innermost one make 81 million.
    const wide = `${'{{#each @root.attendance.present.[1].names}}'.repeat(3)}${'{{this}} '.repeat(3000)}${'{{/each}}'.repeat(3)}`;
    const slow = await t.http.put(`${base}/templates/extract`).send({ source: wide }).expect(422);
    expect(slow.body).toMatchObject({ code: 'TEMPLATE_TOO_EXPENSIVE', details: { template: 'extract' } });
    expect((await t.http.get(`${base}/templates/extract`).expect(200)).body.versions).toHaveLength(0);
  }, 60_000);

  it.each([
    ['a syntax error', 'a\n{{ item.number }\nc\n'],
    ['an unknown helper', 'a\n{{frobnicate item.number}}'],
    ['a missing partial', 'a\n{{> pied-de-page}}'],
    ['a partial block', 'a\n{{#> header}}x{{/header}}'],
  ])('words %s in stable terms, with its line', async (_, source) => {
    const res = await t.http.put(`${base}/templates/extract`).send({ source }).expect(400);
    expect(res.body.code).toBe('TEMPLATE_INVALID');
    expect(res.body.details.line).toBe(2);
    expect(res.body.message).not.toMatch(INTERNAL);
  }, 30_000);

  it('still renders the demo documents with the shipped partials after the refusals', async () => {
    const cid = await demoCollectivityId(t);
    const sessions = (await t.http.get(`/api/collectivities/${cid}/sessions`).expect(200)).body.items;
    const pdf = await t.http.get(`/api/collectivities/${cid}/sessions/${sessions[0].id}/minutes.pdf`).buffer(true).parse(binary).expect(200);
    expect(await pdfText(pdf.body)).toMatch(/procès-verbal/i);
  }, 30_000);
});

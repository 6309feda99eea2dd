// The issued PDFs' PAdES signatures, checked by Poppler's pdfsig with the development CA (or the signers'
// CAs) trusted in an NSS database of the test's own (certutil), as a reader's software would check them.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInContext, type Actor } from '../../src/auth/actor';
import { IssuingService } from '../../src/issuing/issuing.service';
import { generateDevelopmentCertificate } from '../../src/issuing/signing/certificates';
import { SigningIdentities } from '../../src/issuing/signing/signing-identities';
import { api, buildWorld, ok } from '../setup/factory';
import { binary } from '../setup/pdf-text';
import { bootTestApp, signIn, TestApp } from '../setup/test-app';

for (const tool of ['pdfsig', 'certutil']) {
  if (spawnSync('which', [tool]).status !== 0) throw new Error(`${tool} is missing: run bash scripts/install-system-deps.sh (poppler-utils, libnss3-tools)`);
}

const dir = mkdtempSync(join(tmpdir(), 'registre-pdfsig-'));
const signersDir = join(dir, 'signers');
const PASSPHRASE = 'signataires-de-test';
let t: TestApp;

beforeAll(async () => {
  // Read when the first act is signed: each signer's own certificate, as a collectivity would configure them.
  process.env.SIGNERS_P12_DIR = signersDir;
  process.env.SIGNERS_P12_PASSPHRASE = PASSPHRASE;
  t = await bootTestApp();
}, 120000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

function nssWith(name: string, caPems: string[]): string {
  const db = join(dir, name);
  execFileSync('mkdir', ['-p', db]);
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  caPems.forEach((pem, i) => {
    const file = join(dir, `${name}-ca${i}.pem`);
    writeFileSync(file, pem);
    execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', `ca${i}`, '-t', 'C,C,C', '-i', file]);
  });
  return `sql:${db}`;
}

function pdfsig(nss: string, pdf: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  // pdfsig exits non-zero on an invalid signature: its report is what the test reads.
  const res = spawnSync('pdfsig', ['-nssdir', nss, file], { encoding: 'utf8' });
  return `${res.stdout}${res.stderr}`;
}

const signatureCount = (report: string) => (report.match(/^Signature #\d+:/gm) ?? []).length;
const validCount = (report: string) => (report.match(/Signature Validation: Signature is Valid\./g) ?? []).length;

describe('pdfsig on the issued acts', () => {
  it('2026-001 of the demo: "Signature is Valid." for each signature, trusted through the development CA; one byte changed does not validate', async () => {
    const { http } = await signIn(t.app.getHttpServer(), 'secretariat@valmorin.demo', 'demo-secretariat-2026');
    const list = ok(await http.get('/api/collectivities')).body.items;
    const cid = list.find((c: { siren: string }) => c.siren === '210629879').id;
    const state = ok(await http.get(`/api/collectivities/${cid}/deliberations/state?number=2026-001`)).body;
    const pdf = (await http.get(`/api/collectivities/${cid}/items/${state.item.id}/issued.pdf`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const nss = nssWith('dev', [await t.app.get(SigningIdentities).developmentCaPem()]);
    const report = pdfsig(nss, pdf, '2026-001.pdf');
    expect(signatureCount(report)).toBeGreaterThanOrEqual(1);
    expect(validCount(report)).toBe(signatureCount(report));
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('DÉVELOPPEMENT');
    // One byte of the signed text changed (inside the first signed range).
    const altered = Buffer.from(pdf);
    altered[1000] = altered[1000] === 0x41 ? 0x42 : 0x41;
    const bad = pdfsig(nss, altered, '2026-001-altered.pdf');
    expect(validCount(bad)).toBe(0);
    expect(bad).toMatch(/Digest Mismatch|Signature is Invalid/);
    // And the public page says so.
    const act = ok(await http.get(`/api/collectivities/${cid}/items/${state.item.id}/act`)).body;
    expect((await t.anonymous.post(`/verification/${act.issued.verificationCode}`).attach('file', pdf, 'a.pdf').expect(200)).text).toContain('Document conforme');
    expect((await t.anonymous.post(`/verification/${act.issued.verificationCode}`).attach('file', altered, 'a.pdf').expect(200)).text).toContain('Document non conforme');
  });

  it("with each signer's own certificate, two signatures one over the other, both valid", async () => {
    const w = await buildWorld(t, { items: 1 });
    ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
    execFileSync('mkdir', ['-p', signersDir]);
    const cas: string[] = [];
    for (const [memberId, name] of [[w.m[0], 'Président de test'], [w.m[1], 'Secrétaire de test']]) {
      const cert = generateDevelopmentCertificate(name, PASSPHRASE);
      writeFileSync(join(signersDir, `${memberId}.p12`), cert.p12);
      cas.push(cert.caPem);
    }
    const issuing = t.app.get(IssuingService);
    const as = (memberId: string): Actor => ({ kind: 'system', accountId: null, tokenId: null, label: 'system:test', operator: false, grants: [{ collectivityId: w.cid, role: 'president', memberId }] });
    await runInContext({ actor: as(w.m[0]), requestId: 'test' }, () => issuing.sign(w.cid, w.items[0], 'x'));
    const state = await runInContext({ actor: as(w.m[1]), requestId: 'test' }, () => issuing.sign(w.cid, w.items[0], 'x'));
    expect(state.issued?.signatureMode).toBe('signers');
    const pdf = (await t.http.get(`${w.base}/items/${w.items[0]}/issued.pdf`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const report = pdfsig(nssWith('signers', cas), pdf, 'signers.pdf');
    expect(signatureCount(report)).toBe(2);
    expect(validCount(report)).toBe(2);
    expect(report).toContain('Président de test');
    expect(report).toContain('Secrétaire de test');
    expect(report).toContain('Total document signed');
  });
});

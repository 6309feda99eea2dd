// Issuing and verifying acts. (1) The cost of issuing one act: its PDF/A with the signature mention and
// verification stamp, its PAdES signature (development certificate) and its sealed record (RFC 8785 + SHA-256).
// (2) Verifying a chain of 100,000 sealed acts stored in PostgreSQL, made here from a few hundred real rendered and
// signed extracts, each reused: every link's hash, every record, every issued PDF's SHA-256, as `npm run cli -- verify`
// does it (bench/issuing-chain.ts; target: under 10 s).
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ccplRecord } from '../test/fixtures/ccpl-record';
import { renderExtract } from '../src/documents/render';
import { benchChainVerification } from './issuing-chain';
import type { DeliberationRecord } from '../src/domain/types';
import type { IssuedSigner } from '../src/issuing/issuing.entities';
import { newVerificationCode, parseTemplateVersions } from '../src/issuing/issuing.service';
import { canonicalRecord, sha256Hex } from '../src/issuing/sealed-record';
import { sealReason, signaturesMarkdown } from '../src/issuing/signature-wording';
import { generateDevelopmentCertificate, loadIdentity, type SigningIdentity } from '../src/issuing/signing/certificates';
import { addPadesSignature } from '../src/issuing/signing/pades';

const ISSUE_RUNS = 200;
const WARM_UP = 20;
const DISTINCT = 300;
// ISSUING_BENCH_LINKS: a shorter chain for a quick run (the figure to report is 100,000).
const CHAIN = Number(process.env.ISSUING_BENCH_LINKS ?? 100_000);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** The demo act under another number and date (each a different document, as a register's acts are). */
function act(n: number): DeliberationRecord {
  const r = ccplRecord();
  const number = `26-03-${String(n).padStart(4, '0')}`;
  return { ...r, session: { ...r.session, localDate: '2026-03-12', startsAt: '2026-03-12T19:00:00+01:00' }, item: { ...r.item, id: `item-${n}`, number, object: `${r.item.object} (${n})` } };
}

interface Issued {
  pdf: Buffer;
  record: DeliberationRecord;
  sha256: string;
  code: string;
  signers: IssuedSigner[];
  templateVersions: Record<string, string>;
}

/** What IssuingService.issue does, less the database: render, sign, digest. */
async function issue(record: DeliberationRecord, identity: SigningIdentity): Promise<Issued> {
  const at = new Date().toISOString();
  const signers: IssuedSigner[] = [
    { memberId: 'p', name: 'M. Christian LEROY', capacity: 'president', signedAt: at },
    { memberId: 's', name: 'M. Daniel MAILLOT', capacity: 'secretary', signedAt: at },
  ];
  const code = newVerificationCode();
  const doc = await renderExtract(record, {
    pdfa: true, issuance: { signaturesMarkdown: signaturesMarkdown(record, signers, 'development'), stamp: { url: `https://registre.example/verification/${code}`, code } },
  });
  const pdf = await addPadesSignature(doc.pdf, identity, { name: identity.label, reason: sealReason(signers), location: 'Lumbres', signingTime: new Date() });
  return { pdf, record, sha256: sha256Hex(pdf), code, signers, templateVersions: parseTemplateVersions(doc.templateVersion) };
}

/** Its sealed record, as IssuingService appends it to the chain (RFC 8785 + SHA-256). */
function seal(i: Issued, seq: number, previousHash: string | null): string {
  const canonical = canonicalRecord(i.record, {
    issuedActId: `act-${seq}`, verificationCode: i.code, issuedAt: '2026-03-12T21:00:00.000Z', templateVersions: i.templateVersions,
    signatureMode: 'development', signers: i.signers, pdf: { sha256: i.sha256, bytes: i.pdf.length }, annexes: [], rectifies: null,
  }, { seq, previousHash });
  return sha256Hex(canonical);
}

export async function benchIssuing(): Promise<Record<string, number | string>> {
  const load = loadavg()[0];
  const dev = generateDevelopmentCertificate();
  const identity = loadIdentity(dev.p12, dev.passphrase, undefined, true);
  const times: number[] = [];
  const distinct: Issued[] = [];
  for (let i = 0; i < WARM_UP + ISSUE_RUNS; i++) {
    const record = act(i);
    const start = performance.now();
    const issued = await issue(record, identity);
    seal(issued, i + 1, i ? 'f'.repeat(64) : null);
    if (i >= WARM_UP) times.push(performance.now() - start);
    if (distinct.length < DISTINCT) distinct.push(issued);
  }
  while (distinct.length < DISTINCT) distinct.push(await issue(act(distinct.length + 10_000), identity));

  const chain = await benchChainVerification(distinct, CHAIN);
  return {
    'cores / load average (1 min) before': `${availableParallelism()} / ${load.toFixed(1)}`,
    'issue one act: median ms (PDF/A + PAdES + seal)': median(times),
    'issue one act: p95 ms': percentile(times, 0.95),
    'issued PDF size (kB)': distinct[0].pdf.length / 1024,
    ...chain,
    'load average (1 min) after': loadavg()[0].toFixed(1),
  };
}

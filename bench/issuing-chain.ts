// The verification of a chain of sealed acts through PostgreSQL, as `npm run cli -- verify` does it: the bench
// stores N issued acts (PDF, issued row, sealed record chained to the one before) made from a few hundred real
// rendered and signed extracts, then times SealedChainService.verifyChains under the application's role.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createApp } from '../src/app.factory';
import { runInContext, systemActor } from '../src/auth/actor';
import { projectRoot } from '../src/config/project-root';
import { appUrlFor, createAppRole, dropAppRole, grantAppRole } from '../src/database/app-role';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import type { DeliberationRecord } from '../src/domain/types';
import type { IssuedSigner } from '../src/issuing/issuing.entities';
import { SealedChainService } from '../src/issuing/sealed-chain.service';
import { canonicalRecord, sha256Hex, type IssuedFacts } from '../src/issuing/sealed-record';

export interface IssuedForChain {
  pdf: Buffer;
  record: DeliberationRecord;
  sha256: string;
  signers: IssuedSigner[];
  templateVersions: Record<string, string>;
}

const uuidOf = (kind: number, n: number) => `00000000-0000-4000-8${kind}00-${n.toString(16).padStart(12, '0')}`;
const itemId = (seq: number) => uuidOf(0, seq);
const actId = (seq: number) => uuidOf(1, seq);
const code = (seq: number) => `BNCH-${String(seq).padStart(9, '0')}`;

/**
 * The sealed record of link `seq`, as IssuingService writes it. Canonical JSON orders keys, never values: the record of
 * a distinct act is made once with markers, each link fills them in (checked equal to canonicalRecord on link 2).
 */
function recordMaker(issued: IssuedForChain): (seq: number, previousHash: string | null) => string {
  const facts = (seq: number, item: string, number: string): [DeliberationRecord, IssuedFacts] => [
    { ...issued.record, item: { ...issued.record.item, id: item, number } },
    {
      issuedActId: actId(seq), verificationCode: code(seq), issuedAt: '2026-03-12T21:00:00.000Z', templateVersions: issued.templateVersions,
      signatureMode: 'development', signers: issued.signers, pdf: { sha256: issued.sha256, bytes: issued.pdf.length }, annexes: [], rectifies: null,
    },
  ];
  const [r, f] = facts(999_999_999, '@@ITEM@@', '@@NUMBER@@');
  const template = canonicalRecord(r, { ...f, issuedActId: '@@ACT@@', verificationCode: '@@CODE@@' }, { seq: 999_999_999, previousHash: '@@PREVIOUS@@' });
  const make = (seq: number, previousHash: string | null) => (previousHash === null
    ? canonicalRecord(...facts(seq, itemId(seq), `B-${seq}`), { seq, previousHash })
    : template.replace('"@@PREVIOUS@@"', `"${previousHash}"`).replace('"seq":999999999', `"seq":${seq}`).replace('"@@ACT@@"', `"${actId(seq)}"`)
      .replace('"@@CODE@@"', `"${code(seq)}"`).replaceAll('"@@ITEM@@"', `"${itemId(seq)}"`).replaceAll('"@@NUMBER@@"', `"B-${seq}"`));
  const check = canonicalRecord(...facts(2, itemId(2), 'B-2'), { seq: 2, previousHash: 'f'.repeat(64) });
  if (make(2, 'f'.repeat(64)) !== check) throw new Error('bench: the sealed record template differs from canonicalRecord');
  return make;
}

/** Stores `links` issued acts over the distinct ones, chained, in a collectivity of their own; returns its id. */
async function store(owner: Client, distinct: IssuedForChain[], links: number): Promise<string> {
  const cid = uuidOf(9, 1);
  const [bodyId, sessionId] = [uuidOf(9, 2), uuidOf(9, 3)];
  const uuidSql = (kind: number) => `('00000000-0000-4000-8${kind}00-' || lpad(to_hex(g), 12, '0'))::uuid`;
  // Bench data is written as the owner with the triggers off (audit, sealing), the two large tables of this throw-away
  // schema out of the write-ahead log: what is timed is the reading.
  await owner.query(`SET session_replication_role = replica`);
  await owner.query(`ALTER TABLE sealed_record SET UNLOGGED`);
  await owner.query(`ALTER TABLE issued_act SET UNLOGGED`);
  await owner.query(`BEGIN`);
  await owner.query(`INSERT INTO collectivity (id, kind, name, siren, departement_code) VALUES ($1, 'commune', 'Commune du banc d''essai', '210629879', '62')`, [cid]);
  await owner.query(`INSERT INTO body (id, collectivity_id, kind, name, rule_profile) VALUES ($2, $1, 'conseil', 'Conseil municipal', 'commune')`, [cid, bodyId]);
  await owner.query(`INSERT INTO session (id, collectivity_id, body_id, starts_at) VALUES ($3, $1, $2, '2026-03-12T19:00:00+01:00')`, [cid, bodyId, sessionId]);
  await owner.query(
    `INSERT INTO item (id, collectivity_id, session_id, body_id, position, number, year, seq, object, status)
     SELECT ${uuidSql(0)}, $1, $3, $2, g, 'B-' || g, 2026, g, 'Acte ' || g, 'voted' FROM generate_series(1, $4::int) g`,
    [cid, bodyId, sessionId, links],
  );
  await owner.query(`CREATE TEMP TABLE bench_pdf (k integer PRIMARY KEY, pdf bytea, sha256 char(64))`);
  for (const [k, d] of distinct.entries()) await owner.query(`INSERT INTO bench_pdf VALUES ($1, $2, $3)`, [k, d.pdf, d.sha256]);
  // Each issued act stores its own copy of its PDF, as issuing does.
  await owner.query(
    `INSERT INTO issued_act (id, collectivity_id, item_id, pdf, sha256, bytes, template_versions, signature_mode, signers, verification_code, issued_at)
     SELECT ${uuidSql(1)}, $1, ${uuidSql(0)}, p.pdf, p.sha256, length(p.pdf), '{}', 'development', '[]', 'BNCH-' || lpad(g::text, 9, '0'), '2026-03-12T21:00:00Z'
       FROM generate_series(1, $2::int) g JOIN bench_pdf p ON p.k = (g - 1) % $3`,
    [cid, links, distinct.length],
  );
  await owner.query(`COMMIT`);
  const makers = distinct.map(recordMaker);
  function* records(): Generator<string> {
    let previous: string | null = null;
    for (let seq = 1; seq <= links; seq++) {
      const canonical = makers[(seq - 1) % makers.length](seq, previous);
      const hash = sha256Hex(canonical);
      yield `${cid},${seq},${actId(seq)},${itemId(seq)},"${canonical.replace(/"/g, '""')}",${hash},${previous ?? ''}\n`;
      previous = hash;
    }
  }
  await pipeline(Readable.from(records()), owner.query(copyFrom(`COPY sealed_record (collectivity_id, seq, issued_act_id, item_id, canonical, record_hash, previous_hash) FROM STDIN WITH (FORMAT csv)`)));
  await owner.query(`ANALYZE sealed_record; ANALYZE issued_act; ANALYZE item`);
  return cid;
}

export async function benchChainVerification(distinct: IssuedForChain[], links: number): Promise<Record<string, number | string>> {
  let base = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  const dir = join(projectRoot(), 'data', 'bench-issuing-postgres');
  if (!base) {
    const db = await startEmbeddedPostgres(dir, 54351, 'bench');
    base = db.url;
    stop = db.stop;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const owner = new Client({ connectionString: url.toString() });
  await owner.connect();
  const role = { name: `registre_bench_${randomBytes(4).toString('hex')}`, password: randomBytes(12).toString('hex') };
  try {
    await owner.query(`CREATE SCHEMA ${schema}`);
    await runMigrations(url.toString());
    await createAppRole(base, role);
    await grantAppRole(url.toString(), role.name);
    const t0 = performance.now();
    const cid = await store(owner, distinct, links);
    const setup = (performance.now() - t0) / 1000;
    const app = await createApp({ databaseUrl: appUrlFor(url.toString(), role) }, false);
    try {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const report = await runInContext({ actor: systemActor('bench'), requestId: 'bench' }, () => app.get(SealedChainService).verifyChains(cid));
      const seconds = (performance.now() - start) / 1000;
      const used = process.cpuUsage(cpu);
      if (!report.ok || report.records !== links) throw new Error(`bench chain does not verify: ${report.records} records, ${report.problems[0]?.what}`);
      return {
        'verify chain: sealed acts': links, 'verify chain: distinct rendered extracts': distinct.length, 'verify chain: setup s (not timed)': setup,
        'verify chain: total s (target < 10)': seconds, 'verify chain: records/s': links / seconds, 'verify chain: PDF MB/s': report.pdfBytes / 1e6 / seconds,
        'verify chain: PDF GB hashed': report.pdfBytes / 1e9,
        'verify chain: CPU s of this process (PostgreSQL hashes the PDFs)': (used.user + used.system) / 1e6,
      };
    } finally {
      await app.close();
    }
  } finally {
    await owner.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await owner.end();
    await dropAppRole(base, role.name).catch(() => undefined);
    if (stop) {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

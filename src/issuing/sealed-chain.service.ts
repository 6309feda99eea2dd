import { Injectable } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { ChainVerifier, RECORD_TAIL_MARK, recordTailFields, type ChainProblem, type ChainRow, type ChainStart } from './chain-verifier';

export interface ChainReport {
  ok: boolean;
  collectivities: number;
  records: number;
  pdfBytes: number;
  problems: ChainProblem[];
}

const BATCH = 500;
// Each part of a chain is read by its own connection, so PostgreSQL hashes the parts' PDFs in as many backends
// (one per core, and one more to keep them busy while this process parses a batch).
const PARTS = availableParallelism() + 1;

/** The largest sequence number (sealed_record.seq is an integer): the open end of the last part. */
export const SEQ_MAX = 2 ** 31 - 1;

/** The parts of a chain of `last` links: (after, upTo] ranges of sequence numbers, the last one open-ended. */
export function chainParts(last: number, parts: number, minPart: number): [number, number][] {
  const n = Math.max(1, Math.min(parts, Math.floor(last / minPart)));
  return Array.from({ length: n }, (_, k) => [Math.floor((last * k) / n), k === n - 1 ? SEQ_MAX : Math.floor((last * (k + 1)) / n)]);
}

interface RawRow {
  collectivity_id: string; seq: number; item_id: string; issued_act_id: string; tail: string | null; canonical_digest: string; record_hash: string;
  previous_hash: string | null; number: string | null; pdf_digest: string | null; pdf_bytes: string | number; verification_code: string | null;
  annexes: Record<string, string>;
}

// Digests are computed by PostgreSQL next to the bytes; of a record only its tail crosses the wire (chain-verifier.ts).
// The record is read once as bytes (OFFSET 0 keeps PostgreSQL from reading it again for each use), searched as bytes.
const LINKS = `
  SELECT r.collectivity_id, r.seq, r.item_id, r.issued_act_id, CASE WHEN t.at > 0 THEN '{' || convert_from(substring(c.record FROM t.at + 2), 'UTF8') END AS tail,
         encode(sha256(c.record), 'hex') AS canonical_digest, r.record_hash, r.previous_hash, i.number,
         encode(sha256(a.pdf), 'hex') AS pdf_digest, coalesce(length(a.pdf), 0) AS pdf_bytes, a.verification_code,
         (SELECT coalesce(json_object_agg(x.id, encode(sha256(x.content), 'hex')), '{}') FROM annex x WHERE x.item_id = r.item_id) AS annexes
    FROM sealed_record r
    CROSS JOIN LATERAL (SELECT convert_to(r.canonical, 'UTF8') AS record OFFSET 0) c
    CROSS JOIN LATERAL (SELECT position(convert_to($4, 'UTF8') IN c.record) AS at OFFSET 0) t
    LEFT JOIN issued_act a ON a.id = r.issued_act_id
    LEFT JOIN item i ON i.id = r.item_id
   WHERE r.collectivity_id = $1 AND r.seq > $2 AND r.seq <= $3 ORDER BY r.seq LIMIT ${BATCH}`;

/**
 * Recomputes the sealed chains (issue 9): every link, every record's hash, every stored PDF's and annex's digest,
 * naming each act that does not match and what differs. The digests are computed by PostgreSQL next to the bytes
 * (nothing large crosses the wire); a chain is read in parts, side by side, each checked from the link before it.
 */
@Injectable()
export class SealedChainService {
  /** A part is worth a connection of its own from this many links (a test lowers it to cut a short chain in parts). */
  minPartLinks = 2_000;

  constructor(private readonly uow: UnitOfWork) {}

  /** Every chain (or one collectivity's, by SIREN or id). */
  async verifyChains(collectivity?: string): Promise<ChainReport> {
    const filter = collectivity ? `WHERE c.siren = $1 OR c.id::text = $1` : '';
    // The directory of collectivities (collectivity-less), then each chain within its own collectivity.
    const collectivities: { id: string }[] = await this.uow.run(null, (em) => em.query(`SELECT c.id FROM collectivity c ${filter} ORDER BY c.siren, c.id`, collectivity ? [collectivity] : []));
    if (collectivity && collectivities.length === 0) throw new DomainError('NOT_FOUND', `No collectivity ${collectivity}`, { collectivity });
    const report: ChainReport = { ok: true, collectivities: collectivities.length, records: 0, pdfBytes: 0, problems: [] };
    for (const { id } of collectivities) {
      const [{ last }] = await this.uow.run(id, (em) => em.query(`SELECT coalesce(max(seq), 0)::int AS last FROM sealed_record WHERE collectivity_id = $1`, [id]));
      const bounds = chainParts(last, PARTS, this.minPartLinks);
      // In order: the problems of the parts read as those of one chain read from its head.
      for (const part of await Promise.all(bounds.map(([after, upTo]) => this.verifyPart(id, after, upTo)))) {
        report.records += part.records;
        report.pdfBytes += part.pdfBytes;
        report.problems.push(...part.problems);
      }
      // The chain's tail: an issued act whose record was removed with the last links leaves no gap behind it.
      const orphans: { id: string; item_id: string; number: string | null }[] = await this.uow.run(id, (em) => em.query(
        `SELECT a.id, a.item_id, i.number FROM issued_act a LEFT JOIN item i ON i.id = a.item_id
          WHERE a.collectivity_id = $1 AND NOT EXISTS (SELECT 1 FROM sealed_record r WHERE r.issued_act_id = a.id) ORDER BY i.number`,
        [id],
      ));
      for (const o of orphans) report.problems.push({ collectivityId: id, seq: 0, itemId: o.item_id, number: o.number, what: 'it is issued but its sealed record is missing from the chain' });
    }
    report.ok = report.problems.length === 0;
    return report;
  }

  /** The links after `after` up to `upTo`, checked from the link before them. */
  private async verifyPart(collectivityId: string, after: number, upTo: number): Promise<ChainVerifier> {
    const [before]: { seq: number; record_hash: string }[] = after > 0
      ? await this.uow.run(collectivityId, (em) => em.query(
        `SELECT seq, record_hash FROM sealed_record WHERE collectivity_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1`, [collectivityId, after]))
      : [];
    const start: ChainStart = { collectivityId, expectedSeq: before ? before.seq + 1 : 1, previousHash: before?.record_hash ?? null };
    const verifier = new ChainVerifier(start);
    for (let cursor = after; ;) {
      const rows: RawRow[] = await this.uow.run(collectivityId, (em) => em.query(LINKS, [collectivityId, cursor, upTo, RECORD_TAIL_MARK]));
      const links: ChainRow[] = rows.map((r) => ({
        collectivityId: r.collectivity_id, seq: r.seq, itemId: r.item_id, issuedActId: r.issued_act_id, canonicalDigest: r.canonical_digest,
        // A record whose hash matches is the text issuing wrote: its tail says all the checks read.
        sealed: (r.canonical_digest === r.record_hash && recordTailFields(r.tail)) || undefined,
        recordHash: r.record_hash, previousHash: r.previous_hash, number: r.number, pdfDigest: r.pdf_digest, pdfBytes: Number(r.pdf_bytes),
        verificationCode: r.verification_code, annexDigests: new Map(Object.entries(r.annexes)),
      }));
      // A changed record, or one of an earlier format, is read whole.
      const whole = links.filter((l) => !l.sealed).map((l) => l.seq);
      if (whole.length) {
        const records: { seq: number; canonical: string }[] = await this.uow.run(collectivityId, (em) => em.query(
          `SELECT seq, canonical FROM sealed_record WHERE collectivity_id = $1 AND seq = ANY($2::int[])`, [collectivityId, whole]));
        for (const r of records) links.find((l) => l.seq === r.seq)!.canonical = r.canonical;
      }
      links.forEach((l) => verifier.push(l));
      if (rows.length < BATCH) return verifier;
      cursor = rows[rows.length - 1].seq;
    }
  }
}

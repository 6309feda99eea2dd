import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { actStage, type ActStageView } from './act-stage';
import { ChainVerifier, type ChainProblem } from './chain-verifier';
import type { IssuedSigner, SignatureMode } from './issuing.entities';
import { rectificationLinks, type RectificationLinks } from './rectifications.service';

export interface ChainReport {
  ok: boolean;
  collectivities: number;
  records: number;
  pdfBytes: number;
  problems: ChainProblem[];
}

export interface PublicActView extends RectificationLinks {
  verificationCode: string;
  collectivity: string;
  siren: string;
  number: string;
  object: string;
  sessionDate: string;
  issuedAt: string;
  signatureMode: SignatureMode;
  signers: IssuedSigner[];
  sha256: string;
  status: ActStageView;
  /** The collectivity's time zone, in which times are shown. */
  timeZone: string;
}

const BATCH = 500;

/** Recomputes the sealed chains and answers whether a copy someone holds is the act as issued. */
@Injectable()
export class VerificationService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Every chain (or one collectivity's, by SIREN or id): each link, each record, each stored PDF's digest. */
  async verifyChains(collectivity?: string): Promise<ChainReport> {
    const filter = collectivity ? `WHERE c.siren = $1 OR c.id::text = $1` : '';
    // The directory of collectivities (collectivity-less), then each chain within its own collectivity.
    const collectivities: { id: string }[] = await this.uow.run(null, (em) => em.query(`SELECT c.id FROM collectivity c ${filter} ORDER BY c.siren, c.id`, collectivity ? [collectivity] : []));
    if (collectivity && collectivities.length === 0) throw new DomainError('NOT_FOUND', `No collectivity ${collectivity}`, { collectivity });
    const verifier = new ChainVerifier();
    for (const { id } of collectivities) {
      let after = 0;
      for (;;) {
        // Digests are computed by PostgreSQL next to the bytes: nothing large crosses the wire.
        const rows: RawRow[] = await this.uow.run(id, (em) => em.query(
          `SELECT r.collectivity_id, r.seq, r.item_id, r.issued_act_id, r.canonical, r.record_hash, r.previous_hash, i.number,
                  encode(sha256(a.pdf), 'hex') AS pdf_digest, coalesce(length(a.pdf), 0) AS pdf_bytes, a.verification_code,
                  (SELECT coalesce(json_object_agg(x.id, encode(sha256(x.content), 'hex')), '{}') FROM annex x WHERE x.item_id = r.item_id) AS annexes
             FROM sealed_record r
             LEFT JOIN issued_act a ON a.id = r.issued_act_id
             LEFT JOIN item i ON i.id = r.item_id
            WHERE r.collectivity_id = $1 AND r.seq > $2 ORDER BY r.seq LIMIT ${BATCH}`,
          [id, after],
        ));
        for (const r of rows) {
          verifier.push({
            collectivityId: r.collectivity_id, seq: r.seq, itemId: r.item_id, issuedActId: r.issued_act_id, canonical: r.canonical,
            recordHash: r.record_hash, previousHash: r.previous_hash, number: r.number, pdfDigest: r.pdf_digest, pdfBytes: Number(r.pdf_bytes),
            verificationCode: r.verification_code, annexDigests: new Map(Object.entries(r.annexes)),
          });
        }
        if (rows.length < BATCH) break;
        after = rows[rows.length - 1].seq;
      }
      // The chain's tail: an issued act whose record was removed with the last links leaves no gap behind it.
      const orphans: { id: string; item_id: string; number: string | null }[] = await this.uow.run(id, (em) => em.query(
        `SELECT a.id, a.item_id, i.number FROM issued_act a LEFT JOIN item i ON i.id = a.item_id
          WHERE a.collectivity_id = $1 AND NOT EXISTS (SELECT 1 FROM sealed_record r WHERE r.issued_act_id = a.id) ORDER BY i.number`,
        [id],
      ));
      for (const o of orphans) verifier.problems.push({ collectivityId: id, seq: 0, itemId: o.item_id, number: o.number, what: 'it is issued but its sealed record is missing from the chain' });
    }
    return { ok: verifier.problems.length === 0, collectivities: collectivities.length, records: verifier.records, pdfBytes: verifier.pdfBytes, problems: verifier.problems };
  }

  /** What the public verification page shows of an issued act (no account needed). */
  async publicAct(code: string): Promise<PublicActView> {
    const normalized = normalizeCode(code);
    // Public, by code: the one lookup across collectivities (a database function), then the act within its own.
    const [holder] = await this.uow.run(null, (em) => em.query(`SELECT collectivity_id FROM registre_issued_act_by_code($1)`, [normalized]));
    if (!holder) throw new DomainError('NOT_FOUND', `No issued act has the verification code ${code}`, { field: 'code' });
    const r = await this.uow.run(holder.collectivity_id, async (em) => {
      const [found] = await em.query(
        `SELECT a.item_id, a.verification_code, a.issued_at, a.signature_mode, a.signers, a.sha256, c.name AS collectivity, c.siren, c.time_zone, i.number, i.object,
                i.acte_id, i.transmitted_at, i.received_at, i.published_at, (s.starts_at AT TIME ZONE c.time_zone)::date::text AS session_date
           FROM issued_act a JOIN item i ON i.id = a.item_id JOIN collectivity c ON c.id = a.collectivity_id JOIN session s ON s.id = i.session_id
          WHERE a.verification_code = $1`,
        [normalized],
      );
      // Issue 9: what it rectifies and the issued acts that rectify it (it stays as it was issued).
      return found && { ...found, links: await rectificationLinks(em, holder.collectivity_id, found.item_id) };
    });
    if (!r) throw new DomainError('NOT_FOUND', `No issued act has the verification code ${code}`, { field: 'code' });
    return {
      verificationCode: r.verification_code, collectivity: r.collectivity, siren: r.siren, number: r.number, object: r.object, sessionDate: r.session_date,
      issuedAt: new Date(r.issued_at).toISOString(), signatureMode: r.signature_mode, signers: r.signers, sha256: r.sha256.trim(), timeZone: r.time_zone,
      status: actStage({ voted: true, issued: true, sentOn: r.transmitted_at, receivedOn: r.received_at, acteId: r.acte_id, publishedOn: r.published_at }),
      ...r.links,
    };
  }

  /** Is this copy (its bytes, or its SHA-256) the act as issued? */
  async check(code: string, copy: { pdf?: Buffer; sha256?: string }): Promise<{ act: PublicActView; conforme: boolean; sha256: string }> {
    const act = await this.publicAct(code);
    const sha256 = copy.pdf ? createHash('sha256').update(copy.pdf).digest('hex') : (copy.sha256 ?? '').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new DomainError('VALIDATION_FAILED', 'Send the PDF (file) or its SHA-256 (64 hexadecimal digits)', { field: 'sha256' });
    return { act, conforme: sha256 === act.sha256, sha256 };
  }
}

interface RawRow {
  collectivity_id: string; seq: number; item_id: string; issued_act_id: string; canonical: string; record_hash: string; previous_hash: string | null;
  number: string | null; pdf_digest: string | null; pdf_bytes: string | number; verification_code: string | null; annexes: Record<string, string>;
}

export const normalizeCode = (code: string) => code.trim().toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/^(.{4})(.{4})(.{4})$/, '$1-$2-$3');

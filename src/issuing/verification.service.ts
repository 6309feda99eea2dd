import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { actStage, type ActStageView } from './act-stage';
import type { IssuedSigner, SignatureMode } from './issuing.entities';
import { rectificationLinks, type RectificationLinks } from './rectifications.service';

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

/** Answers whether a copy someone holds is the act as issued (the chains: SealedChainService). */
@Injectable()
export class VerificationService {
  constructor(private readonly uow: UnitOfWork) {}

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

export const normalizeCode = (code: string) => code.trim().toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/^(.{4})(.{4})(.{4})$/, '$1-$2-$3');

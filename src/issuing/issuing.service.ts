import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { currentActor } from '../auth/actor';
import { SigningService } from '../auth/signing.service';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { requiredSigners, signingContextOf } from '../domain/signing';
import { signingRegime } from '../domain/signing-rules';
import type { DeliberationRecord } from '../domain/types';
import { TemplatesService } from '../extracts/templates.service';
import { RegisterService } from '../register/register.service';
import { timeZoneOfCollectivity } from '../register/session-context';
import { RenderPool } from '../rendering/render-pool';
import { actStage, type ActStageView } from './act-stage';
import { ActSignature, Annex, IssuedAct, type IssuedSigner, SealedRecord, type SignatureMode } from './issuing.entities';
import { rectificationLinks, sealedRectification, verificationUrlOf, type LinkedAct } from './rectifications.service';
import { canonicalRecord, sha256Hex, type IssuedFacts } from './sealed-record';
import { SignatureConfirmation } from './signature-confirmation';
import { displayName, sealReason, signaturesMarkdown, signerLine } from './signature-wording';
import { addPadesSignature } from './signing/pades';
import { SigningIdentities } from './signing/signing-identities';
import type { SigningIdentity } from './signing/certificates';

// Crockford's base32 without look-alikes: a code read from paper is typed back without doubt.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newVerificationCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

export interface SigningState {
  itemId: string;
  regime: 'signatories' | 'paper-register';
  required: { memberId: string; capacity: 'president' | 'secretary'; signedAt: string | null }[];
  issued: { id: string; sha256: string; verificationCode: string; verificationUrl: string; signatureMode: SignatureMode; issuedAt: string } | null;
  /** Adopted, signed, transmitted, received, published, exécutoire (L2131-1, L2131-2). */
  status: ActStageView;
  /** Issue 9: the issued act this one rectifies, and the issued acts that rectify it (it stays as it was). */
  rectifies: LinkedAct | null;
  rectifiedBy: LinkedAct[];
}

/**
 * Issuing (issue 9): the act is signed by those the rules of its date name, and at the last signature its
 * PDF/A is made once, signed (PAdES), stored and sealed in the collectivity's chain; it is never rendered again.
 */
@Injectable()
export class IssuingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly register: RegisterService,
    private readonly templates: TemplatesService,
    private readonly pool: RenderPool,
    private readonly identities: SigningIdentities,
    private readonly confirmation: SignatureConfirmation,
    private readonly signing: SigningService,
  ) {}

  verificationUrl(code: string): string {
    return verificationUrlOf(code);
  }

  async state(collectivityId: string, itemId: string): Promise<SigningState> {
    const record = await this.register.itemState(collectivityId, itemId);
    return this.uow.run(collectivityId, (em) => this.stateOf(em, record));
  }

  /** A required signer signs (L2121-23), confirming with his password; the last signature issues the act. */
  async sign(collectivityId: string, itemId: string, password: string): Promise<SigningState> {
    const actor = currentActor();
    const record = await this.votedRecord(collectivityId, itemId);
    if (signingRegime(record.session.localDate) === 'paper-register') {
      throw new DomainError('SIGNATURE_NOT_REQUIRED', `Deliberation ${record.item.number} dates from before 1 July 2022: it was signed on the paper register by the members present; issue it with POST .../issue`, { itemId });
    }
    // Who may sign is decided in one place (src/auth/signing.service.ts, L2121-23).
    const signer = this.signing.assertMaySign(collectivityId, signingContextOf(record), actor);
    if (!(await this.confirmation.confirm(actor, password))) {
      throw new DomainError('SIGNATURE_CONFIRMATION_FAILED', 'Signing needs your password again: it did not match', { field: 'password' });
    }
    return this.uow.run(collectivityId, async (em) => {
      await lockItem(em, collectivityId, itemId);
      await em.getRepository(ActSignature).insert({
        collectivityId, itemId, memberId: signer.memberId, capacity: signer.capacity, accountId: actor.accountId, actorLabel: actor.label,
      });
      const signed = await em.getRepository(ActSignature).findBy({ collectivityId, itemId });
      const required = requiredSigners(signingContextOf(record));
      if (required.every((r) => signed.some((s) => s.memberId === r.memberId))) {
        const signers = required.map((r) => issuedSigner(record, r.memberId, r.capacity, signed.find((s) => s.memberId === r.memberId)!.signedAt));
        await this.issue(em, record, signers, 'signatories');
      }
      return this.stateOf(em, record);
    });
  }

  /** Before 1 July 2022: issued and sealed without an electronic signature, as signed on the paper register. */
  async issueFromPaperRegister(collectivityId: string, itemId: string): Promise<SigningState> {
    const record = await this.votedRecord(collectivityId, itemId);
    if (signingRegime(record.session.localDate) !== 'paper-register') {
      throw new DomainError('SIGNATURE_NOT_REQUIRED', `Deliberation ${record.item.number} is signed by its president and secretaries (L2121-23): it is issued at the last signature`, { itemId });
    }
    return this.uow.run(collectivityId, async (em) => {
      await lockItem(em, collectivityId, itemId);
      await this.issue(em, record, [], 'paper-register');
      return this.stateOf(em, record);
    });
  }

  private async votedRecord(collectivityId: string, itemId: string): Promise<DeliberationRecord> {
    const record = await this.register.itemState(collectivityId, itemId);
    if (record.item.status !== 'voted') {
      throw new DomainError('ITEM_NOT_VOTED', `Item ${record.item.number} is ${record.item.status}: there is no act to sign yet`, { itemId });
    }
    return record;
  }

  /** Renders the PDF/A once, signs it, stores it and seals it in the chain, in the caller's transaction. */
  private async issue(em: EntityManager, record: DeliberationRecord, signers: IssuedSigner[], regime: 'signatories' | 'paper-register'): Promise<void> {
    const cid = record.collectivity.id;
    if (await em.getRepository(IssuedAct).existsBy({ itemId: record.item.id })) {
      throw new DomainError('ACT_ALREADY_ISSUED', `Deliberation ${record.item.number} is already issued`, { itemId: record.item.id });
    }
    const plan = regime === 'paper-register' ? { mode: 'paper' as const, identities: [] } : await this.signingPlan(signers);
    const code = newVerificationCode();
    const annexes = await em.getRepository(Annex).find({ where: { collectivityId: cid, itemId: record.item.id }, order: { position: 'ASC' } });
    const overrides = await this.templates.overrides(cid);
    const timeZone = await timeZoneOfCollectivity(em, cid);
    const doc = await this.pool.extract(record, {
      overrides, pdfa: true,
      issuance: { signaturesMarkdown: signaturesMarkdown(record, signers, plan.mode, timeZone), stamp: { url: this.verificationUrl(code), code } },
    });
    const pdf = await this.signPdf(doc.pdf, record, signers, plan, timeZone);
    // A rectificative names the act it rectifies by that act's digest; the original is not touched.
    const rectifies = await sealedRectification(em, cid, record.item.id);
    const issuedActId = randomUUID();
    const issuedAt = new Date();
    const templateVersions = parseTemplateVersions(doc.templateVersion);
    const sha256 = sha256Hex(pdf);
    await em.getRepository(IssuedAct).insert({
      id: issuedActId, collectivityId: cid, itemId: record.item.id, rectifiesItemId: rectifies?.itemId ?? null, pdf, sha256, bytes: pdf.length,
      templateVersions, signatureMode: plan.mode, signers, verificationCode: code, issuedAt,
    });
    const facts: IssuedFacts = {
      issuedActId, verificationCode: code, issuedAt: issuedAt.toISOString(), templateVersions, signatureMode: plan.mode, signers,
      pdf: { sha256, bytes: pdf.length }, rectifies,
      annexes: annexes.map((a) => ({ id: a.id, position: a.position, title: a.title, sha256: a.sha256, bytes: a.bytes })),
    };
    await appendToChain(em, record, facts);
  }

  private async signingPlan(signers: IssuedSigner[]): Promise<{ mode: SignatureMode; identities: SigningIdentity[] }> {
    const own = signers.map((s) => this.identities.signer(s.memberId));
    if (own.length > 0 && own.every((i): i is SigningIdentity => i !== null)) return { mode: 'signers', identities: own };
    const seal = this.identities.seal();
    if (seal) return { mode: 'seal', identities: [seal] };
    return { mode: 'development', identities: [await this.identities.developmentIdentity()] };
  }

  private async signPdf(pdf: Buffer, record: DeliberationRecord, signers: IssuedSigner[], plan: { mode: SignatureMode; identities: SigningIdentity[] }, timeZone: string): Promise<Buffer> {
    const location = record.session.place ?? record.collectivity.name;
    if (plan.mode === 'paper') return pdf;
    if (plan.mode === 'signers') {
      // Each signer's signature over the document as the previous one left it (incremental updates).
      let out = pdf;
      for (const [i, s] of signers.entries()) {
        out = await addPadesSignature(out, plan.identities[i], { name: s.name, reason: `Signature : ${signerLine(s, timeZone)}`, location, signingTime: new Date(s.signedAt) });
      }
      return out;
    }
    const seal = plan.identities[0];
    return addPadesSignature(pdf, seal, { name: seal.label, reason: sealReason(signers, timeZone), location, signingTime: new Date() });
  }

  private async stateOf(em: EntityManager, record: DeliberationRecord): Promise<SigningState> {
    const regime = signingRegime(record.session.localDate);
    const signed = await em.getRepository(ActSignature).findBy({ collectivityId: record.collectivity.id, itemId: record.item.id });
    const issued = await em.getRepository(IssuedAct).findOneBy({ collectivityId: record.collectivity.id, itemId: record.item.id });
    return {
      itemId: record.item.id, regime,
      required: regime === 'paper-register' ? [] : requiredSigners(signingContextOf(record)).map((r) => ({
        ...r, signedAt: signed.find((s) => s.memberId === r.memberId)?.signedAt.toISOString() ?? null,
      })),
      issued: issued && {
        id: issued.id, sha256: issued.sha256, verificationCode: issued.verificationCode, verificationUrl: this.verificationUrl(issued.verificationCode),
        signatureMode: issued.signatureMode, issuedAt: issued.issuedAt.toISOString(),
      },
      status: actStage({
        voted: record.item.status === 'voted', issued: !!issued, sentOn: record.item.transmittedAt, receivedOn: record.item.receivedAt, acteId: record.item.acteId, publishedOn: record.item.publishedAt,
      }),
      ...(await rectificationLinks(em, record.collectivity.id, record.item.id)),
    };
  }
}

function issuedSigner(record: DeliberationRecord, memberId: string, capacity: IssuedSigner['capacity'], signedAt: Date): IssuedSigner {
  const m = [record.item.president, record.session.president, ...record.session.secretaries].find((x) => x?.id === memberId);
  return { memberId, capacity, name: m ? displayName(m) : memberId, signedAt: signedAt.toISOString() };
}

async function lockItem(em: EntityManager, collectivityId: string, itemId: string): Promise<void> {
  // Two signers at once: the second waits, then sees the first one's signature and issues.
  await em.query(`SELECT 1 FROM item WHERE collectivity_id = $1 AND id = $2 FOR UPDATE`, [collectivityId, itemId]);
}

export function parseTemplateVersions(templateVersion: string): Record<string, string> {
  return Object.fromEntries(templateVersion.split(';').map((v) => {
    const at = v.lastIndexOf('@');
    return [v.slice(0, at), v.slice(at + 1)];
  }));
}

/** The next link of the collectivity's chain: gapless sequence, hash of the previous link. */
async function appendToChain(em: EntityManager, record: DeliberationRecord, issued: IssuedFacts): Promise<void> {
  const cid = record.collectivity.id;
  // One writer per chain at a time: the lock lives until the transaction ends.
  await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('sealed_record:' || $1, 0))`, [cid]);
  const [last] = await em.query(`SELECT seq, record_hash FROM sealed_record WHERE collectivity_id = $1 ORDER BY seq DESC LIMIT 1`, [cid]);
  const seq = (last?.seq ?? 0) + 1;
  const previousHash: string | null = last?.record_hash ?? null;
  const canonical = canonicalRecord(record, issued, { seq, previousHash });
  await em.getRepository(SealedRecord).insert({
    collectivityId: cid, seq, issuedActId: issued.issuedActId, itemId: record.item.id, canonical, recordHash: sha256Hex(canonical), previousHash,
  });
}

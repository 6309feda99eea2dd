import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { RectificationKind } from '../domain/rectification';

/** A PDF annexed to a deliberation (a budget, a convention, a map): issued, transmitted and archived with it. */
@Entity('annex')
export class Annex {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'item_id' }) itemId: string;
  @Column('integer') position: number;
  @Column('text') title: string;
  @Column('text') filename: string;
  @Column('bytea', { select: false }) content: Buffer;
  @Column('char', { length: 64 }) sha256: string;
  @Column('integer') bytes: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One required signer's signature (L2121-23): the member presiding the item or a secrétaire de séance. */
@Entity('act_signature')
export class ActSignature {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'item_id' }) itemId: string;
  @Column('uuid', { name: 'member_id' }) memberId: string;
  @Column('text') capacity: 'president' | 'secretary';
  @Column('uuid', { name: 'account_id', nullable: true }) accountId: string | null;
  @Column('text', { name: 'actor_label' }) actorLabel: string;
  @Column('timestamptz', { name: 'signed_at', default: () => 'now()' }) signedAt: Date;
}

export type SignatureMode = 'signers' | 'seal' | 'development' | 'paper';

export interface IssuedSigner {
  memberId: string;
  name: string;
  capacity: 'president' | 'secretary';
  signedAt: string;
}

/** The act as issued: this PDF is the act forever, never rendered again. */
@Entity('issued_act')
export class IssuedAct {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'item_id' }) itemId: string;
  @Column('uuid', { name: 'rectifies_item_id', nullable: true }) rectifiesItemId: string | null;
  @Column('bytea', { select: false }) pdf: Buffer;
  @Column('char', { length: 64 }) sha256: string;
  @Column('integer') bytes: number;
  @Column('jsonb', { name: 'template_versions' }) templateVersions: Record<string, string>;
  @Column('text', { name: 'signature_mode' }) signatureMode: SignatureMode;
  @Column('jsonb') signers: IssuedSigner[];
  @Column('text', { name: 'verification_code' }) verificationCode: string;
  @Column('timestamptz', { name: 'issued_at', default: () => 'now()' }) issuedAt: Date;
}

/** A rectificative act (issue 9): this item, a later deliberation, rectifies an issued act, which stays as it was. */
@Entity('act_rectification')
export class ActRectification {
  @PrimaryColumn('uuid', { name: 'item_id' }) itemId: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'rectifies_item_id' }) rectifiesItemId: string;
  @Column('text') kind: RectificationKind;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A link of a collectivity's chain: the canonical JSON of an issued act and the hash of the link before it. */
@Entity('sealed_record')
export class SealedRecord {
  @PrimaryColumn('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @PrimaryColumn('integer') seq: number;
  @Column('uuid', { name: 'issued_act_id' }) issuedActId: string;
  @Column('uuid', { name: 'item_id' }) itemId: string;
  @Column('text') canonical: string;
  @Column('char', { length: 64, name: 'record_hash' }) recordHash: string;
  @Column('char', { length: 64, name: 'previous_hash', nullable: true }) previousHash: string | null;
  @Column('timestamptz', { name: 'sealed_at', default: () => 'now()' }) sealedAt: Date;
}

/** The development certificate made at first start (labelled as such), when no real one is configured. */
@Entity('signing_certificate')
export class SigningCertificate {
  @PrimaryColumn('text') name: string;
  @Column('text', { name: 'ca_pem' }) caPem: string;
  @Column('bytea') p12: Buffer;
  @Column('text') passphrase: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ItemStatus } from '../domain/session-lifecycle';

/** An agenda item, which becomes a deliberation once voted. */
@Entity('item')
export class Item {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('uuid', { name: 'body_id' }) bodyId: string;
  @Column('integer') position: number;
  @Column('text') number: string;
  /** Given as the council publishes it rather than made from the body's pattern: never renumbered. */
  @Column('boolean', { name: 'number_given', default: false }) numberGiven: boolean;
  @Column('integer') year: number;
  @Column('integer') seq: number;
  @Column('text') object: string;
  @Column('uuid', { name: 'rapporteur_id', nullable: true }) rapporteurId: string | null;
  @Column('uuid', { name: 'president_id', nullable: true }) presidentId: string | null;
  /** L2121-17: the item of the failed first convocation this one carries over, on which the quorum is waived. */
  @Column('uuid', { name: 'carried_from_item_id', nullable: true }) carriedFromItemId: string | null;
  @Column('text', { name: 'actes_nature', nullable: true }) actesNature: string | null;
  @Column('text', { name: 'matiere_code', nullable: true }) matiereCode: string | null;
  @Column('text', { name: 'reasons_md', default: '' }) reasonsMd: string;
  @Column('text', { name: 'decision_md', default: '' }) decisionMd: string;
  @Column('text', { default: 'draft' }) status: ItemStatus;
  // The exécutoire facts (L2131-1), each written once (src/deliberations/executoire.service.ts).
  @Column('date', { name: 'transmitted_at', nullable: true }) transmittedAt: string | null;
  /** The préfecture's date of receipt: the date printed and exported. */
  @Column('date', { name: 'received_at', nullable: true }) receivedAt: string | null;
  @Column('date', { name: 'published_at', nullable: true }) publishedAt: string | null;
  @Column('text', { name: 'acte_id', nullable: true }) acteId: string | null;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** The last number given per body and year (numbers such as 19-09-107 run through the year). */
@Entity('number_sequence')
export class NumberSequence {
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @PrimaryColumn('uuid', { name: 'body_id' }) bodyId: string;
  @PrimaryColumn('integer') year: number;
  @Column('integer', { name: 'last_seq', default: 0 }) lastSeq: number;
}

/** A correction of an exécutoire fact: the field, both values and the mandatory reason; append-only. */
@Entity('executoire_correction')
export class ExecutoireCorrection {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'item_id' }) itemId: string;
  @Column('text') field: 'transmitted_at' | 'received_at' | 'acte_id' | 'published_at';
  @Column('text', { nullable: true }) before: string | null;
  @Column('text', { nullable: true }) after: string | null;
  @Column('text') reason: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}

/** A member who does not take part in one item (L2131-11: interested member). */
@Entity('item_recusal')
export class ItemRecusal {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'item_id' }) itemId: string;
  @Column('uuid', { name: 'member_id' }) memberId: string;
  @Column('text', { nullable: true }) reason: string | null;
}

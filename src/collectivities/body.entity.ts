import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProfileCode, RuleSettings } from '../domain/types';

export const BODY_KINDS = ['conseil', 'commission_permanente', 'bureau'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** A deliberating body (conseil, commission permanente, bureau), judged by its rule profile. */
@Entity('body')
export class Body {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('text') kind: BodyKind;
  @Column('text') name: string;
  @Column('text', { nullable: true }) code: string | null;
  @Column('text', { name: 'rule_profile' }) ruleProfile: ProfileCode;
  @Column('jsonb', { name: 'custom_rules', nullable: true }) customRules: Partial<RuleSettings> | null;
  @Column('text', { name: 'number_pattern', default: '{yy}-{mm}-{seq}' }) numberPattern: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

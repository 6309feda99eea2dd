import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberOrder, ProfileCode, RecusedHolderProxy, RuleSettings, VotersHeader } from '../domain/types';

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
  /** What "Votants" counts in the header of its acts. */
  @Column('text', { name: 'voters_header', default: 'taking_part' }) votersHeader: VotersHeader;
  /** Alphabetical lists, or "dans l'ordre du tableau" (L2121-1) by membership.tableRank. */
  @Column('text', { name: 'member_order', default: 'alphabetical' }) memberOrder: MemberOrder;
  /** L2131-11: whether a member not taking part still casts the proxy he holds (default: unused). */
  @Column('text', { name: 'recused_holder_proxy', default: 'unused' }) recusedHolderProxy: RecusedHolderProxy;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

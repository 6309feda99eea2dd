import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One written row in the audit trail (migration TenantIsolation): written by a trigger, never by the application. */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryColumn('bigint') id: string;
  @Column('uuid', { name: 'collectivity_id', nullable: true }) collectivityId: string | null;
  @Column('timestamptz') at: Date;
  @Column('text', { name: 'actor_kind' }) actorKind: string;
  @Column('text', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'token_id', nullable: true }) tokenId: string | null;
  @Column('text', { name: 'actor_label' }) actorLabel: string;
  @Column('text', { name: 'use_case', nullable: true }) useCase: string | null;
  @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Column('text', { name: 'table_name' }) tableName: string;
  @Column('text') operation: 'INSERT' | 'UPDATE' | 'DELETE';
  @Column('text', { name: 'row_id', nullable: true }) rowId: string | null;
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId: string | null;
  @Column('uuid', { name: 'item_id', nullable: true }) itemId: string | null;
  /** Field → { before, after }, or { personal: true } for a personal field (changed, value not kept). */
  @Column('jsonb') changes: Record<string, { before?: unknown; after?: unknown; personal?: true }>;
}

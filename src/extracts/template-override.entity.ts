import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A collectivity's version of a template or partial; each save is a new version. */
@Entity('template_override')
export class TemplateOverride {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('text') name: string;
  @Column('integer') version: number;
  @Column('text') source: string;
  @Column('char', { length: 64 }) sha256: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** What was rendered, from which template versions: the PDF's digest ties a copy to this log. */
@Entity('rendered_document')
export class RenderedDocument {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('text') kind: 'extract' | 'minutes' | 'deliberations-list' | 'preview';
  @Column('uuid', { name: 'session_id', nullable: true }) sessionId: string | null;
  @Column('uuid', { name: 'item_id', nullable: true }) itemId: string | null;
  @Column('jsonb', { name: 'template_versions' }) templateVersions: Record<string, string>;
  @Column('boolean', { default: false }) pdfa: boolean;
  @Column('char', { length: 64 }) sha256: string;
  @Column('integer') bytes: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A read-only public screen of one session, opened by a token whose SHA-256 only is kept. */
@Entity('projector_link')
export class ProjectorLink {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('text', { name: 'token_hash' }) tokenHash: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}

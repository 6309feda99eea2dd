import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A written proxy (pouvoir, L2121-20), covering one or more consecutive sessions. */
@Entity('proxy')
export class Proxy {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'body_id' }) bodyId: string;
  @Column('uuid', { name: 'giver_id' }) giverId: string;
  @Column('uuid', { name: 'holder_id' }) holderId: string;
  /** "Sauf maladie dûment constatée": beyond three sessions. */
  @Column('boolean', { default: false }) illness: boolean;
  @Column('date', { name: 'signed_on', nullable: true }) signedOn: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** How a proxy applies to one session: from / until which item, and whether it was revoked there. */
@Entity('proxy_session')
export class ProxySession {
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @PrimaryColumn('uuid', { name: 'proxy_id' }) proxyId: string;
  @PrimaryColumn('uuid', { name: 'session_id' }) sessionId: string;
  @Column('uuid', { name: 'from_item_id', nullable: true }) fromItemId: string | null;
  @Column('uuid', { name: 'until_item_id', nullable: true }) untilItemId: string | null;
  @Column('boolean', { default: false }) revoked: boolean;
  @Column('uuid', { name: 'revoked_from_item_id', nullable: true }) revokedFromItemId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

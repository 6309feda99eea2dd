import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The journal of a session's versions: what each change touched (members, an item's vote, the whole session).
 * Written by the database's triggers only (RecordClock1764008000000); read to judge a gesture made on an older version.
 */
@Entity('session_change')
export class SessionChange {
  @PrimaryColumn({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('integer') version: number;
  @Column('uuid', { array: true, default: () => "'{}'" }) members: string[];
  @Column('uuid', { name: 'item_id', nullable: true }) itemId: string | null;
  @Column('boolean', { default: false }) whole: boolean;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MinutesStatus } from '../domain/minutes';

/** The procès-verbal of one session (L2121-15): a draft until a later session adopts it; sealed then (trigger minutes_sealed). */
@Entity('minutes')
export class Minutes {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('text', { default: 'draft' }) status: MinutesStatus;
  /** The later session of the same body where it was adopted. */
  @Column('uuid', { name: 'adopted_at_session_id', nullable: true }) adoptedAtSessionId: string | null;
  /** Local date of the adopting session. */
  @Column('date', { name: 'adopted_on', nullable: true }) adoptedOn: string | null;
  @Column('date', { name: 'published_on', nullable: true }) publishedOn: string | null;
  /** Bumped by every write, debates included: an adoption is of the text the client read. */
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** The substance of the debates of one item, written by the secretary (Markdown). */
@Entity('minutes_debate')
export class MinutesDebate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'minutes_id' }) minutesId: string;
  @Column('uuid', { name: 'item_id' }) itemId: string;
  @Column('text', { name: 'text_md' }) textMd: string;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

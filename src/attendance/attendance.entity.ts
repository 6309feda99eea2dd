import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OpeningStatus } from '../domain/types';

/** A member's status at the opening of a session; a suppléant's row names the titulaire he replaces. */
@Entity('attendance')
export class Attendance {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('uuid', { name: 'member_id' }) memberId: string;
  @Column('text') status: OpeningStatus;
  @Column('uuid', { name: 'replaces_member_id', nullable: true }) replacesMemberId: string | null;
}

/** An arrival or departure, applying from one item on. */
@Entity('attendance_change')
export class AttendanceChangeRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('uuid', { name: 'member_id' }) memberId: string;
  @Column('text') kind: 'arrival' | 'departure';
  @Column('uuid', { name: 'from_item_id' }) fromItemId: string;
  /** Local hour of the arrival or departure ("HH:MM:SS"), when recorded. */
  @Column('time', { name: 'at_time', precision: 0, nullable: true }) atTime: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

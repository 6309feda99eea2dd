import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SessionStatus } from '../domain/session-lifecycle';

@Entity('session')
export class Session {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'body_id' }) bodyId: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt: Date;
  @Column('text', { nullable: true }) place: string | null;
  @Column('date', { name: 'convocation_date', nullable: true }) convocationDate: string | null;
  /** L2121-17: convened again after a failed quorum; deliberates whatever the number present. */
  @Column('boolean', { name: 'second_convocation', default: false }) secondConvocation: boolean;
  /** Convened in urgency, on a shorter notice (L2121-11, L2121-12): the council rules on it at the opening. */
  @Column('boolean', { default: false }) urgency: boolean;
  /** L2121-17: the earlier session of the same body whose quorum failed at its opening (set with secondConvocation). */
  @Column('uuid', { name: 'first_convocation_session_id', nullable: true }) firstConvocationSessionId: string | null;
  @Column('uuid', { name: 'president_id', nullable: true }) presidentId: string | null;
  @Column('text', { default: 'planned' }) status: SessionStatus;
  @Column('integer', { default: 1 }) version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('session_secretary')
export class SessionSecretary {
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'session_id', primary: true }) sessionId: string;
  @Column('uuid', { name: 'member_id', primary: true }) memberId: string;
  @Column('integer', { default: 1 }) rank: number;
}

@Entity('session_transition')
export class SessionTransition {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('text', { name: 'from_status' }) fromStatus: string;
  @Column('text', { name: 'to_status' }) toStatus: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
}

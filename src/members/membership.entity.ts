import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SeatKind } from '../domain/types';

/** A member's seat in a body over a period: members in office change over a mandate. */
@Entity('membership')
export class Membership {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'body_id' }) bodyId: string;
  @Column('uuid', { name: 'member_id' }) memberId: string;
  @Column('text') seat: SeatKind;
  /** L5211-6: the titulaire a suppléant stands in for. */
  @Column('uuid', { name: 'titulaire_id', nullable: true }) titulaireId: string | null;
  @Column('text', { nullable: true }) title: string | null;
  /** L2121-1: rank in the ordre du tableau, for bodies that list their members so. */
  @Column('integer', { name: 'table_rank', nullable: true }) tableRank: number | null;
  @Column('date', { name: 'start_date' }) startDate: string;
  @Column('date', { name: 'end_date', nullable: true }) endDate: string | null;
}

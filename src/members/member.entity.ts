import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Civility } from '../domain/types';

@Entity('member')
export class Member {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('text') civility: Civility;
  @Column('text', { name: 'first_name' }) firstName: string;
  @Column('text', { name: 'last_name' }) lastName: string;
  @Column('date', { name: 'birth_date', nullable: true }) birthDate: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const COLLECTIVITY_KINDS = [
  'commune', 'communaute_communes', 'communaute_agglomeration', 'communaute_urbaine', 'metropole', 'syndicat', 'departement', 'region',
] as const;
export type CollectivityKind = (typeof COLLECTIVITY_KINDS)[number];

@Entity('collectivity')
export class Collectivity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: CollectivityKind;
  @Column('text') name: string;
  @Column('text', { name: 'short_name', nullable: true }) shortName: string | null;
  @Column('char', { length: 9 }) siren: string;
  @Column('text', { name: 'departement_code' }) departementCode: string;
  /** IANA zone of the collectivity's legal time: every date of its acts is read in it (default from the département). */
  @Column('text', { name: 'time_zone', default: 'Europe/Paris' }) timeZone: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const COLLECTIVITY_KINDS = [
  'commune', 'communaute_communes', 'communaute_agglomeration', 'communaute_urbaine', 'metropole', 'syndicat', 'departement', 'region',
] as const;
export type CollectivityKind = (typeof COLLECTIVITY_KINDS)[number];
export const YEAR_IN_WORDS = ['mil', 'mille'] as const;
export type YearInWords = (typeof YEAR_IN_WORDS)[number];

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
  /** Where its acts are made: "Fait à Lumbres" (null: not stated). */
  @Column('text', { nullable: true }) seat: string | null;
  /** "deux mil dix-neuf" or "deux mille dix-neuf" in the opening formula of its acts. */
  @Column('text', { name: 'year_in_words', default: 'mille' }) yearInWords: YearInWords;
  /** L2121-11, L2121-12: the notice of a convocation (for an EPCI, its largest member commune's population). */
  @Column('integer', { nullable: true }) population: number | null;
  /** Moved by the database at each change of what every record of the collectivity reads (its members, bodies): part of a cached record's key. */
  @Column({ type: 'bigint', name: 'record_version', insert: false, update: false }) recordVersion: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

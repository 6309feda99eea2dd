import { Column, Entity } from 'typeorm';

/** A member who asked for this public vote or secret ballot (L2121-21); written with the vote, sealed after. */
@Entity('vote_request')
export class VoteRequest {
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'vote_id', primary: true }) voteId: string;
  @Column('uuid', { name: 'member_id', primary: true }) memberId: string;
  /** Order in which the requesters were recorded. */
  @Column('integer') rank: number;
}

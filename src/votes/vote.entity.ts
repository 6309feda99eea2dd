import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Choice, ItemAttendanceState, Outcome, VoteMode } from '../domain/types';

/** A recorded vote: written once, sealed by the database (trigger vote_immutable). */
@Entity('vote')
export class Vote {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'item_id' }) itemId: string;
  @Column('text') mode: VoteMode;
  @Column('integer') voters: number;
  @Column('integer', { nullable: true }) pour: number | null;
  @Column('integer', { nullable: true }) contre: number | null;
  @Column('integer', { nullable: true }) abstention: number | null;
  @Column('integer', { name: 'not_taking_part', default: 0 }) notTakingPart: number;
  @Column('text', { nullable: true }) outcome: Outcome | null;
  @Column('boolean', { name: 'casting_vote', default: false }) castingVote: boolean;
  @Column('boolean', { default: false }) unanimous: boolean;
  @Column('uuid', { name: 'president_id', nullable: true }) presidentId: string | null;
  @Column('text', { name: 'president_choice', nullable: true }) presidentChoice: Choice | null;
  @Column('uuid', { name: 'elected_candidate_id', nullable: true }) electedCandidateId: string | null;
  @Column('text') wording: string;
  /** The attendance as computed when the vote was taken: the act keeps it even if the record is amended later. */
  @Column('jsonb') attendance: ItemAttendanceState;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}

/** One member's vote in a roll call; a holder's own vote and the giver's are separate ballots. */
@Entity('ballot')
export class Ballot {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'vote_id' }) voteId: string;
  @Column('uuid', { name: 'voter_id' }) voterId: string;
  @Column('uuid', { name: 'on_behalf_of_id', nullable: true }) onBehalfOfId: string | null;
  @Column('text') choice: Choice;
}

@Entity('election_candidate')
export class ElectionCandidate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'vote_id' }) voteId: string;
  @Column('uuid', { name: 'member_id', nullable: true }) memberId: string | null;
  @Column('text') name: string;
  @Column('date', { name: 'birth_date' }) birthDate: string;
  @Column('integer') rank: number;
}

@Entity('election_round')
export class ElectionRound {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'collectivity_id' }) collectivityId: string;
  @Column('uuid', { name: 'vote_id' }) voteId: string;
  @Column('integer') round: number;
  @Column('integer') voters: number;
  @Column('integer') blank: number;
  @Column('integer') void: number;
  @Column('integer', { name: 'cast_votes' }) castVotes: number;
  @Column('integer', { name: 'absolute_majority' }) absoluteMajority: number;
  @Column('uuid', { name: 'elected_candidate_id', nullable: true }) electedCandidateId: string | null;
  @Column('boolean', { name: 'decided_by_age', default: false }) decidedByAge: boolean;
  @Column('jsonb') votes: { candidateId: string; votes: number }[];
}

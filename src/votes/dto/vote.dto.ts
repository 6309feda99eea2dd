import { GESTURE_VERSION_DOC } from '../../attendance/dto/attendance.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested,
} from 'class-validator';
import type { Choice } from '../../domain/types';

const CHOICES = ['pour', 'contre', 'abstention'];

export class VoteCountsDto {
  @ApiProperty() @IsInt() @Min(0) @Max(100000) pour: number;
  @ApiProperty() @IsInt() @Min(0) @Max(100000) contre: number;
  @ApiProperty() @IsInt() @Min(0) @Max(100000) abstention: number;
}

export class BallotDto {
  @ApiProperty({ description: 'The member casting the ballot (present)' }) @IsUUID()
  voterId: string;

  @ApiPropertyOptional({ description: 'The giver, when the holder casts the vote of the proxy' }) @IsOptional() @IsUUID()
  onBehalfOfId?: string;

  @ApiProperty({ enum: CHOICES }) @IsIn(CHOICES)
  choice: Choice;
}

export class RecordVoteDto {
  @ApiPropertyOptional({ description: GESTURE_VERSION_DOC }) @IsOptional() @IsInt() @Min(1)
  version?: number;

  @ApiProperty({ enum: ['show_of_hands', 'roll_call', 'secret'], description: 'roll_call = public vote, names recorded (L2121-21)' })
  @IsIn(['show_of_hands', 'roll_call', 'secret'])
  mode: 'show_of_hands' | 'roll_call' | 'secret';

  @ApiPropertyOptional({ type: VoteCountsDto }) @IsOptional() @ValidateNested() @Type(() => VoteCountsDto)
  counts?: VoteCountsDto;

  @ApiPropertyOptional({ type: [BallotDto] }) @IsOptional() @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => BallotDto)
  ballots?: BallotDto[];

  @ApiPropertyOptional({ type: [BallotDto], description: 'show_of_hands: the names of those against or abstaining ("Ont voté contre : M. X, Mme Y"), one per vote (a proxy holder names the giver with onBehalfOfId), as many per side as its count; the act does not call it a public vote' })
  @IsOptional() @IsArray() @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => BallotDto)
  names?: BallotDto[];

  @ApiPropertyOptional({ enum: CHOICES, description: "With counts on a tie: the president's vote, which decides (L2121-20)" })
  @IsOptional() @IsIn(CHOICES)
  presidentChoice?: Choice;

  @ApiPropertyOptional({ type: [String], description: 'roll_call or secret: the members present who asked for it, at least a quarter (public) or a third (secret) of those present (L2121-21); required for a secret ballot, the exception (appointments: POST .../election)' })
  @IsOptional() @IsArray() @ArrayMaxSize(2000) @IsUUID('all', { each: true })
  requestedBy?: string[];
}

export class CandidateDto {
  @ApiPropertyOptional({ description: 'A member of the body; his name and birth date are taken from the register' }) @IsOptional() @IsUUID()
  memberId?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Needed when not a member: the oldest wins a tie (L2122-7)' }) @IsOptional() @IsISO8601({ strict: true }) @Length(10, 10)
  birthDate?: string;
}

export class RoundVotesDto {
  @ApiProperty({ description: 'Index of the candidate in candidates' }) @IsInt() @Min(0) @Max(100)
  candidate: number;

  @ApiProperty() @IsInt() @Min(0) @Max(100000)
  votes: number;
}

export class RoundDto {
  @ApiProperty() @IsInt() @Min(1) @Max(3) round: number;
  @ApiProperty() @IsInt() @Min(0) @Max(100000) voters: number;
  @ApiProperty() @IsInt() @Min(0) @Max(100000) blank: number;
  @ApiProperty() @IsInt() @Min(0) @Max(100000) void: number;

  @ApiProperty({ type: [RoundVotesDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => RoundVotesDto)
  votes: RoundVotesDto[];
}

export class RecordElectionDto {
  @ApiPropertyOptional({ description: GESTURE_VERSION_DOC }) @IsOptional() @IsInt() @Min(1)
  version?: number;

  @ApiProperty({ example: 'Élection du représentant au syndicat mixte' }) @IsOptional() @IsString() @Length(1, 300)
  office?: string;

  @ApiProperty({ type: [CandidateDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CandidateDto)
  candidates: CandidateDto[];

  @ApiProperty({ type: [RoundDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => RoundDto)
  rounds: RoundDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../common/pagination.dto';
import { OptionalNotNull } from '../../common/validation';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min } from 'class-validator';

// Without an offset "18:30" would be read in the server's time zone, not in Paris: the offset is required.
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
const WITH_OFFSET_MESSAGE = 'startsAt must be a date and time with its offset, e.g. 2019-09-30T18:30:00+02:00';

export class CreateSessionDto {
  @ApiProperty() @IsUUID()
  bodyId: string;

  @ApiProperty({ example: '2019-09-30T18:30:00+02:00', description: 'Date and time with offset' })
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: WITH_OFFSET_MESSAGE }) @MaxLength(40)
  startsAt: string;

  @ApiPropertyOptional({ example: 'Salle du conseil, Lumbres' }) @IsOptional() @IsString() @MaxLength(300)
  place?: string;

  @ApiPropertyOptional({ example: '2019-09-18' }) @IsOptional() @IsISO8601({ strict: true }) @Length(10, 10)
  convocationDate?: string;

  @ApiPropertyOptional({ description: 'Convened in urgency: a notice shorter than three (or five) clear days, one at least, is accepted and the acts say so (L2121-11, L2121-12)' })
  @OptionalNotNull() @IsBoolean()
  urgency?: boolean;

  @ApiPropertyOptional({ description: 'Second convocation after a failed quorum (L2121-17): requires firstConvocationSessionId' }) @OptionalNotNull() @IsBoolean()
  secondConvocation?: boolean;

  @ApiPropertyOptional({ description: 'With secondConvocation: the earlier session of the body whose quorum failed at its opening, convened, then closed or cancelled without a vote, at least three clear days before (three days in départements and régions)' })
  @OptionalNotNull() @IsUUID()
  firstConvocationSessionId?: string;

  @ApiPropertyOptional() @OptionalNotNull() @IsUUID()
  presidentId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Secrétaires de séance (L2121-15)' })
  @OptionalNotNull() @IsArray() @ArrayMaxSize(5) @IsUUID('all', { each: true })
  secretaryIds?: string[];
}

export class UpdateSessionDto {
  @ApiProperty({ description: 'The version you read: a concurrent change is refused, not overwritten' })
  @IsInt() @Min(1)
  version: number;

  @ApiPropertyOptional({ example: '2019-09-30T18:30:00+02:00', description: 'Date and time with offset' })
  @OptionalNotNull() @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: WITH_OFFSET_MESSAGE }) @MaxLength(40)
  startsAt?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300)
  place?: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) @Length(10, 10)
  convocationDate?: string;

  @ApiPropertyOptional({ description: 'Convened in urgency: a notice shorter than three (or five) clear days, one at least, is accepted and the acts say so (L2121-11, L2121-12)' })
  @OptionalNotNull() @IsBoolean()
  urgency?: boolean;

  @ApiPropertyOptional({ description: 'Switching it off clears firstConvocationSessionId' }) @OptionalNotNull() @IsBoolean()
  secondConvocation?: boolean;

  @ApiPropertyOptional({ description: 'See CreateSessionDto' }) @OptionalNotNull() @IsUUID()
  firstConvocationSessionId?: string;

  @ApiPropertyOptional() @OptionalNotNull() @IsUUID()
  presidentId?: string;

  @ApiPropertyOptional({ type: [String] }) @OptionalNotNull() @IsArray() @ArrayMaxSize(5) @IsUUID('all', { each: true })
  secretaryIds?: string[];
}

export class TransitionDto {
  @ApiProperty({ enum: ['convened', 'open', 'closed', 'cancelled'] }) @IsIn(['planned', 'convened', 'open', 'closed', 'cancelled'])
  to: string;

  @ApiProperty() @IsInt() @Min(1)
  version: number;
}

export class SessionListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  bodyId?: string;
}

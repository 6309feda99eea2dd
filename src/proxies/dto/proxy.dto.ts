import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsISO8601, IsOptional, IsUUID, Length, Min } from 'class-validator';
import { GESTURE_VERSION_DOC } from '../../attendance/dto/attendance.dto';

export class CreateProxyDto {
  @ApiPropertyOptional({ description: GESTURE_VERSION_DOC }) @IsOptional() @IsInt() @Min(1)
  version?: number;

  @ApiProperty({ description: 'The absent member who gives the proxy' }) @IsUUID()
  giverId: string;

  @ApiProperty({ description: 'The colleague he names' }) @IsUUID()
  holderId: string;

  @ApiPropertyOptional({ description: '"donne pouvoir à partir du point N": first item it applies to' }) @IsOptional() @IsUUID()
  fromItemId?: string;

  @ApiPropertyOptional({ description: '"jusqu\'à la délibération n°N": last item it applies to' }) @IsOptional() @IsUUID()
  untilItemId?: string;

  @ApiPropertyOptional({ type: [String], description: 'The following sessions the same proxy covers (at most three consecutive in all, L2121-20)' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true })
  followingSessionIds?: string[];

  @ApiPropertyOptional({ description: 'Maladie dûment constatée: lifts the three-session limit' }) @IsOptional() @IsBoolean()
  illness?: boolean;

  @ApiPropertyOptional({ example: '2019-09-27' }) @IsOptional() @IsISO8601({ strict: true }) @Length(10, 10)
  signedOn?: string;
}

export class RevokeProxyDto {
  @ApiProperty({ description: 'The session from which the proxy no longer applies' }) @IsUUID()
  sessionId: string;

  @ApiPropertyOptional({ description: 'The first item it no longer applies to (default: the whole session)' }) @IsOptional() @IsUUID()
  fromItemId?: string;
}

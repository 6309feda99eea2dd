import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import type { OpeningStatus } from '../../domain/types';

export class AttendanceEntryDto {
  @ApiProperty() @IsUUID()
  memberId: string;

  @ApiProperty({ enum: ['present', 'excused', 'absent'] }) @IsIn(['present', 'excused', 'absent'])
  status: OpeningStatus;

  @ApiPropertyOptional({ description: "On a suppléant's entry: the titulaire whose seat he takes (L5211-6)" }) @IsOptional() @IsUUID()
  replacesMemberId?: string;
}

export class SetAttendanceDto {
  @ApiProperty({ description: "The session's version you read (GET .../attendance or the session): two clerks saving at once do not overwrite each other" })
  @IsInt() @Min(1)
  version: number;

  @ApiProperty({ type: [AttendanceEntryDto], description: 'Status of members at the opening; members left out are absent' })
  @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => AttendanceEntryDto)
  entries: AttendanceEntryDto[];
}

/** The session version a live gesture was made on (issue 7, point 2). */
export const GESTURE_VERSION_DOC =
  "The session's version the gesture was made on (from GET .../attendance, an item's state or the last gesture's answer): if a change since then touches the same member, proxy or vote, the gesture is refused (409 GESTURE_CONFLICT, with the current state); else it is applied. Without it, the gesture is judged on the current state only.";

export class AttendanceChangeDto {
  @ApiPropertyOptional({ description: GESTURE_VERSION_DOC }) @IsOptional() @IsInt() @Min(1)
  version?: number;

  @ApiProperty() @IsUUID()
  memberId: string;

  @ApiProperty({ enum: ['arrival', 'departure'] }) @IsIn(['arrival', 'departure'])
  kind: 'arrival' | 'departure';

  @ApiProperty({ description: 'The first item the change applies to: arrival before it, or departure before it' }) @IsUUID()
  fromItemId: string;

  @ApiPropertyOptional({ example: '19:07', description: 'Local hour of the arrival or departure, printed in the act ("arrivée à 19 h 07")' })
  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'atTime must be a local hour HH:MM (00:00 to 23:59)' })
  atTime?: string;
}

export class UndoGestureDto {
  @ApiProperty({ description: 'The id of the last gesture as read (GET .../gestures/last): another one meanwhile is a 409' }) @IsUUID()
  gestureId: string;
}

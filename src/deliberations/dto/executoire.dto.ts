import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Min } from 'class-validator';

const IsDate = () => applyDecorators(IsISO8601({ strict: true }), Length(10, 10));
// The identifier as the platform returned it: printable, no spaces; stored exactly as given.
const ACTE_ID = /^[\x21-\x7e]{1,60}$/;

export class RecordTransmissionDto {
  @ApiProperty() @IsInt() @Min(1)
  version: number;

  @ApiProperty({ description: 'Day the act was sent to the préfecture', example: '2019-10-02' }) @IsDate()
  transmittedAt: string;
}

export class RecordAcknowledgementDto {
  @ApiProperty() @IsInt() @Min(1)
  version: number;

  @ApiProperty({ description: "Date of receipt on the préfecture's acknowledgement: the date printed and exported (L2131-1)", example: '2019-10-03' }) @IsDate()
  receivedAt: string;

  @ApiProperty({ description: 'The identifier the transmission platform returned (@ctes), stored as given', example: '062-246200364-20190930-19_09_107-DE' })
  @IsString() @Matches(ACTE_ID, { message: 'acteId must be 1 to 60 printable characters without spaces' })
  acteId: string;
}

export class RecordPublicationDto {
  @ApiProperty() @IsInt() @Min(1)
  version: number;

  @ApiProperty({ description: 'Day of publication (L2131-1, R2131-1)', example: '2019-10-04' }) @IsDate()
  publishedAt: string;
}

/** A correction names the facts it changes (null: recorded by mistake, never happened) and says why. */
export class CorrectExecutoireDto {
  @ApiProperty() @IsInt() @Min(1)
  version: number;

  @ApiProperty({ description: 'Why the recorded value was wrong (kept in the audit trail)', example: "Date de l'accusé de réception mal saisie" })
  @IsString() @Length(3, 2000)
  reason: string;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsDate()
  transmittedAt?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsDate()
  receivedAt?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @Matches(ACTE_ID, { message: 'acteId must be 1 to 60 printable characters without spaces' })
  acteId?: string | null;

  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsDate()
  publishedAt?: string | null;
}

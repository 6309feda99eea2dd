import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { COLLECTIVITY_KINDS, CollectivityKind, YEAR_IN_WORDS, YearInWords } from '../collectivity.entity';

export class CreateCollectivityDto {
  @ApiProperty({ enum: COLLECTIVITY_KINDS }) @IsIn(COLLECTIVITY_KINDS)
  kind: CollectivityKind;

  @ApiProperty({ example: 'Communauté de Communes du Pays de Lumbres' }) @IsString() @Length(1, 300)
  name: string;

  @ApiPropertyOptional({ example: 'CCPL' }) @IsOptional() @IsString() @MaxLength(40)
  shortName?: string;

  @ApiProperty({ example: '246200364' }) @Matches(/^\d{9}$/, { message: 'siren must be 9 digits' })
  siren: string;

  @ApiProperty({ example: '62' }) @Matches(/^(\d{2,3}|2A|2B)$/, { message: 'departementCode must be like 62, 974 or 2A' })
  departementCode: string;

  @ApiPropertyOptional({ example: 'Indian/Reunion', description: 'IANA time zone of every date of its acts; defaults from the département (974 → Indian/Reunion, else Europe/Paris)' })
  @IsOptional() @IsString() @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ example: 'Lumbres', description: 'Seat of the collectivity, printed in "Fait à Lumbres, le …"' })
  @IsOptional() @IsString() @Matches(/\S/, { message: 'seat must not be blank' }) @Length(1, 200)
  seat?: string;

  @ApiPropertyOptional({ enum: YEAR_IN_WORDS, description: 'The year in the opening formula: "deux mil dix-neuf" (mil) or "deux mille dix-neuf" (mille, default)' })
  @IsOptional() @IsIn(YEAR_IN_WORDS)
  yearInWords?: YearInWords;

  @ApiPropertyOptional({ example: 4200, nullable: true, description: 'Inhabitants (for an EPCI or a syndicat: of its largest member commune): three clear days of notice under 3,500, five from 3,500 (L2121-11, L2121-12)' })
  @ValidateIf((_o, v) => v !== null) @IsOptional() @IsInt() @Min(0) @Max(100_000_000)
  population?: number | null;
}

/** Settings of the collectivity; only the fields given change. */
export class UpdateCollectivityDto {
  @ApiPropertyOptional({ example: 'Pacific/Marquesas', description: 'IANA time zone (French Polynesia spans three)' })
  @IsOptional() @IsString() @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ example: 'Lumbres', nullable: true, description: 'Seat printed in "Fait à …"; null to print none' })
  @ValidateIf((_o, v) => v !== null) @IsOptional() @IsString() @Matches(/\S/, { message: 'seat must not be blank' }) @Length(1, 200)
  seat?: string | null;

  @ApiPropertyOptional({ enum: YEAR_IN_WORDS }) @IsOptional() @IsIn(YEAR_IN_WORDS)
  yearInWords?: YearInWords;

  @ApiPropertyOptional({ example: 4200, nullable: true, description: 'Inhabitants (for an EPCI or a syndicat: of its largest member commune): three clear days of notice under 3,500, five from 3,500 (L2121-11, L2121-12)' })
  @ValidateIf((_o, v) => v !== null) @IsOptional() @IsInt() @Min(0) @Max(100_000_000)
  population?: number | null;
}

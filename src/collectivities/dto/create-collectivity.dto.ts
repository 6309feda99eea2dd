import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { COLLECTIVITY_KINDS, CollectivityKind } from '../collectivity.entity';

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
}

export class UpdateCollectivityDto {
  @ApiPropertyOptional({ example: 'Pacific/Marquesas', description: 'IANA time zone (French Polynesia spans three)' })
  @IsOptional() @IsString() @MaxLength(64)
  timeZone?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { ProfileCode, RuleSettings } from '../../domain/types';
import { BODY_KINDS, BodyKind } from '../body.entity';

export const PROFILE_CODES: ProfileCode[] = ['commune', 'epci', 'departement', 'region', 'commission_permanente', 'custom'];

export class CreateBodyDto {
  @ApiProperty({ enum: BODY_KINDS }) @IsIn(BODY_KINDS)
  kind: BodyKind;

  @ApiProperty({ example: 'Conseil de Communauté' }) @IsString() @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'CC' }) @IsOptional() @IsString() @MaxLength(20)
  code?: string;

  @ApiProperty({ enum: PROFILE_CODES }) @IsIn(PROFILE_CODES)
  ruleProfile: ProfileCode;

  @ApiPropertyOptional({ description: 'Thresholds of a custom profile (every setting of RuleSettings may be given).' })
  @IsOptional() @IsObject()
  customRules?: Partial<RuleSettings>;

  @ApiPropertyOptional({ example: '{yy}-{mm}-{seq}', description: 'Tokens: {yyyy} {yy} {mm} {dd} {seq} {seq:N} {body}' })
  @IsOptional() @IsString() @Length(1, 60)
  numberPattern?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { MemberOrder, ProfileCode, RecusedHolderProxy, RuleSettings, VotersHeader } from '../../domain/types';
import { BODY_KINDS, BodyKind } from '../body.entity';

export const VOTERS_HEADERS: VotersHeader[] = ['taking_part', 'present_and_represented'];
export const MEMBER_ORDERS: MemberOrder[] = ['alphabetical', 'table'];
export const RECUSED_HOLDER_PROXY: RecusedHolderProxy[] = ['unused', 'cast'];
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

  @ApiPropertyOptional({ enum: VOTERS_HEADERS, description: '"Votants" in the header of acts: those taking part (default), or those present and represented (members not taking part included)' })
  @IsOptional() @IsIn(VOTERS_HEADERS)
  votersHeader?: VotersHeader;

  @ApiPropertyOptional({ enum: MEMBER_ORDERS, description: 'Lists of members: alphabetical (default) or in the ordre du tableau (L2121-1, membership tableRank)' })
  @IsOptional() @IsIn(MEMBER_ORDERS)
  memberOrder?: MemberOrder;

  @ApiPropertyOptional({ enum: RECUSED_HOLDER_PROXY, description: 'L2131-11: a member not taking part leaves the proxy he holds unused (default) or still casts it' })
  @IsOptional() @IsIn(RECUSED_HOLDER_PROXY)
  recusedHolderProxy?: RecusedHolderProxy;
}

/** How a body writes its acts; only the fields given change. */
export class UpdateBodySettingsDto {
  @ApiPropertyOptional({ enum: VOTERS_HEADERS }) @IsOptional() @IsIn(VOTERS_HEADERS)
  votersHeader?: VotersHeader;

  @ApiPropertyOptional({ enum: MEMBER_ORDERS }) @IsOptional() @IsIn(MEMBER_ORDERS)
  memberOrder?: MemberOrder;

  @ApiPropertyOptional({ enum: RECUSED_HOLDER_PROXY }) @IsOptional() @IsIn(RECUSED_HOLDER_PROXY)
  recusedHolderProxy?: RecusedHolderProxy;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested, ArrayMaxSize } from 'class-validator';
import type { Civility, SeatKind } from '../../domain/types';

export class CreateMembershipDto {
  @ApiProperty() @IsUUID()
  bodyId: string;

  @ApiProperty({ enum: ['titulaire', 'suppleant'] }) @IsIn(['titulaire', 'suppleant'])
  seat: SeatKind;

  @ApiPropertyOptional({ description: 'For a suppléant: the titulaire he stands in for (L5211-6).' })
  @IsOptional() @IsUUID()
  titulaireId?: string;

  @ApiPropertyOptional({ example: 'Président' }) @IsOptional() @IsString() @MaxLength(80)
  title?: string;

  @ApiPropertyOptional({ example: 3, description: "L2121-1: rank in the ordre du tableau, for bodies whose acts list members so (memberOrder 'table')" })
  @IsOptional() @IsInt() @Min(1) @Max(10000)
  tableRank?: number;

  @ApiProperty({ example: '2020-07-15' }) @IsISO8601({ strict: true }) @Length(10, 10)
  startDate: string;

  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) @Length(10, 10)
  endDate?: string;
}

export class CreateMemberDto {
  @ApiProperty({ enum: ['M.', 'Mme'] }) @IsIn(['M.', 'Mme'])
  civility: Civility;

  @ApiProperty() @IsString() @Length(1, 100)
  firstName: string;

  @ApiProperty() @IsString() @Length(1, 100)
  lastName: string;

  @ApiPropertyOptional({ example: '1961-04-02' }) @IsOptional() @IsISO8601({ strict: true }) @Length(10, 10)
  birthDate?: string;

  @ApiPropertyOptional({ type: [CreateMembershipDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CreateMembershipDto)
  memberships?: CreateMembershipDto[];
}

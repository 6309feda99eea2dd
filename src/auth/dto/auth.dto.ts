import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CreateCollectivityDto } from '../../collectivities/dto/create-collectivity.dto';
import type { Role } from '../actor';

export const ROLES: readonly Role[] = ['administrator', 'secretary', 'president', 'member'];

export class SignInDto {
  @ApiProperty({ example: 'secretaire@ccpl.demo' }) @IsString() @Length(3, 254)
  email: string;

  @ApiProperty() @IsString() @Length(1, 1000)
  password: string;
}

export class NewAccountDto {
  @ApiProperty({ example: 'secretaire@mairie.fr' }) @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: 'Marie Dupont' }) @IsOptional() @IsString() @Length(1, 200)
  displayName?: string;
}

export class CreateAccountDto extends NewAccountDto {
  @ApiProperty({ enum: ROLES, isArray: true }) @IsIn(ROLES, { each: true }) @ArrayUnique() @ArrayMaxSize(4)
  roles: Role[];

  @ApiPropertyOptional({ description: 'The council member this account is (signing: L2121-15, L2121-23)' }) @IsOptional() @IsUUID()
  memberId?: string;
}

export class SetRolesDto {
  @ApiProperty({ enum: ROLES, isArray: true }) @IsIn(ROLES, { each: true }) @ArrayUnique() @ArrayMaxSize(4)
  roles: Role[];
}

export class LinkMemberDto {
  @ApiProperty({ nullable: true, description: 'null removes the link' }) @IsOptional() @IsUUID()
  memberId: string | null;
}

/** The operator creates a collectivity and names its first administrator (an existing account or a new one). */
export class CreateCollectivityWithAdminDto extends CreateCollectivityDto {
  @ApiPropertyOptional({ type: NewAccountDto }) @IsOptional() @ValidateNested() @Type(() => NewAccountDto)
  administrator?: NewAccountDto;
}

export class CreateTokenDto {
  @ApiProperty() @IsUUID()
  collectivityId: string;

  @ApiProperty({ enum: ROLES }) @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ example: 'export nightly' }) @IsOptional() @IsString() @Length(1, 100)
  label?: string;

  @ApiPropertyOptional({ default: 90, minimum: 1, maximum: 366 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(366)
  days?: number;
}

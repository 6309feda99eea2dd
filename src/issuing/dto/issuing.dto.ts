import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class SignDto {
  /** The signer's password, entered again at the moment of signing. */
  @IsString() @MinLength(1) @MaxLength(1000)
  password: string;
}

export class AnnexDto {
  @IsOptional() @IsString() @MaxLength(300)
  title?: string;
}

export class CheckCopyDto {
  @IsOptional() @IsString() @Matches(/^\s*[0-9a-fA-F]{64}\s*$/, { message: 'sha256 must be 64 hexadecimal digits' })
  sha256?: string;
}

export class ChainQuery {
  @IsOptional() @IsString() @MaxLength(40)
  collectivity?: string;
}

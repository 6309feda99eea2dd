import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { RECTIFICATION_KINDS, type RectificationKind } from '../../domain/rectification';

export class SignDto {
  /** The signer's password, entered again at the moment of signing. */
  @ApiProperty({ description: "The signer's password, entered again", minLength: 1, maxLength: 1000 }) @IsString() @MinLength(1) @MaxLength(1000)
  password: string;
}

export class AnnexDto {
  /** Documents the multipart part that multer takes (never in the validated fields: a text field "file" is refused). */
  @ApiProperty({ type: 'string', format: 'binary', description: 'The annex, a PDF' })
  file?: unknown;

  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300)
  title?: string;
}

export class CheckCopyDto {
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'The copy to check, a PDF (multipart)' })
  file?: unknown;

  @ApiPropertyOptional({ description: 'Or its SHA-256, 64 hexadecimal digits' })
  @IsOptional() @IsString() @Matches(/^\s*[0-9a-fA-F]{64}\s*$/, { message: 'sha256 must be 64 hexadecimal digits' })
  sha256?: string;
}

export class ChainQuery {
  @IsOptional() @IsString() @MaxLength(40)
  collectivity?: string;
}

/** A draft item rectifies an issued act of its body: named by its number, or by its id (issue 9). */
export class RectifyDto {
  /** The number of the deliberation rectified ("2026-001"), in the same body. */
  @ApiPropertyOptional({ example: '2026-001', description: 'The number of the deliberation rectified, in the same body' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(60)
  rectifiesNumber?: string;

  @ApiPropertyOptional({ description: 'Or its id' }) @IsOptional() @IsUUID()
  rectifiesItemId?: string;

  /** `material-error`: corrects an erreur matérielle, the rest standing; `replacement`: withdraws the act and replaces it. */
  @ApiProperty({ enum: RECTIFICATION_KINDS, description: 'material-error: corrects an erreur matérielle, the rest standing; replacement: withdraws the act and replaces it' })
  @IsIn(RECTIFICATION_KINDS)
  kind: RectificationKind;
}

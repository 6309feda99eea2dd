import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';

export class RnePreviewDto {
  @ApiProperty({ description: 'The body whose members the file names (its titulaires from the mandate start)' }) @IsUUID()
  bodyId: string;

  @ApiProperty({ description: "The RNE file's text (conseillers municipaux or conseillers communautaires): `;`-separated, UTF-8" })
  @IsString() @Length(1, 900_000)
  csv: string;

  @ApiPropertyOptional({ description: "Which commune's (INSEE code) or EPCI's (SIREN) lines to import; default: the collectivity's SIREN, or the only commune of the file" })
  @IsOptional() @Matches(/^[0-9AB]{5}$|^\d{9}$/, { message: 'unitCode must be an INSEE commune code (5 characters) or a SIREN (9 digits)' })
  unitCode?: string;
}

export class RneImportDto extends RnePreviewDto {
  @ApiProperty({ description: 'The digest of the preview being confirmed: if the file or the register changed since, 409' })
  @IsString() @MaxLength(64) @Matches(/^[0-9a-f]{64}$/, { message: 'digest must be the 64 hex digits of the preview' })
  digest: string;
}

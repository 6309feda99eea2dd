import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';

const NATURES = ['DE', 'AR', 'AI', 'CC', 'BF', 'AU'];

export class CreateItemDto {
  @ApiProperty({ example: 'CREATION DU CAMPUS DES METIERS ET DES QUALIFICATIONS' }) @IsString() @Length(1, 1000)
  object: string;

  @ApiPropertyOptional({ description: 'Order in the session; defaults to last. Inserting shifts the following items.' })
  @IsOptional() @IsInt() @Min(1) @Max(1000)
  position?: number;

  @ApiPropertyOptional({ example: 'DEL2023-2', description: 'The number as the council publishes it ("DEL2023-2", "01-02", "2023/009"); defaults to the body\'s pattern. Unique per body and year (409 ITEM_NUMBER_TAKEN).' })
  @IsOptional() @IsString() @Length(1, 30)
  number?: string;

  @ApiPropertyOptional({ description: 'Sequence number to use (e.g. when taking over a register mid-year); defaults to the next of the body and year' })
  @IsOptional() @IsInt() @Min(1) @Max(999999)
  seq?: number;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  rapporteurId?: string;

  @ApiPropertyOptional({ description: 'President for this item when not the session president (L2121-14)' }) @IsOptional() @IsUUID()
  presidentId?: string;

  @ApiPropertyOptional({ description: 'In a second convocation: the item of the failed first convocation carried over, not voted, carried once; only such items are voted without the quorum (L2121-17)' })
  @IsOptional() @IsUUID()
  carriedFromItemId?: string;

  @ApiPropertyOptional({ enum: NATURES, default: 'DE' }) @IsOptional() @IsIn(NATURES)
  actesNature?: string;

  @ApiPropertyOptional({ example: '8.4' }) @IsOptional() @Matches(/^[1-9](\.\d{1,2}){0,4}$/, { message: 'matiereCode must look like 5.7 or 8.4.1' })
  matiereCode?: string;

  @ApiPropertyOptional({ description: 'Exposé des motifs, visas and considérants (Markdown)' }) @IsOptional() @IsString() @MaxLength(200000)
  reasonsMd?: string;

  @ApiPropertyOptional({ description: 'Operative part: DÉCIDE, AUTORISE... (Markdown)' }) @IsOptional() @IsString() @MaxLength(200000)
  decisionMd?: string;
}

export class UpdateItemDto {
  @ApiProperty() @IsInt() @Min(1)
  version: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000)
  object?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  rapporteurId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  presidentId?: string;

  @ApiPropertyOptional({ enum: NATURES }) @IsOptional() @IsIn(NATURES)
  actesNature?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(/^[1-9](\.\d{1,2}){0,4}$/, { message: 'matiereCode must look like 5.7 or 8.4.1' })
  matiereCode?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200000)
  reasonsMd?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200000)
  decisionMd?: string;

  @ApiPropertyOptional({ enum: ['draft', 'withdrawn', 'adjourned'] }) @IsOptional() @IsIn(['draft', 'withdrawn', 'adjourned'])
  status?: 'draft' | 'withdrawn' | 'adjourned';

  // The exécutoire facts are accepted here only to be refused with a clear code: EXECUTOIRE_FACT_RECORDED (409) once
  // recorded, else VALIDATION_FAILED naming the use case that records them (POST .../transmission, ...).
  @ApiPropertyOptional({ description: 'Refused: recorded with POST .../items/:iid/transmission' }) @IsOptional() @IsISO8601({ strict: true }) @Length(10, 10)
  transmittedAt?: string;

  @ApiPropertyOptional({ description: 'Refused: recorded with POST .../items/:iid/acknowledgement' }) @IsOptional() @IsISO8601({ strict: true }) @Length(10, 10)
  receivedAt?: string;

  @ApiPropertyOptional({ description: 'Refused: recorded with POST .../items/:iid/publication' }) @IsOptional() @IsISO8601({ strict: true }) @Length(10, 10)
  publishedAt?: string;

  @ApiPropertyOptional({ description: 'Refused: recorded with POST .../items/:iid/acknowledgement' }) @IsOptional() @IsString() @MaxLength(60)
  acteId?: string;
}

export class CreateRecusalDto {
  @ApiProperty() @IsUUID()
  memberId: string;

  @ApiPropertyOptional({ example: 'intéressé à l’affaire (L2131-11)' }) @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

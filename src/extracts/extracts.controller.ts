import { Body as Payload, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ClientSignal } from '../common/client-signal';
import { UuidParam } from '../common/uuid-param';
import { ExtractsService } from './extracts.service';
import { TemplatesService } from './templates.service';
import { Permission } from '../auth/permissions';

// Only true or false: "?pdfa=yes" must not silently give a file that is not PDF/A.
const strictBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

class PdfQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: the archived PDF/A-2b version' }) @IsOptional() @Transform(strictBoolean) @IsBoolean({ message: 'pdfa must be true or false' })
  pdfa?: boolean;
}

class NumberPdfQuery extends PdfQuery {
  @ApiProperty({ example: '19-09-107' }) @IsString() @Length(1, 60)
  number: string;

  /** Needed only when two bodies of the collectivity use the same number. */
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  bodyId?: string;
}

class TemplateSourceDto {
  @ApiProperty({ description: 'Handlebars source', maxLength: 200000 }) @IsString() @MaxLength(200000)
  source: string;
}

class PreviewDto {
  @ApiPropertyOptional({ description: 'Handlebars source to preview; default: the current version', maxLength: 200000 }) @IsOptional() @IsString() @MaxLength(200000)
  source?: string;
}

@ApiTags('documents')
@Controller('api/collectivities/:cid')
export class ExtractsController {
  constructor(private readonly extracts: ExtractsService, private readonly templates: TemplatesService) {}

  @Get('items/:iid/extract.pdf') @ApiProduces('application/pdf')
  @Permission('draft.read')
  @ApiOperation({ summary: 'Certified extract of a voted deliberation ("Pour extrait conforme"); ?pdfa=true for the archived PDF/A-2b version' })
  extract(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Query() q: PdfQuery, @ClientSignal() signal: AbortSignal) { return this.extracts.extract(cid, iid, q, signal); }

  @Get('deliberations/extract.pdf') @ApiProduces('application/pdf')
  @Permission('draft.read')
  extractByNumber(@UuidParam('cid') cid: string, @Query() q: NumberPdfQuery, @ClientSignal() signal: AbortSignal) { return this.extracts.extractByNumber(cid, q.number, q, q.bodyId, signal); }

  @Get('sessions/:sid/minutes.pdf') @ApiProduces('application/pdf') @ApiOperation({ summary: 'Procès-verbal of the session (L2121-15)' })
  @Permission('draft.read')
  minutes(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Query() q: PdfQuery, @ClientSignal() signal: AbortSignal) { return this.extracts.minutes(cid, sid, q, signal); }

  @Get('sessions/:sid/deliberations-list.pdf') @ApiProduces('application/pdf') @ApiOperation({ summary: 'List of the deliberations examined (L2121-25)' })
  @Permission('draft.read')
  list(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Query() q: PdfQuery, @ClientSignal() signal: AbortSignal) { return this.extracts.deliberationsList(cid, sid, q, signal); }

  @Get('sessions/:sid/extracts.zip') @ApiProduces('application/zip') @ApiOperation({ summary: "The extracts of a session's voted items, as one streamed ZIP" })
  @Permission('draft.read')
  zip(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Query() q: PdfQuery, @ClientSignal() signal: AbortSignal) { return this.extracts.zip(cid, sid, q, signal); }

  @Get('templates')
  @Permission('template.manage')
  templatesList(@UuidParam('cid') cid: string) { return this.templates.list(cid); }

  @Get('templates/:name') @ApiOperation({ summary: 'A template (extract, minutes, deliberations-list) or partial (header, counts...): current source and versions' })
  @Permission('template.manage')
  template(@UuidParam('cid') cid: string, @Param('name') name: string) { return this.templates.get(cid, name); }

  @Put('templates/:name')
  @Permission('template.manage')
  @ApiOperation({ summary: 'Save a new version of a template or partial; refused with TEMPLATE_INVALID naming the line (and, for a partial, the document it breaks) when it does not compile or uses an unknown field, TEMPLATE_TOO_EXPENSIVE (422) when its render on the demo act runs past its budget' })
  save(@UuidParam('cid') cid: string, @Param('name') name: string, @Payload() dto: TemplateSourceDto) { return this.templates.save(cid, name, dto.source); }

  @Post('templates/:name/revert')
  @Permission('template.manage')
  @ApiOperation({ summary: 'Revert a template or partial to the shipped default (saved as a new version)' })
  revert(@UuidParam('cid') cid: string, @Param('name') name: string) { return this.templates.revert(cid, name); }

  @Post('templates/:name/preview') @ApiProduces('application/pdf')
  @Permission('template.manage')
  @ApiOperation({ summary: 'Render the demo act with this source (or the current version), nothing saved' })
  preview(@UuidParam('cid') cid: string, @Param('name') name: string, @Payload() dto: PreviewDto, @ClientSignal() signal: AbortSignal) { return this.templates.preview(cid, name, dto.source, signal); }
}

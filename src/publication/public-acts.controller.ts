import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Public } from '../auth/permissions';
import { UuidParam } from '../common/uuid-param';
import { PublicActsService } from './public-acts.service';

class PublicPdfQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  pdfa?: boolean;
}

/** Published acts, for everyone (no account): the only reads of a collectivity's register open to the public. */
@ApiTags('public')
@Controller('api/public/collectivities/:cid/acts')
export class PublicActsController {
  constructor(private readonly acts: PublicActsService) {}

  @Get() @Public('published acts are public (L2131-1)')
  @ApiOperation({ summary: 'The published acts of a collectivity (number, object, publication date)' })
  list(@UuidParam('cid') cid: string) { return this.acts.list(cid); }

  @Get(':iid/extract.pdf') @ApiProduces('application/pdf') @Public('the extract of a published act is public (L2131-1)')
  @ApiOperation({ summary: 'The certified extract of a published act; an act not published is "not found"' })
  extract(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Query() q: PublicPdfQuery) { return this.acts.extract(cid, iid, q); }
}

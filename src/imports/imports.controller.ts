import { Body as Payload, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../auth/permissions';
import { UuidParam } from '../common/uuid-param';
import { RneImportDto, RnePreviewDto } from './dto/rne-import.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('api/collectivities/:cid/imports')
export class ImportsController {
  constructor(private readonly service: ImportsService) {}

  @Post('rne/preview') @HttpCode(200) @Permission('member.manage')
  preview(@UuidParam('cid') cid: string, @Payload() dto: RnePreviewDto) { return this.service.preview(cid, dto); }

  @Post('rne') @Permission('member.manage')
  importRne(@UuidParam('cid') cid: string, @Payload() dto: RneImportDto) { return this.service.importRne(cid, dto); }
}

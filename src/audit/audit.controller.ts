import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { AuditService } from './audit.service';
import { Permission } from '../auth/permissions';

@ApiTags('audit')
@Controller('api/collectivities/:cid')
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @Get('sessions/:sid/audit')
  @Permission('audit.read')
  @ApiOperation({ summary: 'Audit trail of a session and everything recorded in it: who, when, use case, fields before → after (personal fields: changed, no value)' })
  ofSession(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Query() q: PageQuery) { return this.service.ofSession(cid, sid, q); }

  @Get('items/:iid/audit')
  @Permission('audit.read')
  @ApiOperation({ summary: 'Audit trail of an item (act): its text, vote, exécutoire facts and their corrections' })
  ofItem(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Query() q: PageQuery) { return this.service.ofItem(cid, iid, q); }
}

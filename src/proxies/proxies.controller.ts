import { Body as Payload, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CreateProxyDto, RevokeProxyDto } from './dto/proxy.dto';
import { ProxiesService } from './proxies.service';
import { Permission } from '../auth/permissions';

@ApiTags('proxies')
@Controller('api/collectivities/:cid')
export class ProxiesController {
  constructor(private readonly service: ProxiesService) {}

  @Post('sessions/:sid/proxies')
  @Permission('session.record')
  create(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: CreateProxyDto) { return this.service.create(cid, sid, dto); }

  @Get('sessions/:sid/proxies')
  @Permission('draft.read')
  list(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.service.list(cid, sid); }

  @Post('proxies/:pid/revocation')
  @Permission('session.record')
  revoke(@UuidParam('cid') cid: string, @UuidParam('pid') pid: string, @Payload() dto: RevokeProxyDto) { return this.service.revoke(cid, pid, dto); }
}

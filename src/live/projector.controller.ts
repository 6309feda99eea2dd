import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { ProjectorService } from './projector.service';
import { Permission } from '../auth/permissions';

@ApiTags('live')
@Controller('api/collectivities/:cid')
export class ProjectorController {
  constructor(private readonly projector: ProjectorService) {}

  /** A new public screen link of the session: `path` (/ecran/<token>) is shown once. */
  @Post('sessions/:sid/projector-links')
  @Permission('session.record')
  create(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.projector.create(cid, sid); }

  @Get('sessions/:sid/projector-links')
  @Permission('session.record')
  list(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.projector.list(cid, sid); }

  @Post('projector-links/:lid/revocation')
  @Permission('session.record')
  revoke(@UuidParam('cid') cid: string, @UuidParam('lid') lid: string) { return this.projector.revoke(cid, lid); }
}

import { Body as Payload, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CreateSessionDto, SessionListQuery, TransitionDto, UpdateSessionDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';
import { Permission, sessionTransitionPermission } from '../auth/permissions';

@ApiTags('sessions')
@Controller('api/collectivities/:cid/sessions')
export class SessionsController {
  constructor(private readonly service: SessionsService) {}

  @Post()
  @Permission('session.prepare')
  create(@UuidParam('cid') cid: string, @Payload() dto: CreateSessionDto) { return this.service.create(cid, dto); }

  @Get()
  @Permission('draft.read')
  list(@UuidParam('cid') cid: string, @Query() q: SessionListQuery) { return this.service.list(cid, q.bodyId, q); }

  @Get(':sid')
  @Permission('draft.read')
  get(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.service.get(cid, sid); }

  @Patch(':sid')
  @Permission('session.prepare')
  update(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: UpdateSessionDto) { return this.service.update(cid, sid, dto); }

  @Post(':sid/transitions')
  @Permission(sessionTransitionPermission)
  transition(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: TransitionDto) { return this.service.transition(cid, sid, dto); }
}

import { Body as Payload, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CreateSessionDto, SessionListQuery, TransitionDto, UpdateSessionDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@Controller('api/collectivities/:cid/sessions')
export class SessionsController {
  constructor(private readonly service: SessionsService) {}

  @Post()
  create(@UuidParam('cid') cid: string, @Payload() dto: CreateSessionDto) { return this.service.create(cid, dto); }

  @Get()
  list(@UuidParam('cid') cid: string, @Query() q: SessionListQuery) { return this.service.list(cid, q.bodyId, q); }

  @Get(':sid')
  get(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.service.get(cid, sid); }

  @Patch(':sid')
  update(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: UpdateSessionDto) { return this.service.update(cid, sid, dto); }

  @Post(':sid/transitions')
  transition(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: TransitionDto) { return this.service.transition(cid, sid, dto); }
}

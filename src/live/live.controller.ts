import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission } from '../auth/permissions';
import { UuidParam } from '../common/uuid-param';
import { LiveService } from './live.service';
import { sendEvents } from './sse';

@ApiTags('live')
@Controller('api/collectivities/:cid/sessions/:sid')
export class LiveController {
  constructor(private readonly live: LiveService) {}

  /** Server-sent events: `version` with the session's version at once and after each committed change. */
  @Get('events') @ApiProduces('text/event-stream') @Permission('draft.read')
  events(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Res() res: Response) { return this.live.events(cid, sid).then(sendEvents(res)); }
}

import { Controller, MessageEvent, Sse } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Permission } from '../auth/permissions';
import { UuidParam } from '../common/uuid-param';
import { LiveService } from './live.service';

@ApiTags('live')
@Controller('api/collectivities/:cid/sessions/:sid')
export class LiveController {
  constructor(private readonly live: LiveService) {}

  /** Server-sent events: `version` with the session's version at once and after each committed change. */
  @Sse('events') @Permission('draft.read')
  events(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string): Promise<Observable<MessageEvent>> { return this.live.events(cid, sid); }
}

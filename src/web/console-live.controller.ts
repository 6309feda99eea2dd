import { Body as Form_, Controller, Get, Header, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '../common/uuid-param';
import { ConsoleErrorFilter } from './console-error.filter';
import { Form, reply } from './console-forms';
import { LivePageService } from './live-page.service';
import { Permission, sessionTransitionPermission } from '../auth/permissions';

const HTML = 'text/html; charset=utf-8';
const LIVE = 'console/collectivites/:cid/seances/:sid/direct';

/** The live session page and its gestures: forms posted here go to the API's use-case services. */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller()
export class ConsoleLiveController {
  constructor(private readonly live: LivePageService) {}

  @Get(LIVE) @Header('Content-Type', HTML) @Header('Cache-Control', 'no-store')
  @Permission('draft.read')
  page(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.live.page(cid, sid); }

  @Post(`${LIVE}/appel`)
  @Permission('session.record')
  rollCall(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.live.rollCall(cid, sid, form).then(reply(res)); }

  @Post(`${LIVE}/mouvement`)
  @Permission('session.record')
  movement(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.live.movement(cid, sid, form).then(reply(res)); }

  @Post(`${LIVE}/annulation`)
  @Permission('session.record')
  undo(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.live.undo(cid, sid, form).then(reply(res)); }

  @Post(`${LIVE}/pouvoirs`)
  @Permission('session.record')
  proxy(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.live.proxy(cid, sid, form).then(reply(res)); }

  @Post(`${LIVE}/statut`)
  @Permission(sessionTransitionPermission)
  transition(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.live.transition(cid, sid, form).then(reply(res)); }

  @Post(`${LIVE}/points`)
  @Permission('session.prepare')
  addItem(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.live.addItem(cid, sid, form).then(reply(res)); }

  @Post(`${LIVE}/vote/apercu`)
  @Permission('session.record')
  votePreview(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.live.votePreview(cid, sid, form).then(reply(res)); }

  @Post(`${LIVE}/ecran`)
  @Permission('session.record')
  projectorLink(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Res() res: Response) { return this.live.projectorLink(cid, sid).then(reply(res)); }

  @Post(`${LIVE}/ecran/:lid/revocation`)
  @Permission('session.record')
  revokeProjectorLink(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @UuidParam('lid') lid: string, @Res() res: Response) { return this.live.revokeProjectorLink(cid, sid, lid).then(reply(res)); }

  @Post(`${LIVE}/election`)
  @Permission('session.record')
  election(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.live.election(cid, sid, form).then(reply(res)); }

  @Post(`${LIVE}/vote`)
  @Permission('session.record')
  vote(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.live.vote(cid, sid, form).then(reply(res)); }
}

import { Body as Form_, Controller, Get, Header, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Permission } from '../auth/permissions';
import type { Response } from 'express';
import { UuidParam } from '../common/uuid-param';
import { AfterPageService } from './after-page.service';
import { ConsoleErrorFilter } from './console-error.filter';
import { Form, reply } from './console-forms';

const AFTER = 'console/collectivites/:cid/seances/:sid/apres';

/** After the session: debates, the procès-verbal's adoption and publication, the documents. */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller()
export class ConsoleAfterController {
  constructor(private readonly after: AfterPageService) {}

  @Get(AFTER) @Header('Content-Type', 'text/html; charset=utf-8') @Header('Cache-Control', 'no-store')
  @Permission('draft.read')
  page(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.after.page(cid, sid); }

  @Post(`${AFTER}/debats/:iid`)
  @Permission('minutes.write')
  debates(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @UuidParam('iid') iid: string, @Form_() form: Form, @Res() res: Response) { return this.after.debates(cid, sid, iid, form).then(reply(res)); }

  @Post(`${AFTER}/adoption`)
  @Permission('minutes.write')
  adopt(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.after.adopt(cid, sid, form).then(reply(res)); }

  @Post(`${AFTER}/publication`)
  @Permission('minutes.write')
  publish(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Form_() form: Form, @Res() res: Response) { return this.after.publish(cid, sid, form).then(reply(res)); }
}

import { Controller, Get, Header, Param, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendEvents } from '../live/sse';
import { ConsoleErrorFilter } from './console-error.filter';
import { ProjectorPageService } from './projector-page.service';
import { Public } from '../auth/permissions';

/** The public screen of a session, opened by its link alone: read-only, no account. */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller('ecran/:token')
export class ConsolePublicController {
  constructor(private readonly projector: ProjectorPageService) {}

  @Get() @Header('Content-Type', 'text/html; charset=utf-8') @Header('Cache-Control', 'no-store') @Header('Referrer-Policy', 'no-referrer')
  @Public('the public screen of a session, opened by its unguessable revocable link')
  page(@Param('token') token: string) { return this.projector.page(token); }

  @Get('evenements')
  @Public('the events of that public screen')
  events(@Param('token') token: string, @Res() res: Response) { return this.projector.events(token).then(sendEvents(res)); }
}

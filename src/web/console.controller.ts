import { Body, Controller, Get, Header, HttpCode, Post, Redirect, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { ConsoleErrorFilter } from './console-error.filter';
import { ConsoleService } from './console.service';
import { Permission, Public } from '../auth/permissions';

const HTML = 'text/html; charset=utf-8';

/** The read-only console in French, at / and /console; the JSON API stays under /api. */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller()
export class ConsoleController {
  constructor(private readonly console: ConsoleService) {}

  @Get() @Header('Content-Type', HTML)
  @Permission('authenticated')
  home() { return this.console.home(); }

  @Get('console') @Redirect('/', 302)
  @Public('the old address of the home page: a redirect')
  root() { return undefined; }

  @Get('console/style.css') @Header('Content-Type', 'text/css; charset=utf-8') @Header('Cache-Control', 'public, max-age=300')
  @Public('the style sheet of the console')
  css() { return this.console.css(); }

  @Get('console/live.js') @Header('Content-Type', 'text/javascript; charset=utf-8') @Header('Cache-Control', 'public, max-age=300')
  @Public('the script of the console pages')
  liveScript() { return this.console.liveScript(); }

  /** The live preview of an item's Markdown, rendered as the console renders debates (HTML escaped). */
  @Post('console/apercu-markdown') @HttpCode(200) @Header('Content-Type', HTML)
  @Permission('authenticated')
  markdownPreview(@Body() form: { markdown?: string }) { return this.console.markdownPreview(form.markdown); }

  // Browsers ask for it on every page they show, PDFs included: "no icon" rather than a JSON 404.
  @Get('favicon.ico') @HttpCode(204)
  @Public('no icon')
  favicon() { return undefined; }

  @Get('console/collectivites/:cid/seances/:sid') @Header('Content-Type', HTML)
  @Permission('draft.read')
  session(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.console.session(cid, sid); }

  @Get('console/collectivites/:cid/deliberations/:iid') @Header('Content-Type', HTML)
  @Permission('draft.read')
  deliberation(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string) { return this.console.deliberation(cid, iid); }

  // Last: any other address under /console gets the French 404 page, not the API's JSON.
  @Get('console/*rest')
  @Public('the French 404 page of unknown console addresses reveals nothing')
  notFound() { return this.console.notFound(); }
}

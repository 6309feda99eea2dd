import { Body as Form_, Controller, Get, Header, HttpCode, Param, Post, Res, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Permission } from '../auth/permissions';
import type { Response } from 'express';
import { UuidParam } from '../common/uuid-param';
import { ConsoleErrorFilter } from './console-error.filter';
import { Form, reply } from './console-forms';
import { TemplatesPageService } from './templates-page.service';

const T = 'console/collectivites/:cid/modeles';
const HTML = 'text/html; charset=utf-8';

/** The collectivity's document templates, for administrators: edit, preview on demo data, save. */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller()
export class ConsoleTemplatesController {
  constructor(private readonly templates: TemplatesPageService) {}

  @Get(T) @Header('Content-Type', HTML)
  @Permission('template.manage')
  list(@UuidParam('cid') cid: string) { return this.templates.list(cid); }

  @Get(`${T}/:name`) @Header('Content-Type', HTML)
  @Permission('template.manage')
  edit(@UuidParam('cid') cid: string, @Param('name') name: string) { return this.templates.edit(cid, name); }

  @Post(`${T}/:name`)
  @Permission('template.manage')
  save(@UuidParam('cid') cid: string, @Param('name') name: string, @Form_() form: Form, @Res() res: Response) { return this.templates.save(cid, name, form).then(reply(res)); }

  @Post(`${T}/:name/apercu`) @HttpCode(200)
  @Permission('template.manage')
  preview(@UuidParam('cid') cid: string, @Param('name') name: string, @Form_() form: Form, @Res({ passthrough: true }) res: Response) {
    return this.templates.preview(cid, name, form).then((r) => (r instanceof StreamableFile ? r : (reply(res)(r), undefined)));
  }
}

import { Body as Form_, Controller, Get, Header, Post, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { UuidParam } from '../common/uuid-param';
import { ConsoleErrorFilter } from './console-error.filter';
import { Form, reply } from './console-forms';
import { SetupPagesService } from './setup-pages.service';
import { AccountsPageService } from './accounts-page.service';
import { Permission } from '../auth/permissions';

const HTML = 'text/html; charset=utf-8';
const C = 'console/collectivites';
/** An RNE file of a whole département is a few megabytes; the national one is to be cut down first. */
const UPLOAD = { limits: { fileSize: 20 * 1024 * 1024, files: 1 } };

/** Setting up a collectivity and preparing a session, in French pages posting to the API's services. */
@ApiExcludeController()
@UseFilters(ConsoleErrorFilter)
@Controller()
export class ConsoleSetupController {
  constructor(private readonly setup: SetupPagesService, private readonly accountsPage: AccountsPageService) {}

  @Get(`${C}/nouvelle`) @Header('Content-Type', HTML)
  @Permission('operator')
  newCollectivity() { return this.setup.newCollectivityPage(); }

  @Post(C)
  @Permission('operator')
  createCollectivity(@Form_() form: Form, @Res() res: Response) { return this.setup.createCollectivity(form).then(reply(res)); }

  @Get(`${C}/:cid/parametrage`) @Header('Content-Type', HTML)
  @Permission('body.manage')
  setupPage(@UuidParam('cid') cid: string) { return this.setup.setupPage(cid); }

  @Post(`${C}/:cid/organes`)
  @Permission('body.manage')
  createBody(@UuidParam('cid') cid: string, @Form_() form: Form, @Res() res: Response) { return this.setup.createBody(cid, form).then(reply(res)); }

  @Post(`${C}/:cid/membres`)
  @Permission('member.manage')
  createMember(@UuidParam('cid') cid: string, @Form_() form: Form, @Res() res: Response) { return this.setup.createMember(cid, form).then(reply(res)); }

  @Get(`${C}/:cid/comptes`) @Header('Content-Type', HTML)
  @Permission('account.manage')
  accounts(@UuidParam('cid') cid: string) { return this.accountsPage.page(cid); }

  @Post(`${C}/:cid/comptes`)
  @Permission('account.manage')
  addAccount(@UuidParam('cid') cid: string, @Form_() form: Form, @Res() res: Response) { return this.accountsPage.add(cid, form).then(reply(res)); }

  @Get(`${C}/:cid/parametrage/organes/:bid/import`) @Header('Content-Type', HTML)
  @Permission('member.manage')
  importPage(@UuidParam('cid') cid: string, @UuidParam('bid') bid: string) { return this.setup.importPage(cid, bid); }

  @Post(`${C}/:cid/parametrage/organes/:bid/import/apercu`) @UseInterceptors(FileInterceptor('fichier', UPLOAD))
  @Permission('member.manage')
  importPreview(@UuidParam('cid') cid: string, @UuidParam('bid') bid: string, @UploadedFile() file: { buffer: Buffer } | undefined, @Form_() form: Form, @Res() res: Response) { return this.setup.importPreview(cid, bid, file?.buffer.toString('utf8') ?? '', form).then(reply(res)); }

  @Post(`${C}/:cid/parametrage/organes/:bid/import`)
  @Permission('member.manage')
  importConfirm(@UuidParam('cid') cid: string, @UuidParam('bid') bid: string, @Form_() form: Form, @Res() res: Response) { return this.setup.importConfirm(cid, bid, form).then(reply(res)); }

  @Get(`${C}/:cid/seances/nouvelle`) @Header('Content-Type', HTML)
  @Permission('session.prepare')
  newSession(@UuidParam('cid') cid: string) { return this.setup.newSessionPage(cid); }

  @Post(`${C}/:cid/seances`)
  @Permission('session.prepare')
  createSession(@UuidParam('cid') cid: string, @Form_() form: Form, @Res() res: Response) { return this.setup.createSession(cid, form).then(reply(res)); }
}

import { Body as Payload, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { isDomainError } from '../domain/errors';
import { AuthFlow } from './auth.flow';
import { Permission, Public } from './permissions';
import { safeNext, SIGN_IN_MESSAGES, signInPage } from './sign-in-page';

const HTML = 'text/html; charset=utf-8';

/** /connexion and /deconnexion: plain HTML forms (no script), the console's way in and out. */
@ApiExcludeController()
@Controller()
export class SignInPageController {
  constructor(private readonly flow: AuthFlow) {}

  @Get('connexion') @Header('Content-Type', HTML) @Public('the sign-in page')
  page(@Query('suite') next?: string) { return signInPage({ next }); }

  @Post('connexion') @HttpCode(303) @Public('the sign-in form')
  async signIn(@Payload() form: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const email = typeof form.email === 'string' ? form.email : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const next = safeNext(form.suite);
    try {
      if (!email || !password) throw Object.assign(new Error('missing'), { code: 'VALIDATION_FAILED' });
      await this.flow.signIn({ email, password }, req, res);
      res.redirect(303, next);
    } catch (e) {
      const code = isDomainError(e) ? e.code : (e as { code?: string }).code;
      if (code !== 'SIGN_IN_FAILED' && code !== 'SIGN_IN_THROTTLED' && code !== 'VALIDATION_FAILED') throw e;
      const status = code === 'SIGN_IN_THROTTLED' ? 429 : code === 'VALIDATION_FAILED' ? 400 : 401;
      res.status(status).type(HTML).send(signInPage({ next, email, error: SIGN_IN_MESSAGES[code] }));
    }
  }

  @Post('deconnexion') @Permission('authenticated')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.flow.signOut(req, res);
    res.redirect(303, '/connexion');
  }
}

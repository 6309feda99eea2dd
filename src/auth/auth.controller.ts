import { Body as Payload, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { UuidParam } from '../common/uuid-param';
import { AuthFlow } from './auth.flow';
import { CreateTokenDto, SignInDto } from './dto/auth.dto';
import { Permission, Public } from './permissions';
import { TokensService } from './tokens.service';

/** Sign-in for the console and scripts (cookie + CSRF token), who am I, personal API tokens. */
@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly flow: AuthFlow, private readonly tokens: TokensService) {}

  @Post('sign-in') @HttpCode(200) @Public('signing in is how one stops being anonymous')
  signIn(@Payload() dto: SignInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) { return this.flow.signIn(dto, req, res); }

  @Post('sign-out') @HttpCode(204) @Permission('authenticated')
  signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response) { return this.flow.signOut(req, res); }

  @Get('me') @Permission('authenticated')
  me(@Req() req: Request) { return this.flow.me(req); }

  @Post('tokens') @Permission('authenticated')
  createToken(@Payload() dto: CreateTokenDto) { return this.tokens.createForCurrent(dto); }

  @Get('tokens') @Permission('authenticated')
  listTokens() { return this.tokens.listForCurrent(); }

  @Post('tokens/:tid/revocation') @HttpCode(200) @Permission('authenticated')
  revokeToken(@UuidParam('tid') tid: string) { return this.tokens.revokeForCurrent(tid); }
}

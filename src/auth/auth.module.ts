import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { loadConfig } from '../config/app-config';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthCache } from './auth-cache';
import { ActorMiddleware } from './actor.middleware';
import { AuthController } from './auth.controller';
import { AuthFlow } from './auth.flow';
import { AUTH_OPTIONS, AuthOptions, AuthService } from './auth.service';
import { PermissionGuard } from './permission.guard';
import { SignInPageController } from './sign-in-page.controller';
import { SigningService } from './signing.service';
import { TokensService } from './tokens.service';

/** Accounts, sign-in, tokens, and the guard that every route goes through. Global: services read who acts. */
@Global()
@Module({
  controllers: [AuthController, AccountsController, SignInPageController],
  providers: [
    { provide: AUTH_OPTIONS, useFactory: (): AuthOptions => { const c = loadConfig(); return { sessionHours: c.SESSION_HOURS, cookieSecure: c.COOKIE_SECURE }; } },
    AuthCache, AuthService, AuthFlow, AccountsService, TokensService, SigningService,
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [AuthCache, AuthService, AccountsService, TokensService, SigningService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ActorMiddleware).forRoutes('{*path}');
  }
}

import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { currentActor } from './actor';
import { AuthService } from './auth.service';
import { SignInDto } from './dto/auth.dto';
import { clientAddress, requestAuth } from './request-auth';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

/** The HTTP side of signing in and out (cookies), shared by the JSON API and the console's form. */
@Injectable()
export class AuthFlow {
  constructor(private readonly auth: AuthService) {}

  async signIn(dto: SignInDto, req: Request, res: Response) {
    const signedIn = await this.auth.signIn(dto.email, dto.password, clientAddress(req), req.get('user-agent') ?? null);
    setSessionCookie(req, res, signedIn, this.auth.options);
    const { actor } = signedIn;
    return { account: { id: actor.accountId, email: actor.label, operator: actor.operator }, grants: actor.grants, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt };
  }

  async signOut(req: Request, res: Response): Promise<void> {
    const auth = requestAuth(req);
    if (auth?.sessionId) await this.auth.signOut(auth.sessionId);
    clearSessionCookie(req, res, this.auth.options);
  }

  /** Read from the request context (AsyncLocalStorage), as the services and the unit of work read it. */
  me(req: Request) {
    const auth = requestAuth(req)!;
    const actor = currentActor();
    return {
      kind: actor.kind, accountId: actor.accountId, tokenId: actor.tokenId, label: actor.label, operator: actor.operator, grants: actor.grants,
      ...(auth.csrfToken ? { csrfToken: auth.csrfToken } : {}),
    };
  }
}

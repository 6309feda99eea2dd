import { Injectable, NestMiddleware } from '@nestjs/common';
import { parse } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ANONYMOUS, runInContext } from './actor';
import { AuthService } from './auth.service';
import { AuthedRequest, RequestAuth, SESSION_COOKIE } from './request-auth';

/**
 * Finds who is calling — a bearer token (integrations) or the console's session cookie — and runs the rest of
 * the request in its context (currentActor() for the guard, the unit of work and the audit trail).
 */
@Injectable()
export class ActorMiddleware implements NestMiddleware {
  constructor(private readonly auth: AuthService) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    this.resolve(req).then(
      (found) => {
        (req as AuthedRequest).registreAuth = found;
        // Who the request log line names (src/common/logging.ts), set here rather than by an interceptor: an
        // interceptor would turn a server-sent events handler's refusal into a 200 stream.
        (req as AuthedRequest & { registreAccount?: string }).registreAccount = found.actor.label;
        runInContext({ actor: found.actor, requestId: found.requestId, ...(found.csrfToken ? { csrfToken: found.csrfToken } : {}) }, () => next());
      },
      // Not next(e): errors of middleware skip Nest's exception filters (a database down would be a bare 500).
      (error: unknown) => {
        (req as AuthedRequest).registreAuth = { actor: ANONYMOUS, via: null, sessionId: null, csrfToken: null, requestId: randomUUID(), badBearer: false, error };
        next();
      },
    );
  }

  private async resolve(req: Request): Promise<RequestAuth> {
    // The id the request's log line carries (set by pino-http, from a load balancer's X-Request-Id when given), so the audit trail and the logs meet.
    const requestId = typeof (req as { id?: unknown }).id === 'string' ? (req as unknown as { id: string }).id : randomUUID();
    const none: RequestAuth = { actor: ANONYMOUS, via: null, sessionId: null, csrfToken: null, requestId, badBearer: false };
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const actor = m ? await this.auth.actorFromBearer(m[1]) : null;
      return actor ? { ...none, actor, via: 'bearer' } : { ...none, badBearer: true };
    }
    const secret = req.headers.cookie ? parse(req.headers.cookie)[SESSION_COOKIE] : undefined;
    if (!secret) return none;
    const found = await this.auth.actorFromSession(secret);
    return found ? { ...none, actor: found.actor, via: 'cookie', sessionId: found.sessionId, csrfToken: found.csrfToken } : none;
  }
}

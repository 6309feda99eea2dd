import type { Request } from 'express';
import type { Actor } from './actor';

export const SESSION_COOKIE = 'registre_session';

/** What the actor middleware found on a request, for the guard and the sign-out route. */
export interface RequestAuth {
  actor: Actor;
  via: 'cookie' | 'bearer' | null;
  sessionId: string | null;
  csrfToken: string | null;
  requestId: string;
  /** A bearer token was sent but is unknown, expired or revoked. */
  badBearer: boolean;
  /** The lookup failed (the database is down...): the guard throws it, so the error filters answer (503). */
  error?: unknown;
}

export type AuthedRequest = Request & { registreAuth?: RequestAuth };

export const requestAuth = (req: Request): RequestAuth | undefined => (req as AuthedRequest).registreAuth;

/** Addresses as express sees them (X-Forwarded-For only with TRUST_PROXY). */
export const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

import type { Request, Response } from 'express';
import type { AuthOptions, SignedIn } from './auth.service';
import { SESSION_COOKIE } from './request-auth';

/** httpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over HTTPS. */
function cookieOptions(req: Request, options: AuthOptions) {
  const secure = options.cookieSecure === 'auto' ? req.secure : options.cookieSecure === 'true';
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
}

export function setSessionCookie(req: Request, res: Response, signedIn: SignedIn, options: AuthOptions): void {
  res.cookie(SESSION_COOKIE, signedIn.secret, { ...cookieOptions(req, options), expires: signedIn.expiresAt });
}

export function clearSessionCookie(req: Request, res: Response, options: AuthOptions): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req, options));
}

import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import { ANONYMOUS, type Actor } from './actor';
import {
  BODY_SCOPED, draftScope, hasGrantIn, linkedMemberId, may, Permission, PERMISSION_KEY, PermissionSpec, PUBLIC_KEY, resolvePermission, TenantPermission,
} from './permissions';
import { requestAuth } from './request-auth';
import { sameSecret } from './secrets';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard: a route is public (@Public) or declares a permission (@Permission); anything else is
 * refused. Order of answers: 401 without an actor, 403 on a missing CSRF token, 404 for a collectivity the
 * actor has no grant in (its existence is not revealed), 403 for a role without the permission.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger('Permissions');

  constructor(private readonly reflector: Reflector, private readonly uow: UnitOfWork) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<string>(PUBLIC_KEY, targets) !== undefined) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const spec = this.reflector.getAllAndOverride<PermissionSpec>(PERMISSION_KEY, targets);
    if (spec === undefined) {
      this.logger.error(`${req.method} ${req.route?.path ?? req.path} declares no permission: refused`);
      throw new DomainError('FORBIDDEN', 'This route declares no permission', {});
    }
    const auth = requestAuth(req);
    if (auth?.error !== undefined) throw auth.error;
    const actor: Actor = auth?.actor ?? ANONYMOUS;
    if (actor.kind === 'anonymous') {
      throw new DomainError('UNAUTHENTICATED', auth?.badBearer ? 'The bearer token is unknown, expired or revoked' : 'Sign in or send a bearer token', {});
    }
    if (auth?.via === 'cookie' && !SAFE_METHODS.has(req.method)) this.assertCsrf(req, auth.csrfToken);
    const permission = resolvePermission(spec, req);
    const cid = typeof req.params?.cid === 'string' ? req.params.cid : undefined;
    if (cid !== undefined) {
      if (!UUID.test(cid)) throw new DomainError('VALIDATION_FAILED', 'cid must be a UUID', { field: 'cid' });
      if (!hasGrantIn(actor, cid)) throw new DomainError('NOT_FOUND', `Collectivity ${cid} not found`, { entity: 'Collectivity', id: cid });
    }
    if (!may(actor, permission, cid)) {
      throw new DomainError('FORBIDDEN', `Permission ${permission} is not among your roles${cid ? ' in this collectivity' : ''}`, { permission });
    }
    if (cid && BODY_SCOPED.has(permission)) await this.assertOwnBody(req, actor, cid, permission as TenantPermission);
    return true;
  }

  /** Synchronizer token: the X-CSRF-Token header (API, scripts) or the _csrf field of a console form. */
  private assertCsrf(req: Request, expected: string | null): void {
    const body = req.body as Record<string, unknown> | undefined;
    // A file upload's body is read after the guard (multer): its form carries the token in its action's query.
    const multipart = req.is('multipart/form-data') && typeof req.query._csrf === 'string' ? (req.query._csrf as string) : undefined;
    const sent = req.get('x-csrf-token') ?? (body && typeof body._csrf === 'string' ? body._csrf : multipart);
    if (!expected || !sent || !sameSecret(sent, expected)) {
      throw new DomainError('CSRF_TOKEN_INVALID', 'A request signed in with the session cookie must carry its CSRF token (X-CSRF-Token header or _csrf field)', {});
    }
    if (body && '_csrf' in body) delete body._csrf;
  }

  /**
   * A member reads the drafts of his own body only: when the permission comes from the member role alone,
   * the session, item or body of the route must be one his linked member sits on; anything else is "not found".
   */
  private async assertOwnBody(req: Request, actor: Actor, cid: string, permission: TenantPermission): Promise<void> {
    if (draftScope(actor, cid, permission) === 'all') return;
    const memberId = linkedMemberId(actor, cid);
    const param = (name: string) => (typeof req.params[name] === 'string' ? (req.params[name] as string) : undefined);
    const [sid, iid, bid] = [param('sid'), param('iid'), param('bid')];
    const bodyId = typeof req.query.bodyId === 'string' ? req.query.bodyId : undefined;
    const target = iid ? { table: 'item', id: iid } : sid ? { table: 'session', id: sid } : bid ? { table: 'body', id: bid } : bodyId ? { table: 'body', id: bodyId } : null;
    if (!target) throw new DomainError('FORBIDDEN', 'A member reads the sessions of his own body: give bodyId', { permission, field: 'bodyId' });
    if (!UUID.test(target.id)) return; // the route's own validation answers 400
    const bodyColumn = target.table === 'body' ? 'id' : 'body_id';
    const rows: unknown[] = memberId
      ? await this.uow.run(cid, (em) => em.query(
          `SELECT 1 FROM ${target.table} t JOIN membership ms ON ms.collectivity_id = t.collectivity_id AND ms.body_id = t.${bodyColumn}
            WHERE t.collectivity_id = $1 AND t.id = $2 AND ms.member_id = $3 LIMIT 1`,
          [cid, target.id, memberId],
        ), { useCase: 'auth.bodyScope' })
      : [];
    if (rows.length === 0) throw new DomainError('NOT_FOUND', `${target.table} ${target.id} not found`, { entity: target.table, id: target.id });
  }
}

export type { Permission };

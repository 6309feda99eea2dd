import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is acting, for the permission guard, row-level security and the audit trail.
 * The auth module puts it in the request context; the unit of work reads it when it opens a transaction
 * (SET LOCAL of the collectivity and the actor). Services never take it as a parameter.
 */
export type Role = 'administrator' | 'secretary' | 'president' | 'member';

export interface Grant {
  collectivityId: string;
  role: Role;
  /** The council member this account is linked to in that collectivity (signing: L2121-15, L2121-23). */
  memberId: string | null;
}

export interface Actor {
  kind: 'account' | 'token' | 'system' | 'anonymous';
  accountId: string | null;
  tokenId: string | null;
  /** What the audit trail shows: the account's email, "token:<id> (<email>)", "system:seed"... */
  label: string;
  /** A platform operator creates collectivities; it reads no collectivity's data by that title alone. */
  operator: boolean;
  grants: readonly Grant[];
}

export interface RequestContext {
  actor: Actor;
  requestId: string;
  /** The use case being run ("attendance.addChange"), recorded with each audited write. */
  useCase?: string;
  /** With a console session: the CSRF token that unsafe requests must carry (pages put it in their forms). */
  csrfToken?: string;
}

export const ANONYMOUS: Actor = { kind: 'anonymous', accountId: null, tokenId: null, label: 'anonymous', operator: false, grants: [] };

export const systemActor = (label: string): Actor => ({ kind: 'system', accountId: null, tokenId: null, label: `system:${label}`, operator: true, grants: [] });

const storage = new AsyncLocalStorage<RequestContext>();

export function runInContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentActor(): Actor {
  return storage.getStore()?.actor ?? ANONYMOUS;
}

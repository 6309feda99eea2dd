import { SetMetadata } from '@nestjs/common';
import type { Actor, Role } from './actor';

/**
 * Who may do what: the one table of permissions → roles (issue 6). Every route declares one permission
 * with @Permission(), or is on the public list with @Public(); the global guard denies anything else.
 */
export const PERMISSION_ROLES = {
  'collectivity.read': ['administrator', 'secretary', 'president', 'member'],
  // Administrators set the collectivity up: its settings (time zone), bodies, members, accounts, templates.
  'collectivity.manage': ['administrator'],
  'body.manage': ['administrator'],
  'member.read': ['administrator', 'secretary', 'president'],
  'member.manage': ['administrator'],
  'account.manage': ['administrator'],
  'template.manage': ['administrator'],
  // The register as a whole (lists, lookups by number) for those who run it.
  'register.read': ['administrator', 'secretary', 'president'],
  // A session, an item, its state and documents: a member reads those of his own body only (drafts).
  'draft.read': ['administrator', 'secretary', 'president', 'member'],
  // The secretaries (staff) prepare and record sessions; the president may also open and close them.
  'session.prepare': ['secretary'],
  'session.open_close': ['secretary', 'president'],
  'session.record': ['secretary'],
  'minutes.write': ['secretary'],
  // Transmission and publication facts (write-once, accounts-db helper).
  'act.facts': ['secretary'],
  // Reaching the signing route; who really signs is the signing rule (src/domain/signing.ts, L2121-23).
  'act.sign': ['administrator', 'secretary', 'president', 'member'],
  'audit.read': ['administrator', 'secretary', 'president'],
} as const satisfies Record<string, readonly Role[]>;

export type TenantPermission = keyof typeof PERMISSION_ROLES;
/** `authenticated`: any signed-in account or token; `operator`: platform operators (create collectivities). */
export type Permission = TenantPermission | 'authenticated' | 'operator';

/** Permissions that a member-only actor holds only for his body's sessions and items. */
export const BODY_SCOPED: ReadonlySet<Permission> = new Set<Permission>(['draft.read']);

/** The permission of a route may depend on the request (a transition to "open" is the president's too). */
export type PermissionSpec = Permission | ((req: { body?: unknown; query?: unknown }) => Permission);

export const PERMISSION_KEY = 'registre:permission';
export const PUBLIC_KEY = 'registre:public';

export const Permission = (spec: PermissionSpec) => SetMetadata(PERMISSION_KEY, spec);

/** On the public list: no account needed. `reason` says why in the code and in the route test's output. */
export const Public = (reason: string) => SetMetadata(PUBLIC_KEY, reason);

export function resolvePermission(spec: PermissionSpec, req: { body?: unknown; query?: unknown }): Permission {
  return typeof spec === 'function' ? spec(req) : spec;
}

export function rolesIn(actor: Actor, collectivityId: string): Role[] {
  const cid = collectivityId.toLowerCase();
  return actor.grants.filter((g) => g.collectivityId === cid).map((g) => g.role);
}

export function hasGrantIn(actor: Actor, collectivityId: string): boolean {
  return actor.kind === 'system' || rolesIn(actor, collectivityId).length > 0;
}

/** The roles of the actor in the collectivity that carry the permission. */
export function rolesAllowing(actor: Actor, collectivityId: string, permission: TenantPermission): Role[] {
  const allowed: readonly Role[] = PERMISSION_ROLES[permission];
  return rolesIn(actor, collectivityId).filter((r) => allowed.includes(r));
}

/**
 * How much of a collectivity's drafts (sessions, items) the actor reads with a body-scoped permission: all of them,
 * those of the bodies his linked member sits on (when the member role alone gives it), or none.
 */
export function draftScope(actor: Actor, collectivityId: string, permission: TenantPermission = 'draft.read'): 'all' | 'own-body' | 'none' {
  if (actor.kind === 'system') return 'all';
  const roles = rolesAllowing(actor, collectivityId, permission);
  return roles.some((r) => r !== 'member') ? 'all' : roles.length > 0 ? 'own-body' : 'none';
}

/** The council member the actor's account is linked to in the collectivity, if any. */
export function linkedMemberId(actor: Actor, collectivityId: string): string | null {
  const cid = collectivityId.toLowerCase();
  return actor.grants.find((g) => g.collectivityId === cid && g.memberId)?.memberId ?? null;
}

/** Whether the actor may use the permission in that collectivity (the system actor of the seed and CLI may). */
export function may(actor: Actor, permission: Permission, collectivityId?: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  if (permission === 'authenticated') return true;
  if (permission === 'operator') return actor.operator;
  if (!collectivityId) return actor.grants.some((g) => (PERMISSION_ROLES[permission] as readonly Role[]).includes(g.role));
  return rolesAllowing(actor, collectivityId, permission).length > 0;
}

/** The collectivities an actor sees in lists: all for operators and the system, else those of its grants. */
export function visibleCollectivityIds(actor: Actor): string[] | null {
  if (actor.kind === 'system' || actor.operator) return null;
  return [...new Set(actor.grants.map((g) => g.collectivityId))];
}

/** The transitions of a session: opening and closing are the president's too (issue 6), the rest the secretary's. */
export const sessionTransitionPermission = (req: { body?: unknown }): Permission => {
  const to = (req.body as { to?: unknown } | undefined)?.to;
  return to === 'open' || to === 'closed' ? 'session.open_close' : 'session.prepare';
};

// Every route of the running app, listed from the router itself (so routes added later are covered): anonymous → 401
// unless on the explicit public list, a role without the permission → 403, another collectivity's ids → 404
// answered exactly as for a collectivity that does not exist.
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { Role } from '../src/auth/actor';
import { PERMISSION_KEY, PERMISSION_ROLES, PermissionSpec, PUBLIC_KEY, resolvePermission, TenantPermission } from '../src/auth/permissions';
import { buildWorld, createCollectivity, ok, World } from './setup/factory';
import { asRole, bootTestApp, demoCollectivityId, Http, RoleClient, TestApp } from './setup/test-app';

/** The public list (decided in issue 6): no account needed. A route letting anonymous users in must be here. */
const PUBLIC_ROUTES = [
  'GET /connexion', // the sign-in page
  'POST /connexion', // its form
  'POST /api/auth/sign-in', // signing in (JSON)
  'GET /api/public/collectivities/:cid/acts', // published acts (L2131-1)
  'GET /api/public/collectivities/:cid/acts/:iid/extract.pdf',
  'GET /console', // a redirect to /
  'GET /console/style.css',
  'GET /console/live.js', // the script of the console pages
  'GET /favicon.ico',
  'GET /console/*rest', // the French 404 page
  'GET /health', // up or not, for load balancers and the watchdog
  'GET /ecran/:token', // the public screen of a session: an unguessable link the secretary makes and revokes
  'GET /ecran/:token/evenements',
  'GET /verification/:code', // the public verification of an issued act: its code is printed on it (issue 9)
  'POST /verification/:code',
  'GET /api/verification/:code',
  'POST /api/verification/:code',
].sort();

/**
 * Routes that Nest's controllers do not declare: Swagger UI mounts its own (the API documentation is public by
 * decision), and middleware bound to every path (the actor middleware, request logging) appear as `/{*path}`.
 */
const NON_NEST_ROUTES = /^(\/docs(-json|-yaml|\/.*)?|\/\{\*path\})$/;

const ROLES: Role[] = ['administrator', 'secretary', 'president', 'member'];
const METHODS: Record<number, string> = { [RequestMethod.GET]: 'GET', [RequestMethod.POST]: 'POST', [RequestMethod.PUT]: 'PUT', [RequestMethod.DELETE]: 'DELETE', [RequestMethod.PATCH]: 'PATCH' };

interface Declared { key: string; method: string; path: string; permission?: PermissionSpec; publicReason?: string }

const normalize = (...parts: string[]) => `/${parts.join('/').split('/').filter(Boolean).join('/')}`;

/** The routes Nest's controllers declare, with the permission or public reason each carries. */
function declaredRoutes(t: TestApp): Declared[] {
  const scanner = new MetadataScanner();
  const out: Declared[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...a: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base: string = Reflect.getMetadata(PATH_METADATA, type) ?? '';
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = type.prototype[name];
        const sub: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
        if (sub === undefined) continue;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? 'OTHER';
        for (const p of [sub].flat()) {
          const path = normalize(base, p);
          out.push({
            key: `${method} ${path}`, method, path,
            permission: Reflect.getMetadata(PERMISSION_KEY, handler) ?? Reflect.getMetadata(PERMISSION_KEY, type),
            publicReason: Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, type),
          });
        }
      }
    }
  }
  return out;
}

/** The routes the HTTP server really serves: express's router stack. */
function servedRoutes(t: TestApp): { key: string; method: string; path: string }[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack.flatMap((layer) => (layer.route
    ? Object.keys(layer.route.methods).map((m) => ({ key: `${m.toUpperCase()} ${layer.route!.path}`, method: m.toUpperCase(), path: layer.route!.path }))
    : []));
}

let t: TestApp;
let routes: Declared[];
let cid: string;
let other: string;
let w: World;
const asRoleOf = new Map<Role, RoleClient>();
let everyRole: RoleClient;

/** The path with its parameters filled: the collectivity given, real ids of `ids`, else fresh uuids. */
function fill(path: string, collectivity: string, ids: Record<string, string> = {}): string {
  return path
    .replace(/:cid\b/, collectivity)
    .replace(/:name\b/, 'extract')
    .replace(/:(\w+)/g, (_m, p: string) => ids[p] ?? randomUUID())
    .replace(/\*\w+/, 'x')
    .replace(/[{}]/g, '');
}

/** One request; a route that does not answer within 10 s is reported as status 0 instead of hanging the test. */
async function send(http: Http, method: string, path: string): Promise<Response> {
  const req = (http as unknown as Record<string, (p: string) => import('supertest').Test>)[method.toLowerCase()](path).timeout({ response: 10_000 });
  return (method === 'GET' ? req : req.send({})).catch((e: { timeout?: number }) => {
    if (!e.timeout) throw e;
    return { status: 0, body: { code: 'NO_ANSWER' }, text: '' } as unknown as Response;
  });
}

const show = (r: Declared, res: Response) => ({ route: r.key, status: res.status, code: res.body?.code });

beforeAll(async () => {
  t = await bootTestApp();
  routes = declaredRoutes(t);
  w = await buildWorld(t, { members: 3, items: 1, open: false });
  cid = w.cid;
  other = await demoCollectivityId(t);
  for (const role of ROLES) asRoleOf.set(role, await asRole(t, cid, role));
  everyRole = await asRole(t, cid, ROLES);
}, 60_000);
afterAll(() => t?.close());

describe('authorization on every route', () => {
  it('lists the routes from the router: each served route is declared by Nest (or is the API docs), and the other way round', () => {
    const served = servedRoutes(t);
    expect(served.length).toBeGreaterThan(50);
    const declared = new Set(routes.map((r) => r.key));
    expect(served.filter((r) => !declared.has(r.key) && !NON_NEST_ROUTES.test(r.path)).map((r) => r.key)).toEqual([]);
    const servedKeys = new Set(served.map((r) => r.key));
    expect(routes.filter((r) => !servedKeys.has(r.key)).map((r) => r.key)).toEqual([]);
  });

  it('every route declares a permission or is on the public list, and the public list is exactly the @Public routes', () => {
    expect(routes.filter((r) => r.permission === undefined && r.publicReason === undefined).map((r) => r.key)).toEqual([]);
    expect(routes.filter((r) => r.publicReason !== undefined).map((r) => r.key).sort()).toEqual(PUBLIC_ROUTES);
  });

  it('anonymous → 401 on every route but the public list, where it is never 401 nor a server error', async () => {
    const problems: object[] = [];
    for (const r of routes) {
      const res = await send(t.anonymous, r.method, fill(r.path, cid));
      const isPublic = PUBLIC_ROUTES.includes(r.key);
      if (isPublic ? res.status === 401 || res.status >= 500 : res.status !== 401) problems.push(show(r, res));
      if (!isPublic && r.path.startsWith('/api') && res.body.code !== 'UNAUTHENTICATED') problems.push(show(r, res));
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('an unknown, expired or revoked bearer token is anonymous: 401', async () => {
    const res = await t.anonymous.get(`/api/collectivities/${cid}`).set('Authorization', 'Bearer rgt_nope');
    expect([res.status, res.body.code, res.body.message]).toEqual([401, 'UNAUTHENTICATED', 'The bearer token is unknown, expired or revoked']);
  });

  it('a role without the permission → 403 FORBIDDEN, for every role the permission table leaves out', async () => {
    const problems: object[] = [];
    let checked = 0;
    for (const r of routes.filter((x) => x.permission !== undefined)) {
      const permission = resolvePermission(r.permission!, { body: {}, query: {} });
      const allowed: readonly Role[] = permission === 'authenticated' ? ROLES : permission === 'operator' ? [] : PERMISSION_ROLES[permission as TenantPermission];
      for (const role of ROLES.filter((x) => !allowed.includes(x))) {
        const res = await send(asRoleOf.get(role)!.http, r.method, fill(r.path, cid));
        checked++;
        // The console answers with a French HTML page, the API with its JSON error and code.
        if (res.status !== 403 || (r.path.startsWith('/api') && res.body.code !== 'FORBIDDEN')) problems.push({ ...show(r, res), role });
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  }, 120_000);

  it("another collectivity's id → 404, answered as for a collectivity that does not exist", async () => {
    const problems: object[] = [];
    const tenantRoutes = routes.filter((r) => r.permission !== undefined && r.path.includes(':cid'));
    expect(tenantRoutes.length).toBeGreaterThan(40);
    for (const r of tenantRoutes) {
      const nowhere = randomUUID();
      const existing = await send(everyRole.http, r.method, fill(r.path, other));
      const missing = await send(everyRole.http, r.method, fill(r.path, nowhere));
      const same = (res: Response, id: string) => ({ status: res.status, code: res.body?.code, message: String(res.body?.message ?? res.text).replaceAll(id, '<cid>') });
      if (existing.status !== 404 || JSON.stringify(same(existing, other)) !== JSON.stringify(same(missing, nowhere))) {
        problems.push({ ...show(r, existing), missing: missing.status });
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it("ids of another collectivity's records under one's own collectivity → 404 (GET routes)", async () => {
    const [session] = ok(await t.http.get(`/api/collectivities/${other}/sessions`)).body.items;
    const [item] = ok(await t.http.get(`/api/collectivities/${other}/sessions/${session.id}/items`)).body.items;
    const [member] = ok(await t.http.get(`/api/collectivities/${other}/members`)).body.items;
    const ids = { sid: session.id, iid: item.id, mid: member.id, bid: session.bodyId };
    const problems: object[] = [];
    for (const r of routes.filter((x) => x.method === 'GET' && x.permission !== undefined && /:(sid|iid|mid|bid)\b/.test(x.path))) {
      const res = await send(everyRole.http, 'GET', fill(r.path, cid, ids));
      if (res.status !== 404) problems.push(show(r, res));
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('what the public reads', () => {
  it('anonymous users read published acts and their extract, never a draft nor an unpublished act', async () => {
    const list = ok(await t.anonymous.get(`/api/public/collectivities/${other}/acts`)).body.items;
    expect(list.length).toBeGreaterThan(0);
    const published = list[0];
    const pdf = await t.anonymous.get(`/api/public/collectivities/${other}/acts/${published.id}/extract.pdf`);
    expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const [draft] = ok(await t.http.get(`/api/collectivities/${cid}/sessions/${w.sessionId}/items`)).body.items;
    const refused = await t.anonymous.get(`/api/public/collectivities/${cid}/acts/${draft.id}/extract.pdf`);
    expect([refused.status, refused.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await t.anonymous.get(`/api/collectivities/${other}/members`)).status).toBe(401);
    expect((await t.anonymous.get(`/api/collectivities/${cid}/items/${draft.id}`)).status).toBe(401);
  });
});

describe('members read the drafts of their own body only', () => {
  it('a member account linked to a member of the body reads its session; one linked to no member gets 404', async () => {
    const linked = await asRole(t, cid, 'member', { memberId: w.m[2] });
    expect((await linked.http.get(`/api/collectivities/${cid}/sessions/${w.sessionId}`)).status).toBe(200);
    expect((await linked.http.get(`/api/collectivities/${cid}/sessions`).query({ bodyId: w.bodyId })).status).toBe(200);
    expect((await linked.http.get(`/api/collectivities/${cid}/members`)).status).toBe(403);
    const unlinked = asRoleOf.get('member')!;
    const res = await unlinked.http.get(`/api/collectivities/${cid}/sessions/${w.sessionId}`);
    expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    const list = await unlinked.http.get(`/api/collectivities/${cid}/sessions`);
    expect([list.status, list.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('the president opens and closes; preparing is the secretary\'s', () => {
  it('a president account may open a convened session but not convene it', async () => {
    const president = asRoleOf.get('president')!;
    const session = ok(await t.http.get(`/api/collectivities/${cid}/sessions/${w.sessionId}`)).body;
    const convene = await president.http.post(`/api/collectivities/${cid}/sessions/${w.sessionId}/transitions`).send({ to: 'convened', version: session.version });
    expect([convene.status, convene.body.code]).toEqual([403, 'FORBIDDEN']);
    const convened = ok(await t.http.post(`/api/collectivities/${cid}/sessions/${w.sessionId}/transitions`).send({ to: 'convened', version: session.version })).body;
    ok(await president.http.post(`/api/collectivities/${cid}/sessions/${w.sessionId}/transitions`).send({ to: 'open', version: convened.version }));
  });
});

describe('new collectivities are isolated from the start', () => {
  it('an account of one collectivity lists only its own', async () => {
    const mine = await createCollectivity(t);
    const admin = await asRole(t, mine, 'administrator');
    const ids = ok(await admin.http.get('/api/collectivities')).body.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual([mine]);
  });
});

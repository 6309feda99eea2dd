// Who calls is looked up once per instance and kept (src/auth/auth-cache.ts), never past a change: a revocation, a
// sign-out, an account disabled or a grant removed — through the API, on another instance, or by raw SQL — holds on
// every instance, at once on the one that made it; a token is not kept past its expiry; while an instance cannot
// hear the announcements it keeps nothing.
import { AuthCache } from '../src/auth/auth-cache';
import { AuthService } from '../src/auth/auth.service';
import { createCollectivity, ok } from './setup/factory';
import { asRole, bootTestApp, RoleClient, signIn, TestApp, withBearer } from './setup/test-app';

let a: TestApp;
let b: TestApp;
let cid: string;
beforeAll(async () => {
  a = await bootTestApp();
  b = await bootTestApp();
  cid = await createCollectivity(a);
  await Promise.all([a, b].map((t) => until(() => t.app.get(AuthCache).active, 'the cache to listen')));
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
});
afterEach(() => jest.restoreAllMocks());

/** Polls `check` every 50 ms for up to 10 s (an announcement crosses PostgreSQL in milliseconds). */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited 10 s for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const lookups = (t: TestApp) => jest.spyOn(t.app.get(AuthService) as unknown as { lookup: () => Promise<unknown> }, 'lookup');

/** A secretary's token, already known to both instances, and the secretary signed in on instance a. */
async function secretaryToken(): Promise<{ token: string; id: string; accountId: string; path: string; client: RoleClient }> {
  const client = await asRole(a, cid, 'secretary');
  const made = ok(await client.http.post('/api/auth/tokens').send({ collectivityId: cid, role: 'secretary', label: 'cache' })).body;
  const path = `/api/collectivities/${cid}/sessions`;
  for (const t of [a, b]) expect((await withBearer(t, made.token).get(path)).status).toBe(200);
  return { token: made.token, id: made.id, accountId: client.accountId, path, client };
}
const status = async (t: TestApp, token: string, path: string) => (await withBearer(t, token).get(path)).status;

describe('the cache of who calls', () => {
  it('answers a known token without asking PostgreSQL', async () => {
    const { token, path } = await secretaryToken();
    const spy = lookups(a);
    for (let i = 0; i < 3; i++) expect(await status(a, token, path)).toBe(200);
    expect(spy).not.toHaveBeenCalled();
    // An unknown token is asked for each time (a refusal is not kept).
    expect(await status(a, 'rgt_unknown', path)).toBe(401);
    expect(await status(a, 'rgt_unknown', path)).toBe(401);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('a token revoked on one instance is refused there at once, and on the other once announced', async () => {
    const { token, id, path, client } = await secretaryToken();
    ok(await client.http.post(`/api/auth/tokens/${id}/revocation`));
    expect(await status(a, token, path)).toBe(401);
    await until(async () => (await status(b, token, path)) === 401, 'instance b to refuse the revoked token');
  });

  it('an account disabled or a grant removed by raw SQL is seen by every instance', async () => {
    const first = await secretaryToken();
    // Without its grant the collectivity is no longer the account's: not found (as for any other's).
    await a.db.query(`DELETE FROM account_grant WHERE account_id = $1 AND collectivity_id = $2`, [first.accountId, cid]);
    for (const t of [a, b]) await until(async () => (await status(t, first.token, first.path)) === 404, 'the grant removed to be seen');
    const second = await secretaryToken();
    await a.db.query(`UPDATE account SET disabled_at = now() WHERE id = $1`, [second.accountId]);
    for (const t of [a, b]) await until(async () => (await status(t, second.token, second.path)) === 401, 'the disabled account to be refused');
  });

  it('a signed-out console session is refused at once by the instance that signed it out, then by the other', async () => {
    const client = await asRole(a, cid, 'member');
    const signed = await signIn(a.app.getHttpServer(), client.email, client.password);
    const onB = () => b.anonymous.get('/api/auth/me').set(signed.headers);
    expect((await onB()).status).toBe(200);
    await signed.http.post('/api/auth/sign-out').expect(204);
    expect((await a.anonymous.get('/api/auth/me').set(signed.headers)).status).toBe(401);
    await until(async () => (await onB()).status === 401, 'instance b to refuse the ended session');
  });

  it('keeps a token no longer than its expiry, even unannounced', async () => {
    const { token, id, path } = await secretaryToken();
    // The UPDATE is announced; the lookup after it is kept until the new expiry, which passes unannounced.
    await a.db.query(`UPDATE api_token SET expires_at = now() + interval '1.5 seconds' WHERE id = $1`, [id]);
    await until(async () => { await status(a, token, path); return true; }, 'a lookup');
    const spy = lookups(a);
    await until(async () => (await status(a, token, path)) === 401, 'the token to expire');
    expect(spy).toHaveBeenCalled();
  });

  it('keeps nothing while it cannot hear announcements, and listens again', async () => {
    const { token, path } = await secretaryToken();
    const cache = a.app.get(AuthCache) as unknown as { open: () => Promise<void> };
    // The listener's connection is cut, and PostgreSQL refuses a new one for a while.
    const refused = jest.spyOn(cache, 'open').mockRejectedValue(new Error('connection refused (test)'));
    await a.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'registre-auth'`);
    await until(() => !a.app.get(AuthCache).active, 'instance a to notice its listener is gone');
    const spy = lookups(a);
    for (let i = 0; i < 3; i++) expect(await status(a, token, path)).toBe(200);
    expect(spy).toHaveBeenCalledTimes(3);
    refused.mockRestore();
    await Promise.all([a, b].map((t) => until(() => t.app.get(AuthCache).active, 'the cache to listen again')));
    await status(a, token, path);
    spy.mockClear();
    expect(await status(a, token, path)).toBe(200);
    expect(spy).not.toHaveBeenCalled();
  });
});

// Accounts and sign-in: cookie session (httpOnly, SameSite) with its CSRF token, sign-out, throttling per account
// and per address, personal API tokens, account management by administrators, security headers, templates.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createCollectivity, ok } from './setup/factory';
import { asRole, bootTestApp, signIn, TestApp, withBearer } from './setup/test-app';

let t: TestApp;
let cid: string;
beforeAll(async () => {
  t = await bootTestApp();
  cid = await createCollectivity(t);
}, 60_000);
afterAll(() => t?.close());

describe('console session', () => {
  it('signs in with a httpOnly, SameSite=Lax cookie and a CSRF token; no X-Powered-By, helmet headers', async () => {
    const client = await asRole(t, cid, 'secretary');
    const res = await t.anonymous.post('/api/auth/sign-in').send({ email: client.email.toUpperCase(), password: client.password }).expect(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^registre_session=rgs_[\w-]{43}; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
    expect(res.body).toMatchObject({ account: { id: client.accountId }, csrfToken: expect.any(String), grants: [{ collectivityId: cid, role: 'secretary', memberId: null }] });
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('the session is stored hashed: the cookie value is nowhere in the database', async () => {
    const client = await asRole(t, cid, 'member');
    const res = await t.anonymous.post('/api/auth/sign-in').send({ email: client.email, password: client.password }).expect(200);
    const secret = /registre_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1];
    const rows = await t.db.query(`SELECT 1 FROM auth_session WHERE token_hash = $1 OR token_hash = encode(sha256($1::bytea), 'hex')`, [secret]);
    expect(rows).toHaveLength(1); // the SHA-256 matches, the value itself is not stored
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM auth_session WHERE token_hash = $1`, [secret]);
    expect(n).toBe(0);
  });

  it('an unsafe request with the cookie but without its CSRF token is refused (403) and changes nothing', async () => {
    const client = await asRole(t, cid, 'administrator');
    const bare = request.agent(t.app.getHttpServer());
    await bare.post('/api/auth/sign-in').send({ email: client.email, password: client.password }).expect(200);
    const before = ok(await client.http.get(`/api/collectivities/${cid}/accounts`)).body.items.length;
    const res = await bare.post(`/api/collectivities/${cid}/accounts`).send({ email: `x-${randomUUID()}@registre.test`, roles: ['member'] });
    expect([res.status, res.body.code]).toEqual([403, 'CSRF_TOKEN_INVALID']);
    const wrong = await bare.post(`/api/collectivities/${cid}/accounts`).set('X-CSRF-Token', 'nope').send({ email: `x-${randomUUID()}@registre.test`, roles: ['member'] });
    expect(wrong.status).toBe(403);
    expect(ok(await client.http.get(`/api/collectivities/${cid}/accounts`)).body.items.length).toBe(before);
    // Reads need no token.
    expect((await bare.get(`/api/collectivities/${cid}/accounts`)).status).toBe(200);
  });

  it('signs out: the session is deleted, the cookie no longer works', async () => {
    const client = await asRole(t, cid, 'president');
    expect((await client.http.get('/api/auth/me')).body).toMatchObject({ kind: 'account', accountId: client.accountId });
    await client.http.post('/api/auth/sign-out').expect(204);
    expect((await client.http.get('/api/auth/me')).status).toBe(401);
  });

  it('the French sign-in page signs in by form and comes back to the page asked for; a wrong password says so in French', async () => {
    const client = await asRole(t, cid, 'secretary');
    const page = await t.anonymous.get('/connexion').expect(200);
    expect(page.text).toContain('<label for="password">Mot de passe</label>');
    const bad = await t.anonymous.post('/connexion').type('form').send({ email: client.email, password: 'wrong password', suite: '/' });
    expect(bad.status).toBe(401);
    expect(bad.text).toContain('Adresse électronique ou mot de passe incorrect.');
    const agent = request.agent(t.app.getHttpServer());
    const good = await agent.post('/connexion').type('form').send({ email: client.email, password: client.password, suite: '//evil.example/' });
    expect([good.status, good.headers.location]).toEqual([303, '/']);
    expect((await agent.get('/')).status).toBe(200);
    const anonymousPage = await t.anonymous.get(`/console/collectivites/${cid}/seances/${randomUUID()}`);
    expect(anonymousPage.status).toBe(401);
    expect(anonymousPage.text).toContain('Connexion au registre');
  });
});

describe('sign-in throttling', () => {
  it('after 5 failures an account is refused with 429 SIGN_IN_THROTTLED, even with the right password', async () => {
    const client = await asRole(t, cid, 'member');
    for (let i = 0; i < 5; i++) {
      const res = await t.anonymous.post('/api/auth/sign-in').send({ email: client.email, password: `wrong-${i}` });
      expect([res.status, res.body.code]).toEqual([401, 'SIGN_IN_FAILED']);
    }
    const res = await t.anonymous.post('/api/auth/sign-in').send({ email: client.email, password: client.password });
    expect([res.status, res.body.code, res.body.details.scope]).toEqual([429, 'SIGN_IN_THROTTLED', 'account']);
    expect(res.body.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('after 30 failures from one address, any account is refused from it, not from another address', async () => {
    const behindProxy = await bootTestApp({ trustProxy: 'loopback' });
    try {
      const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
      const client = await asRole(t, cid, 'member');
      for (let i = 0; i < 30; i++) {
        await behindProxy.anonymous.post('/api/auth/sign-in').set('X-Forwarded-For', address).send({ email: `nobody-${i}-${randomUUID()}@registre.test`, password: 'x' }).expect(401);
      }
      const res = await behindProxy.anonymous.post('/api/auth/sign-in').set('X-Forwarded-For', address).send({ email: client.email, password: client.password });
      expect([res.status, res.body.details?.scope]).toEqual([429, 'address']);
      await behindProxy.anonymous.post('/api/auth/sign-in').set('X-Forwarded-For', '203.0.113.9').send({ email: client.email, password: client.password }).expect(200);
    } finally {
      await behindProxy.close();
    }
  }, 60_000);
});

describe('personal API tokens', () => {
  it('shown once, stored hashed, one collectivity and one role, revocable; a token makes no tokens', async () => {
    const client = await asRole(t, cid, ['secretary', 'administrator']);
    const made = ok(await client.http.post('/api/auth/tokens').send({ collectivityId: cid, role: 'administrator', label: 'export', days: 30 })).body;
    expect(made.token).toMatch(/^rgt_/);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM api_token WHERE token_hash = $1`, [made.token]);
    expect(n).toBe(0);
    const listed = ok(await client.http.get('/api/auth/tokens')).body.items;
    expect(listed.map((x: { id: string }) => x.id)).toContain(made.id);
    expect(JSON.stringify(listed)).not.toContain(made.token);
    const bearer = withBearer(t, made.token);
    expect((await bearer.get(`/api/collectivities/${cid}/accounts`)).status).toBe(200);
    // Scoped to its role: the account's secretary role does not come with it.
    expect((await bearer.post(`/api/collectivities/${cid}/sessions`).send({})).status).toBe(403);
    expect((await bearer.post('/api/auth/tokens').send({ collectivityId: cid, role: 'administrator' })).status).toBe(403);
    const refused = await client.http.post('/api/auth/tokens').send({ collectivityId: cid, role: 'president' });
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    ok(await client.http.post(`/api/auth/tokens/${made.id}/revocation`));
    const after = await bearer.get(`/api/collectivities/${cid}/accounts`);
    expect([after.status, after.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('accounts of a collectivity (administrators)', () => {
  it('creates an account with a generated password shown once, grants roles, links a member, disables it', async () => {
    const admin = await asRole(t, cid, 'administrator');
    const email = `new-${randomUUID().slice(0, 8)}@registre.test`;
    const created = ok(await admin.http.post(`/api/collectivities/${cid}/accounts`).send({ email, roles: ['secretary'] })).body;
    expect(created.initialPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const member = ok(await t.http.post(`/api/collectivities/${cid}/members`).send({ civility: 'Mme', firstName: 'Anne', lastName: 'LIEE', birthDate: '1970-01-01', memberships: [] })).body;
    const linked = ok(await admin.http.put(`/api/collectivities/${cid}/accounts/${created.id}/member`).send({ memberId: member.id })).body;
    expect(linked).toMatchObject({ roles: ['secretary'], memberId: member.id });
    const roles = ok(await admin.http.put(`/api/collectivities/${cid}/accounts/${created.id}/roles`).send({ roles: ['secretary', 'president'] })).body;
    expect(roles.roles).toEqual(['president', 'secretary']);
    const listed = ok(await admin.http.get(`/api/collectivities/${cid}/accounts`)).body.items.find((a: { id: string }) => a.id === created.id);
    expect(listed).toMatchObject({ email, roles: ['president', 'secretary'], memberId: member.id, disabled: false });
    const session = await signIn(t.app.getHttpServer(), email, created.initialPassword);
    const disabled = ok(await admin.http.post(`/api/collectivities/${cid}/accounts/${created.id}/disable`)).body;
    expect(disabled).toMatchObject({ roles: [], disabled: true });
    expect((await session.http.get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous.post('/api/auth/sign-in').send({ email, password: created.initialPassword })).status).toBe(401);
  });

  it("never leaves a collectivity without an administrator; another collectivity's account is not found", async () => {
    const mine = await createCollectivity(t);
    const accounts = ok(await t.http.get(`/api/collectivities/${mine}/accounts`)).body.items;
    const self = accounts.find((a: { email: string }) => a.email === t.account.email);
    const res = await t.http.put(`/api/collectivities/${mine}/accounts/${self.id}/roles`).send({ roles: ['secretary'] });
    expect([res.status, res.body.code]).toEqual([409, 'ACCOUNT_LAST_ADMINISTRATOR']);
    const outsider = await asRole(t, cid, 'member');
    const hidden = await t.http.put(`/api/collectivities/${mine}/accounts/${outsider.accountId}/roles`).send({ roles: ['member'] });
    expect([hidden.status, hidden.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('an operator creates a collectivity with its first administrator, whose password is shown once', async () => {
    const email = `first-admin-${randomUUID().slice(0, 8)}@registre.test`;
    const made = ok(await t.http.post('/api/collectivities').send({
      kind: 'commune', name: `Commune ${randomUUID().slice(0, 6)}`, siren: String(100000000 + Math.floor(Math.random() * 899999999)), departementCode: '62', administrator: { email },
    })).body;
    expect(made.administrator).toMatchObject({ email, roles: ['administrator'], initialPassword: expect.any(String) });
    const admin = await signIn(t.app.getHttpServer(), email, made.administrator.initialPassword);
    expect(ok(await admin.http.get('/api/collectivities')).body.items.map((c: { id: string }) => c.id)).toEqual([made.id]);
    const notOperator = await admin.http.post('/api/collectivities').send({ kind: 'commune', name: 'X', siren: '123456789', departementCode: '62' });
    expect([notOperator.status, notOperator.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('templates are the administrators\'', () => {
  it('a template or partial reverts to the default, as a new version', async () => {
    const base = `/api/collectivities/${cid}/templates`;
    const original = ok(await t.http.get(`${base}/signatures`)).body;
    ok(await t.http.put(`${base}/signatures`).send({ source: `${original.defaultSource}\nModifié.\n` }));
    const reverted = ok(await t.http.post(`${base}/signatures/revert`)).body;
    const now = ok(await t.http.get(`${base}/signatures`)).body;
    expect([reverted.version, now.version, now.source]).toEqual([2, 2, original.defaultSource]);
    const secretary = await asRole(t, cid, 'secretary');
    expect((await secretary.http.post(`${base}/signatures/revert`)).status).toBe(403);
  });
});

describe('who signs an act (L2121-23): the demo accounts on 19-09-107', () => {
  it('the president account, linked to the presiding member, signs; the secretary account, linked to no signer, does not', async () => {
    const { AuthService } = await import('../src/auth/auth.service');
    const { SigningService } = await import('../src/auth/signing.service');
    const { DEMO_ACCOUNTS } = await import('../src/database/seed/demo-accounts');
    const auth = t.app.get(AuthService);
    const signing = t.app.get(SigningService);
    const ccpl = ok(await t.http.get('/api/collectivities')).body.items.find((c: { siren: string }) => c.siren === '246200364').id;
    const state = ok(await t.http.get(`/api/collectivities/${ccpl}/deliberations/state`).query({ number: '19-09-107' })).body;
    const ctx = await signing.contextOf(ccpl, state.item.id);
    const idOf = async (email: string) => (await t.db.query(`SELECT id FROM account WHERE email = $1`, [email]))[0].id as string;
    const president = await auth.actorForAccount(await idOf(DEMO_ACCOUNTS.president.email));
    const secretary = await auth.actorForAccount(await idOf(DEMO_ACCOUNTS.secretary.email));
    expect(signing.assertMaySign(ccpl, ctx, president)).toEqual({ memberId: ctx.sessionPresidentId, capacity: 'president' });
    expect(() => signing.assertMaySign(ccpl, ctx, secretary)).toThrow(expect.objectContaining({ code: 'SIGNATURE_NOT_ALLOWED' }));
    // A token of the president's account does not sign: a person confirms.
    expect(() => signing.assertMaySign(ccpl, ctx, { ...president, kind: 'token', tokenId: 'x' })).toThrow(expect.objectContaining({ code: 'SIGNATURE_NOT_ALLOWED' }));
  });
});

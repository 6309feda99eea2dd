// The account commands: the first account without the demo (never a default password), a new password, a token.
import { randomUUID } from 'node:crypto';
import { runCli } from '../src/cli';
import { bootTestApp, demoCollectivityId, TestApp, withBearer } from './setup/test-app';

describe('command line: accounts', () => {
  const saved = { url: process.env.DATABASE_URL, appUrl: process.env.DATABASE_APP_URL, password: process.env.REGISTRE_PASSWORD };
  let t: TestApp;
  let ccpl: string;
  const email = `cli-${randomUUID().slice(0, 8)}@registre.test`;
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await runCli(argv, (l) => lines.push(l));
    return { code, lines, last: lines.at(-1) ?? '' };
  };
  const signIn = (e: string, password: string) => t.anonymous.post('/api/auth/sign-in').send({ email: e, password });

  beforeAll(async () => {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    process.env.DATABASE_APP_URL = process.env.TEST_DATABASE_APP_URL;
    delete process.env.REGISTRE_PASSWORD;
    t = await bootTestApp();
    ccpl = await demoCollectivityId(t);
  }, 60_000);
  afterAll(async () => {
    for (const [k, v] of [['DATABASE_URL', saved.url], ['DATABASE_APP_URL', saved.appUrl], ['REGISTRE_PASSWORD', saved.password]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await t?.close();
  });

  it('create-admin makes an administrator of a collectivity with a generated password, printed last', async () => {
    const made = await run('create-admin', '--email', email, '--collectivity', '246200364');
    expect(made.code).toBe(0);
    expect(made.last).toMatch(/^[A-Za-z0-9]{20}$/);
    const res = await signIn(email, made.last);
    expect(res.status).toBe(200);
    expect(res.body.grants).toEqual([{ collectivityId: ccpl, role: 'administrator', memberId: null }]);
    await expect(run('create-admin', '--email', email)).rejects.toMatchObject({ code: 'DUPLICATE' });
  });

  it('create-admin without a collectivity makes a platform operator; a password from REGISTRE_PASSWORD is used, never printed', async () => {
    const operator = `op-${randomUUID().slice(0, 8)}@registre.test`;
    process.env.REGISTRE_PASSWORD = 'correct horse battery';
    try {
      const made = await run('create-admin', '--email', operator);
      expect(made.code).toBe(0);
      expect(made.lines.join('\n')).not.toContain('correct horse battery');
      const res = await signIn(operator, 'correct horse battery');
      expect([res.status, res.body.account.operator]).toEqual([200, true]);
      process.env.REGISTRE_PASSWORD = 'short';
      await expect(run('create-admin', '--email', `x-${operator}`)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    } finally {
      delete process.env.REGISTRE_PASSWORD;
    }
  });

  it('reset-password sets a new password, printed last; the old one no longer signs in', async () => {
    const first = await run('reset-password', email);
    const second = await run('reset-password', email);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect((await signIn(email, first.last)).status).toBe(401);
    expect((await signIn(email, second.last)).status).toBe(200);
    await expect(run('reset-password', 'nobody@registre.test')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('token prints a bearer token on its last line, scoped to one collectivity and one role', async () => {
    const made = await run('token', email, '--days', '1');
    expect(made.code).toBe(0);
    expect(made.last).toMatch(/^rgt_[A-Za-z0-9_-]{43}$/);
    const http = withBearer(t, made.last);
    expect((await http.get(`/api/collectivities/${ccpl}/accounts`)).status).toBe(200);
    // No CSRF token with a bearer token: it is not a cookie a browser would send on its own.
    const added = await http.post(`/api/collectivities/${ccpl}/accounts`).send({ email: `tok-${email}`, roles: ['member'] });
    expect(added.status).toBe(201);
    expect((await http.post(`/api/collectivities/${ccpl}/sessions`).send({})).status).toBe(403);
    await expect(run('token', email, '--role', 'secretary')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(run('token', email, '--days', '0')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

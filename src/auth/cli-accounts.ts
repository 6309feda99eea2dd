// The account commands of `npm run cli`: the first account without the demo, a new password, an API token.
import type { INestApplicationContext } from '@nestjs/common';
import { createInterface } from 'node:readline/promises';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainError } from '../domain/errors';
import type { Role } from './actor';
import { AccountsService } from './accounts.service';
import { ROLES } from './dto/auth.dto';
import { TokensService } from './tokens.service';

export const ACCOUNT_COMMANDS = ['create-admin', 'reset-password', 'token'] as const;

export const ACCOUNT_USAGE = `  npm run cli -- create-admin --email <email> [--collectivity <siren>] [--roles administrator,secretary] [--operator]
      without --collectivity: a platform operator (creates collectivities); with it: an administrator of it
  npm run cli -- reset-password <email>
  npm run cli -- token <email> [--collectivity <siren>] [--role <role>] [--days <1-366>] [--label <text>]
      (passwords: REGISTRE_PASSWORD if set, at least 12 characters, else a generated one printed once)`;

export interface AccountOptions {
  email?: string;
  collectivity?: string;
  roles?: string;
  role?: string;
  operator?: boolean;
  days?: string;
  label?: string;
}

type Resolve = (siren?: string) => Promise<string>;

/** Runs one account command; the last line printed is the secret (password or token), for scripts. */
export async function runAccountCommand(
  app: INestApplicationContext, command: string, target: string | undefined, o: AccountOptions, log: (line: string) => void, collectivityId: Resolve,
): Promise<number> {
  const accounts = app.get(AccountsService);
  const password = process.env.REGISTRE_PASSWORD || undefined;
  if (command === 'create-admin') {
    const email = o.email ?? target ?? (await ask('Email of the new account: '));
    const cid = o.collectivity ? await collectivityId(o.collectivity) : undefined;
    const roles = parseRoles(o.roles ?? 'administrator');
    const made = await accounts.createAccount({ email, password, operator: o.operator === true || cid === undefined, ...(cid ? { collectivityId: cid, roles } : {}) });
    log(`Account ${made.email} created${cid ? ` (${roles.join(', ')} of ${o.collectivity})` : ' (platform operator)'}.`);
    log(made.generated ? 'Its password (shown once; sign in at /connexion):' : 'Its password is the one given in REGISTRE_PASSWORD.');
    if (made.generated) log(made.password);
    return 0;
  }
  if (command === 'reset-password') {
    if (!target) throw new DomainError('VALIDATION_FAILED', 'reset-password needs the email of the account', { field: 'email' });
    const done = await accounts.resetPassword(target, password);
    log(`New password of ${done.email}; its sessions are closed.${done.generated ? ' Shown once:' : ' (the one given in REGISTRE_PASSWORD)'}`);
    if (done.generated) log(done.password);
    return 0;
  }
  if (!target) throw new DomainError('VALIDATION_FAILED', 'token needs the email of the account', { field: 'email' });
  const account = await accounts.findByEmail(target);
  if (!account) throw new DomainError('NOT_FOUND', `No account ${target}`, { entity: 'Account', field: 'email' });
  const grants = await grantsOf(app.get(UnitOfWork), account.id);
  const cid = o.collectivity ? await collectivityId(o.collectivity) : single([...new Set(grants.map((g) => g.collectivity_id))], 'collectivity', 'pass --collectivity <siren>');
  const role = o.role ? parseRoles(o.role)[0] : single(grants.filter((g) => g.collectivity_id === cid).map((g) => g.role), 'role', 'pass --role');
  const days = o.days === undefined ? 90 : Number(o.days);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new DomainError('VALIDATION_FAILED', 'days: a whole number from 1 to 366', { field: 'days' });
  const token = await app.get(TokensService).create(account.id, cid, role, days, o.label ?? 'cli');
  log(`Token ${token.id} for ${account.email}: ${role}, until ${token.expiresAt.toISOString()}. Send it as "Authorization: Bearer <token>"; shown once:`);
  log(token.token);
  return 0;
}

function parseRoles(list: string): Role[] {
  const roles = list.split(',').map((r) => r.trim()).filter(Boolean);
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length || !roles.length) throw new DomainError('VALIDATION_FAILED', `roles: each one of ${ROLES.join(', ')} (got ${list})`, { field: 'roles' });
  return roles as Role[];
}

function single<T>(values: T[], what: string, hint: string): T {
  if (values.length === 1) return values[0];
  throw new DomainError('VALIDATION_FAILED', values.length ? `The account has several of ${what}: ${hint}` : `The account has no ${what} to make a token for`, { field: what });
}

/** The account's grants, for choosing a token's collectivity and role when the command line leaves them out. */
async function grantsOf(uow: UnitOfWork, accountId: string): Promise<{ collectivity_id: string; role: Role }[]> {
  const rows: { found: { grants: { collectivityId: string; role: Role }[] } | null }[] = await uow.run(null, (em) =>
    em.query(`SELECT registre_auth_lookup('account', NULL, $1) AS found`, [accountId]));
  return (rows[0]?.found?.grants ?? []).map((g) => ({ collectivity_id: g.collectivityId, role: g.role }));
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new DomainError('VALIDATION_FAILED', 'create-admin needs --email (no terminal to ask)', { field: 'email' });
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

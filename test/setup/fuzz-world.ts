// The world the fuzz of every route acts in: a collectivity of its own (never the demo, which other test files read),
// its administrator and secretary, pools of the ids it holds, a cheap fingerprint of its data, and the sending of a
// generated request once its markers are resolved.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Response, Test } from 'supertest';
import { TEMPLATE_NAMES } from '../../src/documents';
import { api, buildWorld, createSession, ok, putAttendance, tenantTables, transition, World } from './factory';
import { Current, FileKind, mutate, Pick, Plan, Pool } from './openapi-requests';
import { asRole, demoCollectivityId, Http, RoleClient, TestApp } from './test-app';

export interface FuzzWorld {
  w: World;
  admin: RoleClient;
  secretary: RoleClient;
  pools: Record<Pool, string[]>;
  /** The demo's ids: another collectivity's records, which must stay out of reach. */
  foreign: Record<Pool, string[]>;
  demoId: string;
  pdf: Buffer;
}

/** What a created record's id is, from the last segment of the route that made it. */
const POOL_OF_CREATED: Record<string, Pool> = {
  sessions: 'session', items: 'item', members: 'member', bodies: 'body', proxies: 'proxy',
  'projector-links': 'link', accounts: 'account', annexes: 'annex', tokens: 'token',
};

// Sign-in failures are counted per address (THROTTLE in src/auth/auth.service.ts) in the database every test file
// shares: the fuzz's come from an address of its own (IPv6 documentation range, which no other test uses), or 30 of
// them would throttle the sign-in of the test files after it.
export const FUZZ_ADDRESS = '2001:db8::f022';

export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const w = await buildWorld(t, { members: 9, items: 3 });
  const later = await createSession(w, '2024-03-18T18:30:00+01:00', { presidentId: w.m[0], convocationDate: '2024-03-11' });
  const laterItem = ok(await t.http.post(`${w.base}/sessions/${later.id}/items`).send({ object: 'POINT A', matiereCode: '7.1' })).body.id;
  // An earlier session, closed, whose procès-verbal the open one may adopt (L2121-15), and a voted item in the open
  // one: what follows a vote (facts, signatures, extracts, issuing, the procès-verbal) is reached too.
  const earlier = await createSession(w, '2024-02-12T18:30:00+01:00', { presidentId: w.m[0], convocationDate: '2024-02-05' });
  const earlierItem = ok(await t.http.post(`${w.base}/sessions/${earlier.id}/items`).send({ object: 'POINT E', matiereCode: '7.1' })).body.id;
  ok(await putAttendance(w, earlier.id, w.m.map((id) => ({ memberId: id, status: 'present' }))));
  for (const to of ['convened', 'open']) await transition(w, earlier.id, to);
  ok(await t.http.post(api(w).vote(earlierItem)).send({ mode: 'show_of_hands', counts: { pour: 9, contre: 0, abstention: 0 } }));
  await transition(w, earlier.id, 'closed');
  ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } }));
  const proxy = ok(await t.http.post(api(w).proxies).send({ giverId: w.m[7], holderId: w.m[2], fromItemId: w.items[1] })).body.id;
  const link = ok(await t.http.post(`${api(w).session}/projector-links`)).body.id;
  const [{ content: pdf }] = await t.db.query(`SELECT content FROM annex ORDER BY position LIMIT 1`);
  const annex = ok(await t.http.post(`${w.base}/items/${w.items[0]}/annexes`).field('title', 'Annexe').attach('file', pdf, 'annexe.pdf')).body.id;
  // The account the administrator may change, disable or link: never the fuzz's own two (they would lock
  // themselves out, and 403 answers do not count) nor the harness account.
  const victim = ok(await t.http.post(`${w.base}/accounts`).send({ email: `victim-${randomUUID().slice(0, 8)}@registre.test`, roles: ['member'] })).body.id;
  const admin = await asRole(t, w.cid, 'administrator');
  const secretary = await asRole(t, w.cid, 'secretary');
  for (const c of [admin, secretary]) c.http.set('X-Forwarded-For', FUZZ_ADDRESS);
  const tokens = [
    ok(await admin.http.post('/api/auth/tokens').send({ collectivityId: w.cid, role: 'administrator', label: 'fuzz' })).body.id,
    ok(await secretary.http.post('/api/auth/tokens').send({ collectivityId: w.cid, role: 'secretary', label: 'fuzz' })).body.id,
  ];
  const demoId = await demoCollectivityId(t);
  const ids = async (table: string) => (await t.db.query(`SELECT id FROM ${table} WHERE collectivity_id = $1 ORDER BY id LIMIT 5`, [demoId])).map((r: { id: string }) => r.id);
  const codes = (await t.db.query(`SELECT verification_code FROM issued_act ORDER BY verification_code LIMIT 3`)).map((r: { verification_code: string }) => r.verification_code);
  const pools: Record<Pool, string[]> = {
    collectivity: [w.cid], session: [w.sessionId, later.id, earlier.id], item: [...w.items, laterItem, earlierItem], member: [...w.m], body: [w.bodyId],
    account: [victim], annex: [annex], proxy: [proxy], link: [link], token: tokens, template: [...TEMPLATE_NAMES], code: codes,
  };
  const foreign: Record<Pool, string[]> = {
    collectivity: [demoId], session: await ids('session'), item: await ids('item'), member: await ids('member'), body: await ids('body'),
    account: [], annex: await ids('annex'), proxy: await ids('proxy'), link: await ids('projector_link'), token: await ids('api_token'), template: [], code: [],
  };
  return { w, admin, secretary, pools, foreign, demoId, pdf };
}

/** Keeps the id of a record a request made, so that later requests reach it (a new session, its items...). */
export function remember(f: FuzzWorld, plan: Plan, res: Response): void {
  if (plan.op.method !== 'POST' || res.status >= 300 || typeof res.body?.id !== 'string') return;
  const pool = POOL_OF_CREATED[plan.op.path.split('/').pop() ?? ''];
  if (pool && !f.pools[pool].includes(res.body.id)) f.pools[pool].push(res.body.id);
}

export interface Sent {
  method: string;
  url: string;
  body: unknown;
  res: Response;
}

/** Resolves the plan's markers, applies its mutations and sends it with the client's credentials. */
export async function send(t: TestApp, f: FuzzWorld, http: Http, plan: Plan): Promise<Sent> {
  const params = Object.fromEntries(Object.entries(plan.path).map(([k, v]) => [k, v instanceof Pick ? pick(f, v) : v]));
  const url = plan.op.path.replace(/\{(\w+)\}/g, (_m, p: string) => encodeURIComponent(params[p]));
  const resolveAll = (v: unknown): Promise<unknown> => resolveMarkers(t, f, v, params, plan.op.path);
  const pairs = (await resolveAll(plan.query)) as [string, unknown][];
  const qs = new URLSearchParams(pairs.flatMap(([k, v]) => [v].flat().map((x) => [k, typeof x === 'string' ? x : JSON.stringify(x)] as [string, string]))).toString();
  const full = qs ? `${url}?${qs}` : url;
  const method = plan.op.method;
  let req = (http as unknown as Record<string, (p: string) => Test>)[method.toLowerCase()](full).timeout({ response: 30_000, deadline: 60_000 });
  if (/\/events$/.test(plan.op.path)) req = firstBytesOnly(req);
  let body: unknown;
  const b = plan.body;
  if (b.kind === 'json') {
    body = plan.mutations.reduce((v, m) => mutate(v, m), await resolveAll(b.value));
    req = req.set('Content-Type', 'application/json').send(JSON.stringify(body) ?? '');
  } else if (b.kind === 'raw') {
    body = b.text;
    req = req.set('Content-Type', b.type).send(b.text);
  } else if (b.kind === 'multipart') {
    body = { fields: await resolveAll(b.fields), file: b.file };
    for (const [k, v] of (body as { fields: [string, unknown][] }).fields) req = req.field(k, typeof v === 'string' ? v : JSON.stringify(v) ?? '');
    if (b.file) req = req.attach('file', fileOf(f, b.file), 'copie.pdf');
  }
  const res = await req.catch((e: { timeout?: number; response?: Response }) => {
    if (e.response) return e.response;
    if (e.timeout) return { status: 0, body: { code: 'NO_ANSWER' }, text: '' } as unknown as Response;
    throw e;
  });
  return { method, url: full, body, res };
}

function fileOf(f: FuzzWorld, kind: FileKind): Buffer {
  switch (kind) {
    case 'pdf': return f.pdf;
    case 'truncated pdf': return f.pdf.subarray(0, Math.floor(f.pdf.length / 2));
    case 'header only': return Buffer.from('%PDF-1.7\n%%EOF\n');
    case 'not a pdf': return Buffer.from('hello, not a pdf');
    case 'empty': return Buffer.alloc(0);
  }
}

/** Server-sent events never end: the answer is its status and first bytes, then the stream is dropped. */
function firstBytesOnly(req: Test): Test {
  return req.buffer(true).parse((res, done) => {
    let text = '';
    let answered = false;
    const answer = (body: unknown) => { if (!answered) { answered = true; done(null, body); } };
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
      if (/event-stream/.test(String(res.headers['content-type']))) {
        (res as unknown as { destroy(): void }).destroy();
        answer({ stream: text });
      }
    });
    res.on('end', () => { try { answer(JSON.parse(text)); } catch { answer(text); } });
  });
}

const pick = (f: FuzzWorld, p: Pick): string => {
  const pool = (p.foreign ? f.foreign : f.pools)[p.pool];
  return pool.length ? pool[p.n % pool.length] : randomUUID();
};

async function resolveMarkers(t: TestApp, f: FuzzWorld, v: unknown, params: Record<string, string>, path: string): Promise<unknown> {
  if (v instanceof Pick) return pick(f, v);
  if (v instanceof Current) return v.what === 'version' ? currentVersion(t, params, path) : lastGesture(t, params);
  if (Array.isArray(v)) return Promise.all(v.map((x) => resolveMarkers(t, f, x, params, path)));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = await resolveMarkers(t, f, x, params, path);
    return out;
  }
  return v;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The version of what the path names (its procès-verbal, its item, its session): stale versions only get 409s. */
async function currentVersion(t: TestApp, params: Record<string, string>, path: string): Promise<number> {
  const lookups: [string, string, string | undefined][] = [
    ['minutes', 'session_id', path.includes('/minutes') ? params.sid : undefined],
    ['item', 'id', params.iid],
    ['session', 'id', params.sid],
  ];
  for (const [table, column, value] of lookups) {
    if (!value || !UUID.test(value)) continue;
    const rows: { version: number }[] = await t.db.query(`SELECT version FROM ${table} WHERE ${column} = $1`, [value]);
    if (rows.length) return rows[0].version;
  }
  return 1;
}

/** The id of the session's last arrival, departure or proxy, as the console reads it before offering the undo. */
async function lastGesture(t: TestApp, params: Record<string, string>): Promise<string> {
  if (!UUID.test(params.sid ?? '') || !UUID.test(params.cid ?? '')) return randomUUID();
  const res = await t.http.get(`/api/collectivities/${params.cid}/sessions/${params.sid}/gestures/last`);
  return typeof res.body?.id === 'string' ? res.body.id : randomUUID();
}

/**
 * One query over the collectivity's tables: per table, its row count and an md5 of its rows, plus the last audit
 * row's id anywhere and a digest of the accounts. A refused request must leave every one of them as it was.
 * (Console sessions and sign-in attempts are left out: they are the bookkeeping of signing in, not data.)
 */
export async function fingerprintQuery(t: TestApp): Promise<string> {
  const tables = (await tenantTables(t)).filter((x) => x !== 'audit_log');
  const parts = tables.map((table) => `SELECT '${table}' AS t, count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${table} x WHERE ${table === 'collectivity' ? 'id' : 'collectivity_id'} = $1`);
  parts.push(`SELECT 'audit_log', coalesce(max(id), 0)::text FROM audit_log`);
  parts.push(`SELECT 'account', count(*) || ':' || md5(string_agg(x::text, '|' ORDER BY x.id)) FROM account x`);
  return parts.join('\nUNION ALL ');
}

export async function fingerprintOf(t: TestApp, sql: string, cid: string): Promise<Record<string, string>> {
  const rows: { t: string; h: string }[] = await t.db.query(sql, [cid]);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

export const changedTables = (a: Record<string, string>, b: Record<string, string>) => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);

export interface Turn {
  role: string;
  client: RoleClient;
  round: number;
  /** Which of the target's generated requests this turn sends (two a round, one a role). */
  index: number;
}

/** What a turn got: its status, and the problems it shows once the tables it changed are known. */
export interface Answer {
  status: number;
  problems(changed: string[]): string[];
}

/**
 * Rounds of a fuzz: each round, every target once per role (administrator, secretary), in an order drawn from the
 * seed; a role refused (403) three times on a target is asked again every fourth round only. The collectivity's
 * fingerprint after each answer tells what it changed. Answers other than 401 and 403 are counted.
 */
export async function inRounds<T>(o: {
  t: TestApp; f: FuzzWorld; sql: string; seed: number; rounds: number; targets: T[];
  key(target: T): string;
  skip?(target: T, round: number): boolean;
  send(target: T, turn: Turn): Promise<Answer>;
}): Promise<{ counted: number; statuses: Record<number, number>; problems: string[] }> {
  const clients: [string, RoleClient][] = [['administrator', o.f.admin], ['secretary', o.f.secretary]];
  const refusedOnly = new Map<string, number>();
  const out = { counted: 0, statuses: {} as Record<number, number>, problems: [] as string[] };
  let known = await fingerprintOf(o.t, o.sql, o.f.w.cid);
  for (let round = 0; round < o.rounds; round++) {
    const [order] = fc.sample(fc.shuffledSubarray(o.targets, { minLength: o.targets.length }), { seed: o.seed + 10_000 + round, numRuns: 1 });
    for (const target of order) {
      if (o.skip?.(target, round)) continue;
      for (const [i, [role, client]] of clients.entries()) {
        const pair = `${role} ${o.key(target)}`;
        if ((refusedOnly.get(pair) ?? 0) >= 3 && round % 4 !== 0) continue;
        const answer = await o.send(target, { role, client, round, index: round * 2 + i });
        const after = await fingerprintOf(o.t, o.sql, o.f.w.cid);
        const changed = changedTables(known, after);
        known = after;
        out.statuses[answer.status] = (out.statuses[answer.status] ?? 0) + 1;
        refusedOnly.set(pair, answer.status === 403 ? (refusedOnly.get(pair) ?? 0) + 1 : -Infinity);
        if (answer.status !== 401 && answer.status !== 403) out.counted++;
        out.problems.push(...answer.problems(changed));
      }
    }
  }
  return out;
}

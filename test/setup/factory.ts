// Builds test worlds through the HTTP API only, so every fixture obeys the same rules as a client.
import { randomInt, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { HARNESS_ROLES } from './harness-roles';
import { TestApp } from './test-app';

export type Status = 'present' | 'excused' | 'absent';
export type Profile = 'commune' | 'epci' | 'departement' | 'region' | 'commission_permanente' | 'custom';

export interface WorldOptions {
  profile?: Profile;
  customRules?: Record<string, unknown>;
  /** Titulaires in office (default 9). */
  members?: number;
  /** Indexes of titulaires who get a suppléant (EPCI, L5211-6); suppléants are left out of the opening. */
  suppleantsFor?: number[];
  /** Items on the agenda (default 3). */
  items?: number;
  /** Opening status per titulaire; default: all present but the last two, excused. */
  attendance?: Status[];
  secondConvocation?: boolean;
  startsAt?: string;
  /** Open the session (default true); otherwise it stays planned. */
  open?: boolean;
  /** Département of the collectivity (default 62); its time zone follows (974 → Indian/Reunion). */
  departementCode?: string;
  convocationDate?: string;
}

export interface World {
  t: TestApp;
  cid: string;
  bodyId: string;
  sessionId: string;
  /** Titulaires, in creation order; m[0] presides the session. */
  m: string[];
  /** Suppléants, keyed by the index of their titulaire. */
  sup: Record<number, string>;
  items: string[];
  base: string;
  /** With secondConvocation: the failed first convocation and its agenda, which `items` carry over (L2121-17). */
  firstConvocation?: { sessionId: string; items: string[] };
}

/** Fails with the response body in the message, which is what one needs when a fixture step breaks. */
export function ok(res: Response, status = [200, 201]): Response {
  if (!status.includes(res.status)) throw new Error(`${where(res)} -> ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** "METHOD /path" of the request behind a response, for failure messages. */
export function where(res: Response): string {
  const req = (res as unknown as { req?: { method: string; path: string } }).req;
  return req ? `${req.method} ${req.path}` : '(request)';
}

export const uniqueSiren = () => String(randomInt(100000000, 999999999));

/**
 * A new collectivity, made by the harness account as operator and naming itself first administrator; it then
 * grants itself the other roles of HARNESS_ROLES through the accounts API (all through HTTP, as a client would).
 */
export async function createCollectivity(t: TestApp, name = 'Commune de Test', departementCode = '62', fields: object = {}): Promise<string> {
  const res = ok(await t.http.post('/api/collectivities').send({
    kind: 'commune', name: `${name} ${randomUUID().slice(0, 8)}`, siren: uniqueSiren(), departementCode, ...fields,
    administrator: { email: t.account.email },
  }));
  ok(await t.http.post(`/api/collectivities/${res.body.id}/accounts`).send({ email: t.account.email, roles: HARNESS_ROLES }));
  return res.body.id;
}

export async function createMember(t: TestApp, cid: string, n: number, memberships: object[]): Promise<string> {
  const res = ok(await t.http.post(`/api/collectivities/${cid}/members`).send({
    civility: n % 2 ? 'Mme' : 'M.', firstName: `Prénom${n}`, lastName: `NOM${String(n).padStart(3, '0')}`,
    birthDate: `19${50 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`, memberships,
  }));
  return res.body.id;
}

export async function createSession(w: Pick<World, 't' | 'cid' | 'bodyId'>, startsAt: string, extra: object = {}) {
  return ok(await w.t.http.post(`/api/collectivities/${w.cid}/sessions`).send({ bodyId: w.bodyId, startsAt, ...extra })).body;
}

export async function transition(w: Pick<World, 't' | 'cid'>, sessionId: string, to: string) {
  const s = ok(await w.t.http.get(`/api/collectivities/${w.cid}/sessions/${sessionId}`)).body;
  return ok(await w.t.http.post(`/api/collectivities/${w.cid}/sessions/${sessionId}/transitions`).send({ to, version: s.version })).body;
}

/** PUT of the opening attendance with the session version read just before (a stale one is refused, 409). */
export async function putAttendance(w: Pick<World, 't' | 'cid'>, sessionId: string, entries: object[]): Promise<Response> {
  const path = `/api/collectivities/${w.cid}/sessions/${sessionId}`;
  const { version } = ok(await w.t.http.get(path)).body;
  return w.t.http.put(`${path}/attendance`).send({ version, entries });
}

export const daysBefore = (startsAt: string, days: number) => new Date(Date.parse(startsAt) - days * 86_400_000).toISOString();

/**
 * A first convocation of the body whose quorum failed at its opening (L2121-17): only the president came,
 * the others are recorded absent, and the session was opened and closed without a vote. `items`: its agenda
 * (POINT 1, POINT 2...), which a second convocation may carry over.
 */
export async function failedFirstConvocation(w: Pick<World, 't' | 'cid' | 'bodyId' | 'm'>, startsAt: string, present = 1, items = 0): Promise<string> {
  const s = await createSession(w, startsAt, { presidentId: w.m[0] });
  for (let i = 0; i < items; i++) ok(await w.t.http.post(`/api/collectivities/${w.cid}/sessions/${s.id}/items`).send({ object: `POINT ${i + 1}`, matiereCode: '7.1' }));
  ok(await putAttendance(w, s.id, w.m.map((id, i) => ({ memberId: id, status: i < present ? 'present' : 'absent' }))));
  for (const to of ['convened', 'open', 'closed']) await transition(w, s.id, to);
  return s.id;
}

/** A collectivity with one body, its members, a session with its agenda and opening attendance, opened. */
export async function buildWorld(t: TestApp, o: WorldOptions = {}): Promise<World> {
  const n = o.members ?? 9;
  const cid = await createCollectivity(t, undefined, o.departementCode);
  const profile = o.profile ?? 'commune';
  const body = ok(await t.http.post(`/api/collectivities/${cid}/bodies`).send({
    kind: 'conseil', name: 'Conseil', ruleProfile: profile, ...(o.customRules ? { customRules: o.customRules } : {}),
  })).body;
  const start = '2020-01-01';
  const m: string[] = [];
  for (let i = 0; i < n; i++) m.push(await createMember(t, cid, i, [{ bodyId: body.id, seat: 'titulaire', startDate: start }]));
  const sup: Record<number, string> = {};
  for (const i of o.suppleantsFor ?? []) {
    sup[i] = await createMember(t, cid, 500 + i, [{ bodyId: body.id, seat: 'suppleant', titulaireId: m[i], startDate: start }]);
  }
  const w: World = { t, cid, bodyId: body.id, sessionId: '', m, sup, items: [], base: `/api/collectivities/${cid}` };
  const startsAt = o.startsAt ?? '2024-03-11T18:30:00+01:00';
  const items = o.items ?? 3;
  // L2121-17: a second convocation names the first one, whose quorum failed a week earlier, and carries over its agenda.
  if (o.secondConvocation) {
    const sessionId = await failedFirstConvocation(w, daysBefore(startsAt, 7), 1, items);
    w.firstConvocation = { sessionId, items: ok(await t.http.get(`${w.base}/sessions/${sessionId}/items`)).body.items.map((i: { id: string }) => i.id) };
  }
  const link = w.firstConvocation ? { secondConvocation: true, firstConvocationSessionId: w.firstConvocation.sessionId } : {};
  const session = await createSession(w, startsAt, {
    presidentId: m[0], secretaryIds: [m[1]], convocationDate: o.convocationDate ?? '2024-03-04', ...link,
  });
  w.sessionId = session.id;
  for (let i = 0; i < items; i++) {
    const carriedFromItemId = w.firstConvocation?.items[i];
    w.items.push(ok(await t.http.post(`${w.base}/sessions/${w.sessionId}/items`).send({
      object: `POINT ${i + 1}`, matiereCode: '7.1', ...(carriedFromItemId ? { carriedFromItemId } : {}),
    })).body.id);
  }
  const statuses = o.attendance ?? m.map((_, i) => (i < n - 2 ? 'present' : 'excused'));
  ok(await putAttendance(w, w.sessionId, m.map((id, i) => ({ memberId: id, status: statuses[i] ?? 'absent' }))));
  if (o.open ?? true) {
    await transition(w, w.sessionId, 'convened');
    await transition(w, w.sessionId, 'open');
  }
  return w;
}

/** Paths of a world, and the calls the tests make most. */
export const api = (w: World) => ({
  proxies: `${w.base}/sessions/${w.sessionId}/proxies`,
  attendance: `${w.base}/sessions/${w.sessionId}/attendance`,
  changes: `${w.base}/sessions/${w.sessionId}/attendance-changes`,
  items: `${w.base}/sessions/${w.sessionId}/items`,
  session: `${w.base}/sessions/${w.sessionId}`,
  vote: (item: string) => `${w.base}/items/${item}/vote`,
  state: (item: string) => `${w.base}/items/${item}/state`,
  item: (item: string) => `${w.base}/items/${item}`,
});

/** The tenant-owned tables, read from the migrated schema: every one carries collectivity_id. */
export async function tenantTables(t: TestApp): Promise<string[]> {
  const rows: { table_name: string }[] = await t.db.query(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables tb USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND c.column_name = 'collectivity_id' AND tb.table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return ['collectivity', ...rows.map((r) => r.table_name)];
}

/**
 * A fingerprint of everything a collectivity owns: row count and a digest of the rows of each table.
 * Equal fingerprints before and after a refused request prove that it changed nothing.
 */
export async function fingerprint(t: TestApp, cid: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tenantTables(t)) {
    const col = table === 'collectivity' ? 'id' : 'collectivity_id';
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM ${table} x WHERE ${col} = $1`,
      [cid],
    );
    out[table] = `${row.n}:${row.h}`;
  }
  return out;
}

/** Every refusal has the same shape: status, stable code, and a message naming the field or rule. */
export function expectError(res: Response, status: number, code: string, message?: RegExp): void {
  const ctx = `${where(res)} -> ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`;
  expect({ ctx, status: res.status, code: res.body?.code }).toEqual({ ctx, status, code });
  expect(res.body).toEqual(expect.objectContaining({ statusCode: status, message: expect.any(String), details: expect.any(Object) }));
  if (message) expect(res.body.message).toMatch(message);
}

/** Sends the request, expects the refusal, and proves the collectivity's data is exactly as before. */
export async function refused(w: World, send: () => PromiseLike<Response>, status: number, code: string, message: RegExp): Promise<Response> {
  const before = await fingerprint(w.t, w.cid);
  const res = await send();
  expectError(res, status, code, message);
  expect(await fingerprint(w.t, w.cid)).toEqual(before);
  return res;
}

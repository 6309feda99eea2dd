// The HTTP API as the benches drive it: calls with the secretary's bearer token, the demo body, and open
// sessions set up as a clerk sets them up (items, the opening roll call, convened, opened).

import { Agent, request } from 'node:http';

let bearer = '';
/** The token every later call carries (null or '' where the API has no accounts). */
export function useBearer(token: string | null): void {
  bearer = token ?? '';
}

/**
 * One HTTP call over kept-alive connections. node:http rather than fetch: the load generator shares the machine's
 * two cores with the server it measures, and fetch spends several times node:http's CPU per request.
 */
export function call<T>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return send(`${base}${path}`, method, body === undefined ? undefined : JSON.stringify(body)).then(({ status, text }) => {
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: the status says enough
    }
    return { status, body: parsed as T };
  });
}

// Idle connections closed before the server's keep-alive timeout (5 s) closes them under a request in flight.
const agent = new Agent({ keepAlive: true, maxSockets: 512, timeout: 4_000 });
/** A request whose answer (status and text) comes within 15 s, else a TimeoutError, as fetch's AbortSignal.timeout says. */
export function send(url: string, method: string, json?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method, agent,
      headers: { 'content-type': 'application/json', ...(json === undefined ? {} : { 'content-length': Buffer.byteLength(json) }), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { clearTimeout(timer); resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }); });
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error(`${method} ${url}: no answer in 15 s`), { name: 'TimeoutError' })), 15_000);
    req.on('error', (e) => { clearTimeout(timer); reject(e); });
    req.end(json);
  });
}
export const list = <T>(b: T[] | { items: T[] }): T[] => (Array.isArray(b) ? b : b.items);
export async function must<T>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body;
}

/** The demo's community of communes and its council, with who sits on `date`: titulaires present at the opening, suppléants absent. */
export interface DemoBody { cid: string; bodyId: string; everyone: { id: string; present: boolean }[]; titulaires: string[] }
export async function demoBody(base: string, date: string): Promise<DemoBody> {
  const cid = list(await must(call<{ id: string; siren: string }[] | { items: { id: string; siren: string }[] }>(base, 'GET', '/api/collectivities'), 'collectivities')).find((c) => c.siren === '246200364')!.id;
  const bodyId = list(await must(call<{ id: string }[] | { items: { id: string }[] }>(base, 'GET', `/api/collectivities/${cid}/bodies`), 'bodies'))[0].id;
  type M = { id?: string; memberId?: string; seat?: string };
  const { members: ms } = await must(call<{ members: M[] }>(base, 'GET', `/api/collectivities/${cid}/bodies/${bodyId}/members?date=${date}`), 'members');
  if (!ms.some((m) => m.seat !== 'suppleant')) throw new Error(`the demo body has no member in office on ${date}`);
  const everyone = ms.map((m) => ({ id: (m.memberId ?? m.id)!, present: m.seat !== 'suppleant' }));
  return { cid, bodyId, everyone, titulaires: everyone.filter((m) => m.present).map((m) => m.id) };
}

/** The k-th session of `year` (one a day), presided by the first titulaire, with `items` items, opened with everyone's roll call. */
export async function openSession(base: string, d: DemoBody, k: number, o: { year: number; items: number; label: string }): Promise<{ sid: string; items: string[] }> {
  const root = `/api/collectivities/${d.cid}/sessions`;
  const day = String(1 + (k % 28)).padStart(2, '0');
  const s = await must(call<{ id: string }>(base, 'POST', root, { bodyId: d.bodyId, startsAt: `${o.year}-${String(1 + Math.floor(k / 28)).padStart(2, '0')}-${day}T18:30:00+01:00`, place: 'Lumbres', presidentId: d.titulaires[0] }), 'creating a session');
  const items: string[] = [];
  for (let i = 0; i < o.items; i++) items.push((await must(call<{ id: string }>(base, 'POST', `${root}/${s.id}/items`, { object: `${o.label} ${k} POINT ${i + 1}` }), 'creating an item')).id);
  const version = async () => (await must(call<{ version: number }>(base, 'GET', `${root}/${s.id}`), 'reading a session')).version;
  await must(call(base, 'PUT', `${root}/${s.id}/attendance`, { version: await version(), entries: d.everyone.map((m) => ({ memberId: m.id, status: m.present ? 'present' : 'absent' })) }), 'the opening roll call');
  await must(call(base, 'POST', `${root}/${s.id}/transitions`, { to: 'convened', version: await version() }), 'convening');
  await must(call(base, 'POST', `${root}/${s.id}/transitions`, { to: 'open', version: await version() }), 'opening');
  return { sid: s.id, items };
}

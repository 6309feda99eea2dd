// Fuzz of the console's forms, the other way in (its routes are not in the OpenAPI document): the forms are read
// from the pages the administrator and the secretary see, then posted with fast-check's values — as the page fills
// them, chosen among its options, or mutated (empty, huge, unicode, a field repeated, missing or added, another
// collectivity's ids, not an id at all). Never a 500, and a form answered 4xx changes nothing. FUZZ_SEED as in fuzz.e2e-spec.ts.
import fc from 'fast-check';
import { buildFuzzWorld, fingerprintOf, fingerprintQuery, FuzzWorld, inRounds } from './setup/fuzz-world';
import { Pick, Pool } from './setup/openapi-requests';
import { bootTestApp, Http, RoleClient, TestApp } from './setup/test-app';

const SEED = Number(process.env.FUZZ_SEED ?? 20251123);
const ROUNDS = 16;
const MIN_COUNTED = 400;

/** Console routes the fuzz does not post, each with why. */
const EXCLUDED: Record<string, string> = {
  'POST /deconnexion': 'signs the fuzz out',
  'POST /{*path}': 'not a route: the middleware bound to every path',
};

/**
 * Fields of the forms no page shows here: live.js posts the first two, the operator's page the third, the fourth is
 * public, and the last appears once a procès-verbal is adopted (which the fuzz may or may not do).
 */
const SCRIPTED: Record<string, string[]> = {
  'POST /console/apercu-markdown': ['markdown'],
  'POST /console/collectivites/:cid/modeles/:name/apercu': ['source'],
  'POST /console/collectivites': ['kind', 'name', 'siren', 'departementCode'],
  'POST /verification/:code': ['sha256'],
  'POST /console/collectivites/:cid/seances/:sid/apres/publication': ['version', 'publishedOn'],
};

interface Route { key: string; method: string; path: string; re: RegExp }
interface Form { route: Route; multipart: boolean; fields: Map<string, Set<string>> }

let t: TestApp;
let f: FuzzWorld;
let sql: string;
let routes: Route[];

beforeAll(async () => {
  t = await bootTestApp({ trustProxy: 'loopback' });
  f = await buildFuzzWorld(t);
  sql = await fingerprintQuery(t);
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  routes = express.router.stack.flatMap((layer) => (layer.route && !layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/docs')
    ? Object.keys(layer.route.methods).map((m) => ({
      key: `${m.toUpperCase()} ${layer.route!.path}`, method: m.toUpperCase(), path: layer.route!.path,
      re: new RegExp(`^${layer.route!.path.replace(/:\w+/g, '[^/]+').replace(/\*\w+/, '.*')}$`),
    }))
    : []));
}, 120_000);
afterAll(() => t?.close(), 30_000);

const PARAM_POOL: Record<string, Pool> = { cid: 'collectivity', sid: 'session', iid: 'item', bid: 'body', lid: 'link', name: 'template', code: 'code', token: 'link' };

/** The pages to read forms from: every console page, with each of the collectivity's sessions and items. */
function pagePaths(): string[] {
  const pages = routes.filter((r) => r.method === 'GET' && !/\*|evenements|\.(css|js|ico)$|^\/(ecran|verification)\//.test(r.path));
  return pages.flatMap((r) => {
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const choices = params.map((p) => f.pools[PARAM_POOL[p]].slice(0, p === 'name' ? 3 : 4));
    return choices.reduce<string[]>((paths, pool, i) => paths.flatMap((path) => pool.map((id) => path.replace(`:${params[i]}`, encodeURIComponent(id)))), [r.path]);
  });
}

const entities = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => { const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag); return m ? entities(m[1]) : undefined; };

/** The forms posted by a page: their route, and each field with the values the page offers. */
function formsOf(html: string): Form[] {
  const out: Form[] = [];
  for (const [, attrs, inner] of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(attrs)) continue;
    const action = (attr(attrs, 'action') ?? '').split('?')[0];
    const route = routes.find((r) => r.method === 'POST' && r.re.test(action));
    if (!route) continue;
    const fields = new Map<string, Set<string>>();
    const add = (name: string | undefined, value: string) => { if (name && name !== '_csrf') fields.set(name, (fields.get(name) ?? new Set()).add(value)); };
    for (const [tag] of inner.matchAll(/<input\b[^>]*>/g)) add(attr(tag, 'name'), attr(tag, 'value') ?? '');
    for (const [, tag, body] of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attr(tag, 'name'), entities(body));
    for (const [, tag, options] of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      for (const [option] of options.matchAll(/<option\b[^>]*>/g)) add(attr(tag, 'name'), attr(option, 'value') ?? '');
    }
    out.push({ route, multipart: /multipart\/form-data/.test(attrs), fields });
  }
  return out;
}

/**
 * Every POST route of the console with the fields its forms have: read from each page, then from the pages that a
 * preview answers (the vote's confirmation, the import's), posted with the values the page offers first.
 */
async function discover(clients: RoleClient[]): Promise<Map<string, Form>> {
  const found = new Map<string, Form>();
  const keep = (html: string) => {
    for (const form of formsOf(html)) {
      const known = found.get(form.route.key);
      if (!known) found.set(form.route.key, form);
      else for (const [k, v] of form.fields) known.fields.set(k, new Set([...(known.fields.get(k) ?? []), ...v]));
    }
  };
  for (const path of pagePaths()) {
    for (const c of clients) {
      const res = await c.http.get(path);
      if (res.status === 200) keep(res.text);
    }
  }
  for (const key of [...found.keys()].filter((k) => /apercu$/.test(k))) {
    const form = found.get(key)!;
    const fields: Field[] = [...form.fields].map(([k, v]) => [k, [...v].find((x) => x !== '') ?? '']);
    for (const c of clients) keep((await post(c.http, { form, fields, params: {}, file: form.multipart ? 'rne' : undefined })).res.text);
  }
  for (const route of routes.filter((r) => r.method === 'POST' && !found.has(r.key))) {
    found.set(route.key, { route, multipart: false, fields: new Map((SCRIPTED[route.key] ?? []).map((k) => [k, new Set<string>()])) });
  }
  return found;
}

const UNICODE = ['', ' ', 'é', '\u202Eevil', 'a\u0000b', '🏛️', '<script>alert(1)</script>', "'; DROP TABLE item; --", '{{x}}', '0', '-1', '1e309', '2024-02-30', '99:99', 'true'];

/** What a careful clerk types: the page's own value or a non-empty option, else something fitting the field's name. */
function typed(name: string, offered: string[]): fc.Arbitrary<string> {
  const chosen = offered.filter((v) => v !== '');
  if (chosen.length) return fc.constantFrom(...chosen);
  if (/date|On$/i.test(name)) return fc.constantFrom('2024-03-20', '2024-03-12', '2024-04-01');
  if (/^time$/.test(name)) return fc.constantFrom('18:30', '20:00');
  if (/^(pour|contre|abstention|seq|votants|blancs|nuls|c\d)$|\.(votants|blancs|nuls|c\d)$/.test(name)) return fc.integer({ min: 0, max: 9 }).map(String);
  if (/email/.test(name)) return fc.nat(9999).map((n) => `console-${n}@registre.test`);
  if (/matiereCode/.test(name)) return fc.constant('7.1');
  return fc.constantFrom('Budget primitif', 'Salle du conseil', 'Marie Dupont', 'Texte');
}

const value = (offered: string[]) => fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...(offered.length ? offered : [''])) },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.oneof({ weight: 4, arbitrary: fc.constant('x'.repeat(5000)) }, { weight: 1, arbitrary: fc.constant('é'.repeat(100_000)) }) },
  { weight: 1, arbitrary: fc.oneof(fc.uuid(), fc.constantFrom<Pool>('member', 'item', 'session').chain((p) => fc.nat().map((n) => new Pick(p, n, true)))) },
);

type Field = [string, string | Pick];
interface Posted { form: Form; fields: Field[]; params: Record<string, Pick | string>; file?: string }

/** One posting of the form: as a careful clerk fills it, or each field once (or twice, or not at all) and sometimes a field it does not have. */
function postingOf(form: Form): fc.Arbitrary<Posted> {
  const careful = fc.tuple(...[...form.fields].map(([name, offered]) => typed(name, [...offered]).map((v) => [name, v] as Field)));
  const fields = [...form.fields].map(([name, offered]) => fc.oneof(
    { weight: 12, arbitrary: value([...offered]).map((v) => [[name, v]] as Field[]) },
    { weight: 1, arbitrary: fc.constant([] as Field[]) },
    { weight: 1, arbitrary: fc.tuple(value([...offered]), value([...offered])).map(([a, b]) => [[name, a], [name, b]] as Field[]) },
  ));
  const extra = fc.oneof({ weight: 8, arbitrary: fc.constant([] as Field[]) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'version', 'collectivityId'), value([])).map((x) => [x as Field]) });
  const params = fc.record(Object.fromEntries([...form.route.path.matchAll(/:(\w+)/g)].map(([, p]) => [p, fc.oneof(
    { weight: 12, arbitrary: fc.nat().map((n) => new Pick(PARAM_POOL[p] ?? 'session', n)) },
    { weight: 1, arbitrary: fc.nat().map((n) => new Pick(PARAM_POOL[p] ?? 'session', n, true)) },
    { weight: 1, arbitrary: fc.constantFrom('abc', '00000000-0000-0000-0000-000000000000', 'é') },
  )])));
  const file = form.multipart ? fc.constantFrom('rne', 'rne', 'empty', 'binary', 'not csv') : fc.constant(undefined);
  const wild = fc.tuple(...fields, extra).map((all) => all.flat());
  return fc.record({ fields: fc.oneof(careful, wild), params, file }).map((p) => ({ form, ...p }));
}

const pick = (p: Pick | string) => (typeof p === 'string' ? p : ((pool) => (pool.length ? pool[p.n % pool.length] : '00000000-0000-0000-0000-000000000000'))((p.foreign ? f.foreign : f.pools)[p.pool]));

const RNE = "Code du département;Libellé du département;Code de la collectivité à statut particulier;Libellé de la collectivité à statut particulier;Code de la commune;Libellé de la commune;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de début du mandat;Libellé de la fonction;Date de début de la fonction;Code nationalité\n62;Pas-de-Calais;;;62999;Inventé-sur-Aa;DUPONT;Jeanne;F;22/07/1967;23;Profession inventée;23/05/2020;Maire;23/05/2020;FR\n";
const FILES: Record<string, Buffer> = { rne: Buffer.from(RNE), empty: Buffer.alloc(0), binary: Buffer.from([0, 255, 254, 1, 0xc3]), 'not csv': Buffer.from('hello') };

async function post(http: Http, p: Posted) {
  const url = p.form.route.path.replace(/:(\w+)/g, (_m, k: string) => encodeURIComponent(pick(p.params[k] ?? new Pick(PARAM_POOL[k], 0))));
  const fields = p.fields.map(([k, v]) => [k, pick(v)] as [string, string]);
  let req = http.post(url).timeout({ response: 30_000, deadline: 60_000 });
  if (p.file !== undefined) {
    for (const [k, v] of fields) req = req.field(k, v);
    req = req.attach('fichier', FILES[p.file], 'elus.csv');
  } else {
    req = req.type('form').send(new URLSearchParams(fields).toString());
  }
  return { url, fields, res: await req };
}

/** A session the console made (it redirects to its page): later forms reach it too. */
function rememberRedirect(location: string): void {
  const sid = /\/seances\/([0-9a-f-]{36})/.exec(location)?.[1];
  if (sid && location.includes(f.w.cid) && !f.pools.session.includes(sid)) f.pools.session.push(sid);
}

describe('fuzz of the console forms as administrator and secretary', () => {
  it(`${MIN_COUNTED}+ forms posted: never a 500, and a form answered 4xx changes nothing`, async () => {
    const forms = await discover([f.admin, f.secretary]);
    // Every form the console posts is found on its pages, but those live.js or the operator's page posts.
    expect([...forms.values()].filter((x) => x.fields.size === 0 && !EXCLUDED[x.route.key]).map((x) => x.route.key).sort()).toEqual([
      'POST /console/collectivites/:cid/seances/:sid/direct/ecran', 'POST /console/collectivites/:cid/seances/:sid/direct/ecran/:lid/revocation',
    ]);
    const posted = [...forms.values()].filter((x) => !EXCLUDED[x.route.key]);
    const plans = new Map(posted.map((form, i) => [form.route.key, fc.sample(postingOf(form), { seed: SEED + i, numRuns: ROUNDS * 2 })]));
    const { counted, statuses, problems } = await inRounds({
      t, f, sql, seed: SEED, rounds: ROUNDS, targets: posted, key: (form) => form.route.key,
      send: async (form, { role, client, round, index }) => {
        const { url, fields, res } = await post(client.http, plans.get(form.route.key)![index]);
        rememberRedirect(String(res.headers.location ?? ''));
        const where = `[seed ${SEED} round ${round}] ${role} POST ${url} ${JSON.stringify(fields).slice(0, 400)} -> ${res.status}`;
        return {
          status: res.status,
          problems: (changed) => [
            ...(res.status >= 500 ? [`${where} ${res.text.replace(/\s+/g, ' ').slice(0, 300)}`] : []),
            ...(res.status >= 400 && res.status < 500 && changed.length ? [`${where}: refused, yet changed ${changed.join(', ')}`] : []),
          ],
        };
      },
    });
    const summary = `console fuzz seed ${SEED}: ${counted} forms counted (not 401/403); statuses ${JSON.stringify(statuses)}`;
    process.stdout.write(`${summary}\n`);
    if (problems.length) throw new Error(`${summary}\n${problems.length} problems:\n${problems.slice(0, 40).join('\n')}`);
    expect(counted).toBeGreaterThanOrEqual(MIN_COUNTED);
  }, 300_000);
});

describe('what the fuzz found in the console', () => {
  // The refused form's page listed the members in office at the date typed: "040755c7-…" reached PostgreSQL, which
  // read a date and a time zone in it and failed (22023), a 500.
  it('a new session refused with a date that is none shows the form again, and changes nothing', async () => {
    const before = await fingerprintOf(t, sql, f.w.cid);
    const form = new URLSearchParams({ date: '040755c7-284d-73e1-a1e1-18ce0a466919', time: '', bodyId: f.w.bodyId, urgency: 'true' });
    const res = await f.secretary.http.post(`/console/collectivites/${f.w.cid}/seances`).type('form').send(form.toString());
    expect([res.status, /<h2>Demande refusée<\/h2>/.test(res.text), /action="\/console\/collectivites\/[^"]+\/seances"/.test(res.text)]).toEqual([422, true, true]);
    expect(await fingerprintOf(t, sql, f.w.cid)).toEqual(before);
    for (const date of ['2024-02-30', '2024-99-99']) {
      const api = await f.secretary.http.get(`${f.w.base}/bodies/${f.w.bodyId}/members`).query({ date });
      expect([api.status, api.body.code, api.body.details.field]).toEqual([400, 'VALIDATION_FAILED', 'date']);
    }
  }, 30_000);
});

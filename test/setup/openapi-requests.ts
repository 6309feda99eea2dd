// Requests generated from the OpenAPI document: path parameters, query parameters and bodies built from each
// operation's schemas (fast-check), valid-ish first, then mutated. Ids and versions are markers resolved when the
// request is sent, so that a fuzz run reaches the records it has just made.
import fc from 'fast-check';
import type { OpenAPIObject, ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';

export type Pool = 'collectivity' | 'session' | 'item' | 'member' | 'body' | 'account' | 'annex' | 'proxy' | 'link' | 'token' | 'template' | 'code';

/** An id from a pool, chosen when the request is sent (pools grow with what the fuzz creates); `foreign`: another collectivity's. */
export class Pick {
  constructor(readonly pool: Pool, readonly n: number, readonly foreign = false) {}
}

/** A value read just before sending: the current version of what the path names, or the id of the session's last gesture. */
export class Current {
  constructor(readonly what: 'version' | 'gesture') {}
}

export interface Operation {
  key: string;
  method: string;
  /** OpenAPI template, e.g. /api/collectivities/{cid}/sessions/{sid} */
  path: string;
  pathParams: string[];
  query: ParameterObject[];
  body?: { type: 'json' | 'multipart'; schema: SchemaObject };
}

export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; type: string; text: string }
  | { kind: 'multipart'; fields: [string, unknown][]; file?: FileKind };

/** The file of a multipart request, made when sent: a real PDF, a cut one, none at all... */
export type FileKind = 'pdf' | 'truncated pdf' | 'header only' | 'not a pdf' | 'empty';

export interface Plan {
  op: Operation;
  mode: Mode;
  path: Record<string, Pick | string>;
  query: [string, unknown][];
  body: Body;
  /** Applied to the JSON body once its markers are resolved. */
  mutations: Mutation[];
}

export interface Mutation {
  kind: string;
  /** Which node of the body (modulo their number, in depth-first order). */
  at: number;
  value: unknown;
}

type Schema = SchemaObject | ReferenceObject;

/** The operations of the document, with their schemas resolved. */
export function operationsOf(doc: OpenAPIObject): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) => resolve(doc, p) as ParameterObject);
      const content = op.requestBody ? (resolve(doc, op.requestBody) as { content: Record<string, { schema?: Schema }> }).content : {};
      const json = content['application/json']?.schema;
      const multipart = content['multipart/form-data']?.schema;
      const body = multipart ? { type: 'multipart' as const, schema: deref(doc, multipart) } : json ? { type: 'json' as const, schema: deref(doc, json) } : undefined;
      out.push({
        key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, body,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query'),
      });
    }
  }
  return out;
}

function resolve(doc: OpenAPIObject, x: object): object {
  const ref = (x as ReferenceObject).$ref;
  if (!ref) return x;
  const target = ref.replace(/^#\//, '').split('/').reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, doc as unknown as Record<string, unknown>);
  return resolve(doc, target);
}

/** The schema with every $ref inlined (the document's DTOs nest but never recurse). */
export function deref(doc: OpenAPIObject, s: Schema): SchemaObject {
  const schema = resolve(doc, s) as SchemaObject;
  const out: SchemaObject = { ...schema };
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, deref(doc, v)]));
  if (schema.items) out.items = deref(doc, schema.items);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((x) => deref(doc, x)), { ...out, allOf: undefined });
  return out;
}

// ---- values -------------------------------------------------------------------------------------------------

/** `good`: what a careful client sends (the collectivity's own ids, the current version, dates near the session); `wild`: anything. */
export type Mode = 'good' | 'wild';

const UNICODE = ['', ' ', 'é', 'Délibération n° 1 — « test »', '\u202Eevil', 'a\u0000b', '\ud800', '🏛️👩‍⚖️', 'ﷺ', 'İı', 'x\r\ny', '\t', '<script>alert(1)</script>', "'; DROP TABLE item; --", '%s%n', '../../etc/passwd', '{{x}}', '${x}'];
const BAD_DATES = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '0000-01-01', '10000-01-01', '2024-3-1', 'now', '', '2024-03-11T25:00:00Z', '2024-03-11T18:30:60+01:00', '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', '2024-03-11T18:30:00+25:00', '1e9', '2024-03-11 18:30'];
const EDGE_NUMBERS = [-1, 0, -0, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 5e-324, 1e21];
const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'prototype', 'id', 'collectivityId', 'version', 'toString', 'hasOwnProperty', 'isAdmin', 'status'];

export const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
);
const words = fc.oneof(fc.constantFrom('Budget primitif', 'Salle du conseil', 'intéressé à l’affaire', 'Marie Dupont', 'Éclairage public'), fc.string({ minLength: 1, maxLength: 20 }).filter((x) => x.trim().length > 0));
const dateOnly = fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const near = fc.constantFrom('2024-03-04', '2024-03-11', '2024-03-12', '2024-03-18', '2024-04-08', '2020-01-01', '2019-09-30');
const nearTime = fc.constantFrom('2024-03-11T18:30:00+01:00', '2024-03-18T18:30:00+01:00', '2024-04-15T19:00:00+02:00', '2024-05-13T18:00:00+02:00');
const dateTime = fc.oneof(
  nearTime,
  fc.constantFrom('2024-03-31T02:30:00+01:00', '2024-03-11T18:30:00Z', '2024-03-11T18:30'),
  fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const smallInt = fc.integer({ min: -2, max: 12 });
const anyNumber = fc.oneof({ weight: 6, arbitrary: smallInt }, { weight: 1, arbitrary: fc.constantFrom(...EDGE_NUMBERS) }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) });
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const junk = fc.jsonValue({ maxDepth: 2 });
const either = (good: fc.Arbitrary<unknown>, wild: fc.Arbitrary<unknown>) => ({ good, wild: fc.oneof({ weight: 2, arbitrary: good }, { weight: 1, arbitrary: wild }) });

/** An id: the collectivity's own; when wild, sometimes another's, a fresh uuid or not a uuid at all. */
export const idOf = (pool: Pool, mode: Mode = 'wild') => mode === 'good' ? fc.nat().map((n) => new Pick(pool, n)) : fc.oneof(
  { weight: 10, arbitrary: fc.nat().map((n) => new Pick(pool, n)) },
  { weight: 2, arbitrary: fc.nat().map((n) => new Pick(pool, n, true)) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: fc.constantFrom('abc', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '1', '', 'null', '%', '..', 'x'.repeat(300), '12345678-1234-1234-1234-1234567890ab ') },
);

const ID_FIELDS: [RegExp, Pool][] = [
  [/^(memberId|giverId|holderId|voterId|onBehalfOfId|presidentId|rapporteurId|titulaireId|replacesMemberId|requestedBy|secretaryIds)$/, 'member'],
  [/^bodyId$/, 'body'],
  [/^(sessionId|adoptedAtSessionId|firstConvocationSessionId|followingSessionIds)$/, 'session'],
  [/^(fromItemId|untilItemId|carriedFromItemId|rectifiesItemId)$/, 'item'],
  [/^collectivityId$/, 'collectivity'],
];

const RNE_HEADER = "Code du département;Libellé du département;Code de la collectivité à statut particulier;Libellé de la collectivité à statut particulier;Code de la commune;Libellé de la commune;Nom de l'élu;Prénom de l'élu;Code sexe;Date de naissance;Code de la catégorie socio-professionnelle;Libellé de la catégorie socio-professionnelle;Date de début du mandat;Libellé de la fonction;Date de début de la fonction;Code nationalité";
const RNE_LINES = ['62;Pas-de-Calais;;;62999;Inventé-sur-Aa;DUPONT;Jeanne;F;22/07/1967;23;Profession inventée;23/05/2020;Maire;23/05/2020;FR', '62;Pas-de-Calais;;;62999;Inventé-sur-Aa;MARTIN;Paul;M;02/04/1961;23;Profession inventée;23/05/2020;1er adjoint au maire;23/05/2020;FR'];

/** Strings a field's name asks for (the document says "string"; the rules want a SIREN, a pattern, a time zone...). */
const NAMED: Record<string, { good: fc.Arbitrary<unknown>; wild: fc.Arbitrary<unknown> }> = {
  email: either(fc.nat(99999).map((n) => `fuzz-${n}@registre.test`), fc.oneof(fc.emailAddress(), fc.constantFrom('x', 'a@b', 'ADMIN@EXAMPLE.FR', ' spaced@example.fr ', 'é@é.fr'))),
  siren: either(fc.stringMatching(/^[1-9]\d{8}$/), fc.constantFrom('246200364', '12345678', 'abcdefghi')),
  departementCode: either(fc.constantFrom('62', '974', '2A', '987'), fc.constantFrom('976', '00', '999', 'ZZ')),
  timeZone: either(fc.constantFrom('Europe/Paris', 'Indian/Reunion', 'Pacific/Marquesas', 'America/Cayenne'), fc.constantFrom('UTC', 'Mars/Olympus', 'Etc/GMT+12', 'europe/paris')),
  numberPattern: either(fc.constantFrom('{yy}-{mm}-{seq}', '{yyyy}/{seq:3}', '{body}-{yy}-{seq}', '{yy}{mm}{dd}-{seq}'), fc.constantFrom('{x}', '{seq:99}', 'A{seq}', '{seq}{seq}', '{dd}', '{seq:0}')),
  matiereCode: either(fc.constantFrom('7.1', '1.1', '5.2', '8.4.1'), fc.constantFrom('9.9.9.9.9.9', '0', '7.', 'x.y')),
  rectifiesNumber: either(fc.constantFrom('24-03-001', '2026-001'), text),
  number: either(fc.nat(99999).map((n) => `F-${n}`), fc.constantFrom('DEL2024-1', '24-03-001', '2024/009', '19-09-107', '2026-001', '', 'x'.repeat(31))),
  atTime: either(fc.constantFrom('19:07', '00:00', '23:59', '18:45'), fc.constantFrom('24:00', '7:5', '19h07', '25:61')),
  digest: either(hex64, text),
  sha256: either(hex64, text),
  acteId: either(fc.constantFrom('062-246200364-20240311-24_03_001-DE'), fc.constantFrom('x', '')),
  unitCode: either(fc.constantFrom('62999'), fc.constantFrom('246200364', '00000', '')),
  csv: either(
    fc.constantFrom(`${RNE_HEADER}\n${RNE_LINES.join('\n')}\n`, `${RNE_HEADER}\n${RNE_LINES[0]}\n`),
    fc.constantFrom('a;b;c\n1;2;3\n', '', ';;;;\n\n', '"unterminated\n', `${RNE_HEADER}\n62;;;;;;;;X;31/02/1960;;;;;;\n`, `${RNE_HEADER}\n${RNE_LINES[0]};extra\n`),
  ),
  source: either(
    fc.constantFrom('{{collectivity.name}}', 'Texte simple', '{{#if x}}a{{/if}}'),
    fc.constantFrom('{{#each items}}{{object}}{{/each}}', '{{> header}}', '{{nope}}', '{{#if x}}', '{{{raw}}}', '{{lookup this "constructor"}}', '{{constructor.constructor "return 1"}}', ''),
  ),
};

/** A value for a schema; `name` is the property's, for the hints above. */
export function valueOf(s: SchemaObject, name: string, mode: Mode): fc.Arbitrary<unknown> {
  const base = plainValueOf(s, name, mode);
  return s.nullable ? fc.oneof({ weight: 4, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function plainValueOf(s: SchemaObject, name: string, mode: Mode): fc.Arbitrary<unknown> {
  const wild = mode === 'wild';
  if (name === 'version') return wild ? fc.oneof({ weight: 4, arbitrary: fc.constant(new Current('version')) }, { weight: 1, arbitrary: anyNumber }) : fc.constant(new Current('version'));
  if (name === 'gestureId') return wild ? fc.oneof(fc.constant(new Current('gesture')), idOf('proxy')) : fc.constant(new Current('gesture'));
  const pool = ID_FIELDS.find(([re]) => re.test(name))?.[1];
  if (pool) return s.type === 'array' ? fc.array(idOf(pool, mode), { maxLength: wild ? 5 : 3 }) : idOf(pool, mode);
  if (s.enum) return wild ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(s.enum as unknown[])) }, { weight: 1, arbitrary: text }) : fc.constantFrom(...(s.enum as unknown[]));
  if (NAMED[name]) return NAMED[name][mode];
  if (name === 'customRules') return customRules;
  const example = s.example !== undefined ? [{ weight: 2, arbitrary: fc.constant(s.example as unknown) }] : [];
  // The document says "object" for a nullable date or number and nothing for a query's number: the name, the
  // example and the bounds tell what is meant.
  const type = s.type === 'object' && !s.properties && typeof s.example === 'number' ? 'number'
    : !s.type && (s.minimum !== undefined || s.maximum !== undefined || typeof s.default === 'number') ? 'number'
      : s.type;
  if (type !== 'number' && type !== 'boolean' && type !== 'array' && !s.properties && /(Date|On|At)$|^date$/.test(name)) {
    const day = name === 'startsAt' ? (wild ? dateTime : nearTime) : wild ? fc.oneof(near, dateOnly) : near;
    return wild ? fc.oneof({ weight: 3, arbitrary: day }, { weight: 1, arbitrary: fc.constantFrom(...BAD_DATES) }) : day;
  }
  switch (type) {
    case 'object':
      if (!s.properties) return fc.oneof(...example, { weight: 2, arbitrary: wild ? text : words }, { weight: 1, arbitrary: wild ? junk : fc.nat(5000) });
      return objectOf(s, mode);
    case 'array':
      return fc.array(valueOf(s.items as SchemaObject, name, mode), { minLength: wild ? 0 : 1, maxLength: /^(entries|ballots|names)$/.test(name) ? 12 : wild ? 4 : 2 });
    case 'number':
    case 'integer': {
      const range = fc.integer({ min: Math.max(s.minimum ?? 0, 0), max: s.maximum ?? Math.max(s.minimum ?? 0, 0) + 10 });
      return wild ? fc.oneof({ weight: 2, arbitrary: range }, { weight: 1, arbitrary: anyNumber }) : range;
    }
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof(...example, { weight: 3, arbitrary: wild ? text : words });
  }
}

/** The properties of an object: every required one and some of the others (fewer when good, so they rarely clash). */
function objectOf(s: SchemaObject, mode: Mode): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {}).filter(([, p]) => (p as SchemaObject).format !== 'binary');
  const required = new Set(s.required ?? []);
  const absent = mode === 'good' ? 2 : 1;
  const entries = props.map(([k, p]) => {
    const v = valueOf(p as SchemaObject, k, mode).map((x) => [k, x] as [string, unknown]);
    return required.has(k) ? v : fc.oneof({ weight: absent, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: v });
  });
  return fc.tuple(...entries).map((kv) => Object.fromEntries(kv.filter((e): e is [string, unknown] => e !== null)));
}

const fraction = fc.record({ num: fc.integer({ min: -1, max: 4 }), den: fc.integer({ min: -1, max: 6 }) });
/** A custom profile's thresholds (RuleSettings of src/domain/types.ts), which the document leaves as "object". */
const customRules = fc.record({
  quorum: fc.record({ num: fc.integer({ min: -1, max: 4 }), den: fc.integer({ min: -1, max: 6 }), strict: fc.boolean(), basis: fc.constantFrom('present', 'present_or_represented', 'x') }, { requiredKeys: [] }),
  maxProxiesPerHolder: smallInt,
  maxConsecutiveSessionsPerProxy: smallInt,
  suppleants: fc.boolean(),
  secondConvocationWaivesQuorum: fc.boolean(),
  castingVote: fc.boolean(),
  publicVoteFraction: fraction,
  secretVoteFraction: fraction,
  illnessExtendsProxy: fc.oneof(fc.boolean(), junk),
}, { requiredKeys: [] });

// ---- mutations ----------------------------------------------------------------------------------------------

/** What a mutation puts in place of the node it picks (or around it). */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrong type'), at: fc.nat(), value: fc.constantFrom(null, true, false, 0, -1, 1.5, '', 'x', '1', 'true', [], {}, [null], ['x'], { a: 1 }) }),
  fc.record({ kind: fc.constant('missing'), at: fc.nat(), value: fc.constant(undefined) }),
  fc.record({ kind: fc.constant('extra field'), at: fc.nat(), value: fc.tuple(fc.constantFrom(...EXTRA_KEYS), junk) }),
  fc.record({ kind: fc.constant('__proto__'), at: fc.nat(), value: fc.constantFrom({ polluted: true }, { toString: 1 }, [], 'x', null) }),
  fc.record({ kind: fc.constant('huge'), at: fc.nat(), value: fc.tuple(fc.constantFrom(256, 1001, 5000, 70_000, 250_000), fc.constantFrom('x', 'é', '🏛', '\u0000', '{')) }),
  fc.record({ kind: fc.constant('huge array'), at: fc.nat(), value: fc.constantFrom(300, 5000, 60_000) }),
  fc.record({ kind: fc.constant('nested'), at: fc.nat(), value: fc.constantFrom('array', 'object', 'deep') }),
  fc.record({ kind: fc.constant('number'), at: fc.nat(), value: fc.constantFrom(...EDGE_NUMBERS) }),
  fc.record({ kind: fc.constant('bad date'), at: fc.nat(), value: fc.constantFrom(...BAD_DATES) }),
  fc.record({ kind: fc.constant('unicode'), at: fc.nat(), value: fc.constantFrom(...UNICODE) }),
  fc.record({ kind: fc.constant('id case'), at: fc.nat(), value: fc.constantFrom('upper', 'braces', 'space') }),
);

type Path = (string | number)[];

/** The nodes a mutation may pick, depth first; the first ten thousand of a huge body are enough. */
function nodes(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (out.length >= 10_000) return out;
  out.push(path);
  if (v !== null && typeof v === 'object') for (const [k, c] of Object.entries(v)) nodes(c, [...path, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

const clone = (v: unknown): unknown => (v === null || typeof v !== 'object' ? v : Array.isArray(v) ? [...v] : Object.defineProperties({}, Object.getOwnPropertyDescriptors(v)));

/** Replaces the node at `path` (or removes it: `undefined`), copying what lies above so the original stays intact. */
function setAt(root: unknown, path: Path, f: (node: unknown) => unknown): unknown {
  if (path.length === 0) return f(root);
  const copy = clone(root) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  const next = setAt(copy[head], rest, f);
  if (next === undefined && !Array.isArray(copy)) delete copy[head];
  else own(copy, head, next);
  return copy;
}

/** An own property, even one named __proto__ (an assignment would set the prototype instead). */
const own = (o: object, key: string | number, value: unknown) => Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Applies the mutation to a resolved JSON body. */
export function mutate(body: unknown, m: Mutation): unknown {
  const all = nodes(body);
  const at = all[m.at % all.length];
  return setAt(body, at, (node) => {
    switch (m.kind) {
      case 'missing': return at.length ? undefined : {};
      case 'extra field': {
        const [key, value] = m.value as [string, unknown];
        return isObject(node) ? own(clone(node) as object, key, value) : node;
      }
      case '__proto__':
        return isObject(node) ? own(clone(node) as object, '__proto__', m.value) : m.value;
      case 'huge': {
        const [n, c] = m.value as [number, string];
        return c.repeat(Math.ceil(n / c.length));
      }
      case 'huge array': {
        const first = Array.isArray(node) && node.length ? node[0] : node;
        // Copies of a small element only: the body stays near the 1 MB limit, not past what a string can hold.
        const one = (JSON.stringify(first) ?? '').length <= 200 ? first : 'x';
        return Array.from({ length: m.value as number }, () => one);
      }
      case 'nested':
        if (m.value === 'array') return [node];
        if (m.value === 'object') return { value: node };
        return Array.from({ length: 40 }).reduce<unknown>((inner) => [inner], node);
      case 'id case':
        if (typeof node !== 'string' || !UUID.test(node)) return node;
        return m.value === 'upper' ? node.toUpperCase() : m.value === 'braces' ? `{${node}}` : ` ${node}`;
      default: return m.value;
    }
  });
}

// ---- requests -----------------------------------------------------------------------------------------------

const POOL_OF_PARAM: Record<string, Pool> = { cid: 'collectivity', sid: 'session', iid: 'item', mid: 'member', bid: 'body', pid: 'proxy', lid: 'link', tid: 'token', name: 'template', code: 'code' };

const rawBodies = fc.constantFrom(
  { kind: 'raw' as const, type: 'application/json', text: '{"a":' },
  { kind: 'raw' as const, type: 'application/json', text: '' },
  { kind: 'raw' as const, type: 'application/json', text: 'null' },
  { kind: 'raw' as const, type: 'application/json', text: '[1,2,3]' },
  { kind: 'raw' as const, type: 'application/json', text: '"text"' },
  { kind: 'raw' as const, type: 'application/json', text: '{"a":1,"a":2}' },
  { kind: 'raw' as const, type: 'application/json', text: '\uFEFF{}' },
  { kind: 'raw' as const, type: 'text/plain', text: '{}' },
  { kind: 'raw' as const, type: 'application/x-www-form-urlencoded', text: 'a=1&b[c]=2' },
  { kind: 'raw' as const, type: 'application/json; charset=latin1', text: '{}' },
);

const fileKind = fc.constantFrom<FileKind>('pdf', 'pdf', 'truncated pdf', 'header only', 'not a pdf', 'empty');

/** One request for the operation: parameters and body valid-ish (weight 9), mutated (weight 9), or chaos (weight 2). */
export function requestOf(op: Operation): fc.Arbitrary<Plan> {
  const path = (mode: Mode) => fc.record(Object.fromEntries(op.pathParams.map((p) => [p, paramOf(op, p, mode)]))) as fc.Arbitrary<Record<string, Pick | string>>;
  const extra = (mode: Mode) => (mode === 'good' ? fc.constant(null) : fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...EXTRA_KEYS), text) }));
  const query = (mode: Mode) => fc.tuple(...op.query.map((q) => queryOf(q, mode)), extra(mode)).map((pairs) => pairs.filter((p): p is [string, unknown] => p !== null));
  const body = (mode: Mode): fc.Arbitrary<Body> => !op.body
    ? (mode === 'good' ? fc.constant({ kind: 'none' as const }) : fc.oneof({ weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 1, arbitrary: junk.map((value) => ({ kind: 'json' as const, value })) }))
    : op.body.type === 'multipart'
      ? fc.tuple(objectOf(op.body.schema, mode), mode === 'good' ? fc.constant<FileKind>('pdf') : fc.option(fileKind, { nil: undefined, freq: 5 }))
        .map(([fields, file]) => ({ kind: 'multipart' as const, fields: Object.entries(fields), file }))
      : mode === 'good'
        ? objectOf(op.body.schema, mode).map((value) => ({ kind: 'json' as const, value }))
        : fc.oneof({ weight: 6, arbitrary: objectOf(op.body.schema, mode).map((value) => ({ kind: 'json' as const, value })) }, { weight: 1, arbitrary: fc.oneof(rawBodies, junk.map((value) => ({ kind: 'json' as const, value }))) });
  const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });
  const none = fc.constant([] as Mutation[]);
  const plan = (mode: Mode, m: fc.Arbitrary<Mutation[]>) => fc.record({ path: path(mode), query: query(mode), body: body(mode), mutations: m }).map((r) => ({ op, mode, ...r }));
  // Good requests reach the rules; a good request with one to three mutations finds the field whose check is missing.
  return fc.oneof({ weight: 4, arbitrary: plan('good', none) }, { weight: 4, arbitrary: plan('good', mutations) }, { weight: 2, arbitrary: plan('wild', fc.oneof(none, mutations)) });
}

function paramOf(op: Operation, name: string, mode: Mode): fc.Arbitrary<Pick | string> {
  const pool = name === 'aid' ? (op.path.includes('/accounts/') ? 'account' : 'annex') : POOL_OF_PARAM[name];
  if (!pool) throw new Error(`no pool for the path parameter ${name} of ${op.key}`);
  const own = fc.nat().map((n) => new Pick(pool, n));
  if (mode === 'good') return own;
  if (name === 'cid') return fc.oneof({ weight: 8, arbitrary: own }, { weight: 1, arbitrary: idOf('collectivity') as fc.Arbitrary<Pick | string> });
  if (name === 'name' || name === 'code') {
    return fc.oneof({ weight: 3, arbitrary: own }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'partials', 'partials/../extract', 'x'.repeat(300), '%00', 'é') });
  }
  return idOf(pool) as fc.Arbitrary<Pick | string>;
}

function queryOf(q: ParameterObject, mode: Mode): fc.Arbitrary<[string, unknown] | null> {
  const schema = (q.schema ?? {}) as SchemaObject;
  const good = valueOf(schema, q.name, 'good');
  if (mode === 'good') return q.required ? good.map((v) => [q.name, v] as [string, unknown]) : fc.option(good.map((v) => [q.name, v] as [string, unknown]), { nil: null, freq: 2 });
  const value = fc.oneof(
    { weight: 6, arbitrary: good },
    { weight: 1, arbitrary: fc.tuple(good, good) },
    { weight: 1, arbitrary: fc.constantFrom('', 'abc', '-1', '1e3', '0x10', '1.5', 'true', ' 1', 'x'.repeat(5000), '%', 'null') },
  );
  return q.required
    ? fc.oneof({ weight: 8, arbitrary: value.map((v) => [q.name, v] as [string, unknown]) }, { weight: 1, arbitrary: fc.constant(null) })
    : fc.option(value.map((v) => [q.name, v] as [string, unknown]), { nil: null, freq: 2 });
}

// Review: random bodies, made of each endpoint's own fields holding plausible values, nulls and garbage, on the
// endpoints the fuzz of bad-input.e2e-spec.ts does not cover: never a 500.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { api, buildWorld, ok, World } from './setup/factory';
import { bootTestApp, TestApp } from './setup/test-app';

let t: TestApp;
let w: World;
beforeAll(async () => { t = await bootTestApp(); w = await buildWorld(t, { members: 11, attendance: [...Array(8).fill('present'), 'excused', 'excused', 'excused'] }); });
afterAll(() => t.close());

const anything = fc.jsonValue({ maxDepth: 3 });
const garbage = fc.oneof(anything, fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.constant(''), fc.constant('2024-02-30'));
const rec = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fc.oneof({ arbitrary: v, weight: 4 }, { arbitrary: garbage, weight: 1 })])), { requiredKeys: [] });
const member = () => fc.constantFrom(...w.m, randomUUID());
const item = () => fc.constantFrom(...w.items, randomUUID());
const date = fc.constantFrom('2024-03-01', '2024-03-11', '2030-01-01', '1900-01-01', '9999-12-31', '0001-01-01');
const int = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.integer(), fc.constant(2 ** 31), fc.constant(1e300));

it('ten more endpoints: 100 random bodies each, never a 500', async () => {
  const version = async (path: string) => ok(await t.http.get(path)).body.version;
  const endpoints: [string, 'post' | 'put' | 'patch', () => string, fc.Arbitrary<any>, (() => Promise<object>)?][] = [
    ['patch session', 'patch', () => api(w).session, rec({ startsAt: fc.constantFrom('2024-03-11T18:30:00+01:00', '9999-12-31T23:59:59+14:00', '0001-01-01T00:00:00Z', '2024-03-31T02:30:00+01:00'), place: fc.string(), convocationDate: date, secondConvocation: fc.boolean(), firstConvocationSessionId: fc.constantFrom(w.sessionId, randomUUID()), presidentId: member(), secretaryIds: fc.array(member(), { maxLength: 3 }) }), async () => ({ version: await version(api(w).session) })],
    ['patch item', 'patch', () => api(w).item(w.items[1]), rec({ object: fc.string(), rapporteurId: member(), presidentId: member(), actesNature: fc.constantFrom('DE', 'XX'), matiereCode: fc.constantFrom('1.1', '9.9.9.9.9', '0.1'), status: fc.constantFrom('draft', 'withdrawn', 'adjourned', 'voted'), transmittedAt: date, publishedAt: date, acteId: fc.string() }), async () => ({ version: await version(api(w).item(w.items[1])) })],
    ['put attendance', 'put', () => api(w).attendance, rec({ entries: fc.array(rec({ memberId: member(), status: fc.constantFrom('present', 'excused', 'absent'), replacesMemberId: member() }), { maxLength: 5 }) }), async () => ({ version: await version(api(w).session) })],
    ['post item', 'post', () => api(w).items, rec({ object: fc.string(), position: int, seq: int, rapporteurId: member(), presidentId: member(), actesNature: fc.constantFrom('DE', 'BF'), matiereCode: fc.constantFrom('1.1', '7'), reasonsMd: fc.string(), decisionMd: fc.string() })],
    ['election', 'post', () => `${w.base}/items/${w.items[2]}/election`, rec({ office: fc.string(), candidates: fc.array(rec({ memberId: member(), name: fc.string(), birthDate: date }), { maxLength: 3 }), rounds: fc.array(rec({ round: int, voters: int, blank: int, void: int, votes: fc.array(rec({ candidate: int, votes: int }), { maxLength: 3 }) }), { maxLength: 3 }) })],
    ['recusal', 'post', () => `${w.base}/items/${w.items[2]}/recusals`, rec({ memberId: member(), reason: fc.string() })],
    ['member', 'post', () => `${w.base}/members`, rec({ civility: fc.constantFrom('M.', 'Mme'), firstName: fc.string(), lastName: fc.string(), birthDate: date, memberships: fc.array(rec({ bodyId: fc.constantFrom(w.bodyId, randomUUID()), seat: fc.constantFrom('titulaire', 'suppleant'), titulaireId: member(), title: fc.string(), startDate: date, endDate: date }), { maxLength: 3 }) })],
    ['body', 'post', () => `${w.base}/bodies`, rec({ kind: fc.constantFrom('conseil', 'bureau'), name: fc.string(), code: fc.string(), ruleProfile: fc.constantFrom('commune', 'custom', 'epci'), customRules: fc.oneof(anything, fc.record({ quorum: anything, maxProxiesPerHolder: int })), numberPattern: fc.constantFrom('{yy}-{seq}', '{seq:99}', '{x}', 'A{seq}') })],
    ['revocation', 'post', () => `${w.base}/proxies/${randomUUID()}/revocation`, rec({ sessionId: fc.constantFrom(w.sessionId, randomUUID()), fromItemId: item() })],
    ['session', 'post', () => `${w.base}/sessions`, rec({ bodyId: fc.constantFrom(w.bodyId, randomUUID()), startsAt: fc.constantFrom('2024-03-11T18:30:00+01:00', '9999-12-31T23:59:59-14:00', '0001-01-01T00:00:00Z', '1000-01-01T00:00:00Z'), place: fc.string(), convocationDate: date, secondConvocation: fc.boolean(), firstConvocationSessionId: fc.constantFrom(w.sessionId, randomUUID()), presidentId: member(), secretaryIds: fc.array(member(), { maxLength: 3 }) })],
  ];
  const fails: string[] = [];
  for (const [name, method, path, arb, extra] of endpoints) {
    await fc.assert(fc.asyncProperty(arb, async (b) => {
      const body = { ...(extra ? await extra() : {}), ...(b && typeof b === 'object' && !Array.isArray(b) ? b : {}) };
      const res = await t.http[method](path()).send(body);
      if (res.status >= 500) fails.push(`${name} ${JSON.stringify(body).slice(0, 300)} -> ${JSON.stringify(res.body)}`);
      return true;
    }), { numRuns: 100 });
  }
  expect(fails).toEqual([]);
}, 120000);

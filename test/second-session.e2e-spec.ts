// The second demo session (14 October 2019, src/database/seed/second-session.seed.ts), read back through
// the state API: what the reference extract lacks, item by item, as each extract will print it.
// Read-only: it checks the seeded demo, it creates nothing.
import { bootTestApp, demoCollectivityId, TestApp } from './setup/test-app';
import { ok } from './setup/factory';

interface Ref { id: string; lastName: string; firstName: string }
const names = (list: { member: Ref }[]) => list.map((e) => e.member.lastName).sort();
const find = (list: { member: Ref }[], lastName: string): any => list.find((e) => e.member.lastName === lastName);

let t: TestApp;
let cid: string;
let session: any;
/** states[k] is the computed state of item k + 1. */
let states: any[];

beforeAll(async () => {
  t = await bootTestApp();
  cid = await demoCollectivityId(t);
  const list = ok(await t.http.get(`/api/collectivities/${cid}/sessions`)).body.items;
  const found = list.find((s: { startsAt: string }) => s.startsAt === '2019-10-14T16:30:00.000Z');
  if (!found) throw new Error('second demo session (14 October 2019, 18:30) not seeded');
  session = ok(await t.http.get(`/api/collectivities/${cid}/sessions/${found.id}`)).body;
  states = [];
  for (const item of session.items) states.push(ok(await t.http.get(`/api/collectivities/${cid}/items/${item.id}/state`)).body);
});
afterAll(() => t.close());

describe('second demo session, 14 October 2019', () => {
  it('is closed, with six voted items in order, under LEROY with FOURNIER as secretary', () => {
    expect(session).toMatchObject({ status: 'closed', localDate: '2019-10-14', localTime: '18:30', convocationDate: '2019-10-04' });
    expect(states.map((s) => [s.item.position, s.item.status])).toEqual([1, 2, 3, 4, 5, 6].map((p) => [p, 'voted']));
    expect(states[0].session.president.lastName).toBe('LEROY');
    expect(states[0].session.secretaries.map((s: Ref) => `${s.firstName} ${s.lastName}`)).toEqual(['Anne FOURNIER']);
  });

  it('opens with 42 titulaires and one suppléante present, 3 proxies, 5 excused and 2 absent', () => {
    const a = states[0].attendance;
    expect(a).toMatchObject({ inOffice: 49, presentTitulaires: 42, presentSuppleants: 1, voters: 46 });
    expect(a.present).toHaveLength(43);
    expect(a.quorum).toMatchObject({ needed: 25, counted: 43, met: true });
    expect(a.represented.map((r: any) => `${r.giver.lastName}>${r.holder.lastName}`).sort()).toEqual(['DE JONGHE>DELATTRE', 'DENUNCQ>LEROY', 'MAGERE>DEGREMONT']);
    expect(names(a.excused)).toEqual(['BRUGGEMAN', 'DE JONGHE', 'DENUNCQ', 'DUWAT', 'MAGERE']);
    expect(names(a.absent)).toEqual(['GARENAUX', 'POULAIN']);
  });

  it('POULAIN arrives at item 3: absent at items 1 and 2, present from item 3 with arrivedAt', () => {
    for (const s of states.slice(0, 2)) {
      expect(find(s.attendance.present, 'POULAIN')).toBeUndefined();
      expect(find(s.attendance.absent, 'POULAIN')).toMatchObject({ proxyTo: null, leftAt: null });
    }
    for (const s of states.slice(2)) {
      expect(find(s.attendance.present, 'POULAIN')).toMatchObject({ arrivedAt: 3, seat: 'titulaire' });
      expect(find(s.attendance.absent, 'POULAIN')).toBeUndefined();
    }
    expect(states[2].changesHere).toEqual([{ member: expect.objectContaining({ lastName: 'POULAIN' }), kind: 'arrival', atTime: '19:07' }]);
    expect(states[2].attendance.present).toHaveLength(44);
  });

  it('SAGNIER leaves from item 4 and his proxy to BEE applies from item 4, not before', () => {
    for (const s of states.slice(0, 3)) {
      expect(find(s.attendance.present, 'SAGNIER')).toBeDefined();
      expect(s.attendance.represented.map((r: any) => r.giver.lastName)).not.toContain('SAGNIER');
      expect(find(s.attendance.present, 'BEE').holdsProxyOf).toEqual([]);
    }
    for (const s of states.slice(3)) {
      expect(find(s.attendance.present, 'SAGNIER')).toBeUndefined();
      expect(find(s.attendance.excused, 'SAGNIER')).toMatchObject({ leftAt: 4, proxyTo: expect.objectContaining({ lastName: 'BEE' }) });
      expect(s.attendance.represented.filter((r: any) => r.giver.lastName === 'SAGNIER').map((r: any) => r.holder.lastName)).toEqual(['BEE']);
      expect(find(s.attendance.present, 'BEE').holdsProxyOf.map((g: Ref) => g.lastName)).toEqual(['SAGNIER']);
      expect(s.attendance).toMatchObject({ present: expect.any(Array), voters: 47 });
      expect(s.attendance.present).toHaveLength(43);
      expect(s.attendance.represented).toHaveLength(4);
    }
    expect(states[3].changesHere).toEqual([{ member: expect.objectContaining({ lastName: 'SAGNIER' }), kind: 'departure', atTime: null }]);
  });

  it('LAMOTTE sits for DUWAT at every item: one suppléante present, DUWAT excused and replaced', () => {
    for (const s of states) {
      expect(s.attendance.presentSuppleants).toBe(1);
      expect(find(s.attendance.present, 'LAMOTTE')).toMatchObject({ seat: 'suppleant', replaces: expect.objectContaining({ lastName: 'DUWAT' }) });
      expect(find(s.attendance.excused, 'DUWAT')).toMatchObject({ proxyTo: null, replacedBy: expect.objectContaining({ lastName: 'LAMOTTE' }) });
    }
  });

  it('WALLET does not take part in item 3: one voter less there, and only there', () => {
    const votersOf = (s: any) => s.attendance.present.length + s.attendance.represented.length;
    const s3 = states[2];
    expect(s3.attendance.notTakingPart.map((n: any) => [n.member.lastName, n.reason])).toEqual([['WALLET', expect.stringContaining('L2131-11')]]);
    expect(find(s3.attendance.present, 'WALLET')).toBeDefined();
    expect(s3.attendance.voters).toBe(votersOf(s3) - 1);
    expect(s3.attendance.voters).toBe(46);
    expect(s3.vote).toMatchObject({ notTakingPart: 1, pour: 46, contre: 0, abstention: 0, unanimous: true });
    for (const s of [states[1], states[3]]) {
      expect(s.attendance.notTakingPart).toEqual([]);
      expect(s.attendance.voters).toBe(votersOf(s));
    }
  });

  it('item 4 is a roll call with named contre and abstentions, and BEE casting SAGNIER\'s ballot', () => {
    const v = states[3].vote;
    expect(v).toMatchObject({ mode: 'roll_call', pour: 42, contre: 3, abstention: 2, cast: 45, outcome: 'adopted', unanimous: false, castingVote: false });
    expect(v.pour + v.contre + v.abstention).toBe(states[3].attendance.voters);
    expect(v.wording).toMatch(/42 voix pour, 3 voix contre et 2 abstentions/);
    expect(v.named.contre.map((n: any) => n.member.lastName)).toEqual(['GARDIN', 'LHEUREUX', 'TELLIER']);
    expect(v.named.abstention.map((n: any) => n.member.lastName)).toEqual(['BACQUET', 'CORDIER']);
    expect(v.named.pour).toHaveLength(42);
    expect(v.named.pour.find((n: any) => n.member.lastName === 'SAGNIER')).toMatchObject({ castBy: expect.objectContaining({ lastName: 'BEE' }) });
    expect(v.named.pour.find((n: any) => n.member.lastName === 'BEE')).toMatchObject({ castBy: null });
    expect([...v.named.pour, ...v.named.contre, ...v.named.abstention].filter((n: any) => n.castBy).map((n: any) => n.member.lastName).sort())
      .toEqual(['DE JONGHE', 'DENUNCQ', 'MAGERE', 'SAGNIER']);
  });

  it('item 5 is a tie decided by the president\'s casting vote', () => {
    const v = states[4].vote;
    expect(v.pour).toBe(v.contre);
    expect(v).toMatchObject({ mode: 'show_of_hands', pour: 20, contre: 20, abstention: 7, outcome: 'adopted', castingVote: true, unanimous: false });
    expect(v.wording).toMatch(/voix du président étant prépondérante/);
  });

  it('item 6 is a secret election over two rounds with blank ballots; Anne FOURNIER is elected at the second', () => {
    const e = states[5].election;
    expect(states[5].vote).toBeNull();
    expect(e.candidates.map((c: any) => c.name)).toEqual(['Mme Anne FOURNIER', 'M. Alain CLABAUT', 'M. Michel WAVRANT']);
    const [r1, r2] = e.rounds;
    expect(e.rounds).toHaveLength(2);
    expect(r1).toMatchObject({ round: 1, voters: 47, blank: 3, void: 1, cast: 43, absoluteMajority: 22, electedId: null });
    expect(r1.votes.map((v: any) => v.votes)).toEqual([19, 17, 7]);
    const fournier = e.candidates[0].id;
    expect(r2).toMatchObject({ round: 2, voters: 47, blank: 2, void: 1, cast: 44, absoluteMajority: 23, electedId: fournier, decidedByAge: false });
    expect(r2.votes.find((v: any) => v.candidateId === fournier).votes).toBe(30);
    expect(e.electedId).toBe(fournier);
  });

  it('every item is exécutoire: sent and received on 17 and published on 18 October, with its ACTES identifier', () => {
    for (const s of states) {
      const internal = s.item.number.replace(/-/g, '_');
      expect(s.item.number).toMatch(/^19-10-\d+$/);
      expect(s.item).toMatchObject({ transmittedAt: '2019-10-17', receivedAt: '2019-10-17', publishedAt: '2019-10-18', acteId: `062-246200364-20191014-${internal}-DE` });
    }
    expect(new Set(states.map((s) => s.item.acteId)).size).toBe(6);
  });
});

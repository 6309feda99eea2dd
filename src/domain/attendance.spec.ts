import { computeAttendance, presentIdsAt, quorumSatisfied } from './attendance';
import { profileFor } from './rule-profiles';
import { buildContext, ContextSpec, member, suppleant } from './testing/context-builder';
import { AbsentEntry, ItemAttendanceState, PresentEntry } from './types';

const idsOf = (l: (PresentEntry | AbsentEntry)[]) => l.map((e) => e.member.id);
const FIVE = ['a', 'b', 'c', 'd', 'e'];

function summary(s: ItemAttendanceState) {
  return {
    present: idsOf(s.present),
    excused: idsOf(s.excused),
    absent: idsOf(s.absent),
    represented: s.represented.map((r) => `${r.giver.id}>${r.holder.id}`),
    voters: s.voters,
    quorum: `${s.quorum.counted}/${s.quorum.needed} ${s.quorum.met ? 'met' : 'not met'}`,
    ignored: s.ignoredProxies.map((i) => `${i.proxyId}: ${i.reason}`),
  };
}

describe('computeAttendance', () => {
  const cases: { name: string; spec: ContextSpec; expected: Partial<ReturnType<typeof summary>> }[] = [
    {
      name: 'opening statuses; a member without a row is absent',
      spec: { members: FIVE, present: ['a', 'b', 'c'], excused: ['d'] },
      expected: { present: ['a', 'b', 'c'], excused: ['d'], absent: ['e'], voters: 3, quorum: '3/3 met', represented: [] },
    },
    {
      name: 'a valid proxy adds a voter but not a quorum count (L2121-17)',
      spec: { members: FIVE, present: ['a', 'b', 'c'], excused: ['d'], proxies: [{ id: 'p1', giverId: 'd', holderId: 'a' }] },
      expected: { represented: ['d>a'], voters: 4, quorum: '3/3 met', ignored: [] },
    },
    {
      name: 'arrival from item 3: absent at item 2',
      spec: { members: FIVE, present: ['a', 'b'], changes: [{ memberId: 'c', kind: 'arrival', fromPosition: 3 }], position: 2 },
      expected: { present: ['a', 'b'], absent: ['c', 'd', 'e'], quorum: '2/3 not met' },
    },
    {
      name: 'arrival from item 3: present at item 3',
      spec: { members: FIVE, present: ['a', 'b'], changes: [{ memberId: 'c', kind: 'arrival', fromPosition: 3 }], position: 3 },
      expected: { present: ['a', 'b', 'c'], absent: ['d', 'e'], quorum: '3/3 met' },
    },
    {
      name: 'departure: the member is excused from that item on',
      spec: { members: FIVE, present: ['a', 'b', 'c'], changes: [{ memberId: 'b', kind: 'departure', fromPosition: 2 }], position: 2 },
      expected: { present: ['a', 'c'], excused: ['b'], absent: ['d', 'e'], quorum: '2/3 not met' },
    },
    {
      name: 'left and came back',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        changes: [
          { memberId: 'b', kind: 'arrival', fromPosition: 4 },
          { memberId: 'b', kind: 'departure', fromPosition: 2 },
        ],
        position: 4,
      },
      expected: { present: ['a', 'b', 'c'], voters: 3 },
    },
    {
      name: 'same position: departure then arrival in array order leaves him present',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        changes: [
          { memberId: 'b', kind: 'departure', fromPosition: 3 },
          { memberId: 'b', kind: 'arrival', fromPosition: 3 },
        ],
        position: 3,
      },
      expected: { present: ['a', 'b', 'c'] },
    },
    {
      name: 'same position: arrival then departure leaves him excused',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        changes: [
          { memberId: 'd', kind: 'arrival', fromPosition: 3 },
          { memberId: 'd', kind: 'departure', fromPosition: 3 },
        ],
        position: 3,
      },
      expected: { present: ['a', 'b', 'c'], excused: ['d'], absent: ['e'] },
    },
    {
      name: 'a proxy is void while its giver is present',
      spec: { members: FIVE, present: ['a', 'b', 'd'], proxies: [{ id: 'p1', giverId: 'd', holderId: 'a' }] },
      expected: { represented: [], voters: 3, ignored: ['p1: giver present'] },
    },
    {
      name: 'the holder uses the proxy only while present',
      spec: { members: FIVE, present: ['a', 'b', 'c'], proxies: [{ id: 'p1', giverId: 'd', holderId: 'e' }] },
      expected: { represented: [], voters: 3, ignored: ['p1: holder absent'] },
    },
    {
      name: 'a holder holds one proxy (L2121-20): the second is over the limit',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        proxies: [
          { id: 'p1', giverId: 'd', holderId: 'a' },
          { id: 'p2', giverId: 'e', holderId: 'a' },
        ],
      },
      expected: { represented: ['d>a'], voters: 4, ignored: ['p2: over holder limit'] },
    },
    {
      name: 'emergency rules (2021): two proxies per holder, quorum a third',
      spec: {
        members: FIVE,
        present: ['a', 'b'],
        date: '2021-01-15',
        proxies: [
          { id: 'p1', giverId: 'd', holderId: 'a' },
          { id: 'p2', giverId: 'e', holderId: 'a' },
        ],
      },
      expected: { represented: ['d>a', 'e>a'], voters: 4, ignored: [], quorum: '2/2 met' },
    },
    {
      name: 'proxy from item 3 does not apply at item 2',
      spec: { members: FIVE, present: ['a', 'b', 'c'], position: 2, proxies: [{ id: 'p1', giverId: 'd', holderId: 'a', fromPosition: 3 }] },
      expected: { represented: [], ignored: ['p1: outside its items'] },
    },
    {
      name: 'proxy until item 2 does not apply at item 3',
      spec: { members: FIVE, present: ['a', 'b', 'c'], position: 3, proxies: [{ id: 'p1', giverId: 'd', holderId: 'a', untilPosition: 2 }] },
      expected: { represented: [], ignored: ['p1: outside its items'] },
    },
    {
      name: 'proxy within its bounds applies',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        position: 3,
        proxies: [{ id: 'p1', giverId: 'd', holderId: 'a', fromPosition: 3, untilPosition: 3 }],
      },
      expected: { represented: ['d>a'], ignored: [] },
    },
    {
      name: 'revoked from item 2',
      spec: { members: FIVE, present: ['a', 'b', 'c'], position: 2, proxies: [{ id: 'p1', giverId: 'd', holderId: 'a', revokedFromPosition: 2 }] },
      expected: { represented: [], ignored: ['p1: revoked'] },
    },
    {
      name: 'revoked from item 2 still applies at item 1',
      spec: { members: FIVE, present: ['a', 'b', 'c'], position: 1, proxies: [{ id: 'p1', giverId: 'd', holderId: 'a', revokedFromPosition: 2 }] },
      expected: { represented: ['d>a'], ignored: [] },
    },
    {
      name: 'giver or holder not in office',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        proxies: [
          { id: 'p1', giverId: 'zz', holderId: 'a' },
          { id: 'p2', giverId: 'd', holderId: 'zz' },
        ],
      },
      expected: { represented: [], ignored: ['p1: giver not in office', 'p2: holder not in office'] },
    },
    {
      name: 'one giver is represented once',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        proxies: [
          { id: 'p1', giverId: 'd', holderId: 'a' },
          { id: 'p2', giverId: 'd', holderId: 'b' },
        ],
      },
      expected: { represented: ['d>a'], voters: 4, ignored: ['p2: giver already represented'] },
    },
    {
      name: 'proxy becomes usable when its holder arrives',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        position: 3,
        changes: [{ memberId: 'e', kind: 'arrival', fromPosition: 3 }],
        proxies: [{ id: 'p1', giverId: 'd', holderId: 'e' }],
      },
      expected: { represented: ['d>e'], voters: 5 },
    },
    {
      name: 'proxy is void once its giver arrives',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        position: 2,
        changes: [{ memberId: 'd', kind: 'arrival', fromPosition: 2 }],
        proxies: [{ id: 'p1', giverId: 'd', holderId: 'a' }],
      },
      expected: { represented: [], voters: 4, ignored: ['p1: giver present'] },
    },
    {
      name: 'a member leaving with a proxy from item 4 is represented from item 4',
      spec: {
        members: FIVE,
        present: ['a', 'b', 'c'],
        position: 4,
        changes: [{ memberId: 'c', kind: 'departure', fromPosition: 4 }],
        proxies: [{ id: 'p1', giverId: 'c', holderId: 'a', fromPosition: 4 }],
      },
      expected: { present: ['a', 'b'], excused: ['c'], represented: ['c>a'], voters: 3, quorum: '2/3 not met' },
    },
  ];

  it.each(cases)('$name', ({ spec, expected }) => {
    expect(summary(computeAttendance(buildContext(spec)))).toMatchObject(expected);
  });

  it('links holder and giver entries and keeps member order', () => {
    const s = computeAttendance(
      buildContext({
        members: FIVE,
        present: ['c', 'a', 'b'],
        excused: ['e', 'd'],
        proxies: [
          { id: 'p1', giverId: 'e', holderId: 'b' },
          { id: 'p2', giverId: 'd', holderId: 'a' },
        ],
      }),
    );
    expect(idsOf(s.present)).toEqual(['a', 'b', 'c']);
    expect(idsOf(s.excused)).toEqual(['d', 'e']);
    expect(s.present[0].holdsProxyOf.map((m) => m.id)).toEqual(['d']);
    expect(s.present[1].holdsProxyOf.map((m) => m.id)).toEqual(['e']);
    expect(s.excused.map((e) => e.proxyTo?.id)).toEqual(['a', 'b']);
    expect(s.represented).toEqual([
      expect.objectContaining({ proxyId: 'p2' }),
      expect.objectContaining({ proxyId: 'p1' }),
    ]);
    expect(s.validProxyIds).toEqual(['p1', 'p2']);
  });

  it('sets arrivedAt and leftAt', () => {
    const ctx = buildContext({
      members: FIVE,
      present: ['a', 'b', 'c'],
      changes: [
        { memberId: 'd', kind: 'arrival', fromPosition: 2 },
        { memberId: 'b', kind: 'departure', fromPosition: 3 },
      ],
      position: 3,
    });
    const s = computeAttendance(ctx);
    expect(s.present.map((e) => [e.member.id, e.arrivedAt])).toEqual([
      ['a', null],
      ['c', null],
      ['d', 2],
    ]);
    expect(s.excused.map((e) => [e.member.id, e.leftAt])).toEqual([['b', 3]]);
    expect(s.absent.map((e) => [e.member.id, e.leftAt])).toEqual([['e', null]]);
    expect([...presentIdsAt(ctx, 1)]).toEqual(['a', 'b', 'c']);
  });

  describe('members not taking part (L2131-11)', () => {
    const base: ContextSpec = {
      members: FIVE,
      present: ['a', 'b', 'c'],
      excused: ['d'],
      proxies: [{ id: 'p1', giverId: 'd', holderId: 'a' }],
    };
    it.each([
      { ntp: [], voters: 4, listed: [] },
      { ntp: ['b'], voters: 3, listed: ['b'] },
      { ntp: ['d'], voters: 3, listed: ['d'] },
      // Issue 10, L2131-11: the holder leaves for the item, his proxy with him: the giver is represented by no one.
      { ntp: ['a'], voters: 2, listed: ['a'] },
      { ntp: ['a', 'd'], voters: 2, listed: ['a', 'd'] },
      { ntp: ['e'], voters: 4, listed: ['e'] },
      { ntp: ['zz', 'b', 'b'], voters: 3, listed: ['b'] },
    ])('not taking part: $ntp → voters $voters', ({ ntp, voters, listed }) => {
      const s = computeAttendance(buildContext({ ...base, notTakingPart: ntp }));
      expect(s.voters).toBe(voters);
      expect(s.notTakingPart.map((n) => n.member.id)).toEqual(listed);
      // Not taking part never changes the quorum: they are in the room.
      expect(s.quorum.counted).toBe(3);
    });

    it('a recused holder does not use the proxy he holds by default; the act names its giver unrepresented', () => {
      const s = computeAttendance(buildContext({ ...base, notTakingPart: ['a'] }));
      expect(s.represented).toEqual([]);
      expect(s.present.find((p) => p.member.id === 'a')!.holdsProxyOf).toEqual([]);
      const d = s.excused.find((e) => e.member.id === 'd')!;
      expect(d.proxyTo).toBeNull();
      expect(d.proxyUnusedBy?.id).toBe('a');
      expect(s.ignoredProxies).toContainEqual({ proxyId: 'p1', reason: 'holder not taking part' });
    });

    it("with the body's other reading, the recused holder still casts the proxy he holds", () => {
      const s = computeAttendance(buildContext({ ...base, notTakingPart: ['a'], recusedHolderProxy: 'cast' }));
      expect(s.voters).toBe(3);
      expect(s.represented.map((r) => r.giver.id)).toEqual(['d']);
    });

    it('keeps the reason', () => {
      const s = computeAttendance(buildContext({ ...base, notTakingPart: [{ memberId: 'b', reason: 'intéressé' }, 'c'] }));
      expect(s.notTakingPart.map((n) => n.reason)).toEqual(['intéressé', null]);
    });
  });

  describe('quorum', () => {
    it.each([
      { profile: 'commune' as const, second: false, met: false, waived: false },
      { profile: 'commune' as const, second: true, met: false, waived: true },
      { profile: 'departement' as const, second: true, met: false, waived: true },
      { profile: profileFor('custom', '2024-01-01', { secondConvocationWaivesQuorum: false }), second: true, met: false, waived: false },
    ])('2 of 5 present, $profile.variant second convocation $second → waived $waived', ({ profile, second, waived }) => {
      const s = computeAttendance(buildContext({ members: FIVE, present: ['a', 'b'], profile, secondConvocation: second }));
      expect(s.quorum).toMatchObject({ needed: 3, counted: 2, met: false, waivedBySecondConvocation: waived });
      expect(quorumSatisfied(s)).toBe(waived);
    });

    it('is never waived when met', () => {
      const s = computeAttendance(buildContext({ members: FIVE, present: ['a', 'b', 'c'], secondConvocation: true }));
      expect(s.quorum).toMatchObject({ met: true, waivedBySecondConvocation: false });
      expect(quorumSatisfied(s)).toBe(true);
    });

    it('commission permanente counts members represented (L3122-7)', () => {
      const spec: ContextSpec = { members: FIVE, present: ['a', 'b'], excused: ['d'], proxies: [{ id: 'p1', giverId: 'd', holderId: 'a' }] };
      const cp = computeAttendance(buildContext({ ...spec, profile: 'commission_permanente' }));
      expect(cp.quorum).toMatchObject({ basis: 'present_or_represented', counted: 3, needed: 3, met: true });
      const dep = computeAttendance(buildContext({ ...spec, profile: 'departement' }));
      expect(dep.quorum).toMatchObject({ basis: 'present', counted: 2, met: false });
    });
  });

  describe('suppléants (L5211-6)', () => {
    const members = [member('t1'), suppleant('s1', 't1'), member('t2'), member('t3'), suppleant('s3', 't3')];
    const epci = (spec: Partial<ContextSpec>) => buildContext({ members, profile: 'epci', ...spec });

    it('a sitting suppléant is present in his titulaire’s place, not a seat of his own', () => {
      const s = computeAttendance(epci({ present: ['t2'], rows: [{ memberId: 's1', status: 'present', replacesMemberId: 't1' }] }));
      expect(s.inOffice).toBe(3);
      expect(idsOf(s.present)).toEqual(['s1', 't2']);
      expect(s.present[0]).toMatchObject({ seat: 'suppleant', replaces: { id: 't1' } });
      expect([s.presentTitulaires, s.presentSuppleants]).toEqual([1, 1]);
      expect(s.excused.map((e) => [e.member.id, e.replacedBy?.id])).toEqual([['t1', 's1']]);
      // s3 does not sit: not listed at all.
      expect(idsOf(s.absent)).toEqual(['t3']);
      expect(s.quorum).toMatchObject({ counted: 2, needed: 2, met: true });
      expect(s.voters).toBe(2);
    });

    it('replacesMemberId defaults to his titulaire; he may arrive later', () => {
      const ctx = epci({ present: ['t2'], changes: [{ memberId: 's3', kind: 'arrival', fromPosition: 2 }], position: 2 });
      const s = computeAttendance(ctx);
      expect(s.present.map((e) => [e.member.id, e.replaces?.id ?? null, e.arrivedAt])).toEqual([
        ['t2', null, null],
        ['s3', 't3', 2],
      ]);
    });

    it('gives the seat back when his titulaire arrives', () => {
      const s = computeAttendance(
        epci({
          present: ['t2'],
          rows: [{ memberId: 's1', status: 'present' }],
          changes: [{ memberId: 't1', kind: 'arrival', fromPosition: 3 }],
          position: 3,
        }),
      );
      expect(idsOf(s.present)).toEqual(['t1', 't2']);
      expect(s.presentSuppleants).toBe(0);
    });

    it('ignores a proxy from a replaced titulaire or from a suppléant', () => {
      const s = computeAttendance(
        epci({
          present: ['t2'],
          rows: [{ memberId: 's1', status: 'present' }],
          proxies: [
            { id: 'p1', giverId: 't1', holderId: 't2' },
            { id: 'p2', giverId: 's3', holderId: 't2' },
          ],
        }),
      );
      expect(s.ignoredProxies).toEqual([
        { proxyId: 'p1', reason: 'giver replaced by a suppléant' },
        { proxyId: 'p2', reason: 'giver is a suppléant' },
      ]);
    });
  });
});

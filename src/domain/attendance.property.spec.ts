import fc from 'fast-check';
import { computeAttendance } from './attendance';
import { profileFor } from './rule-profiles';
import { AttendanceChange, ItemContext, OpeningStatus, ProxyInput, QuorumBasis } from './types';
import { member } from './testing/context-builder';

const MAX_POS = 8;

interface World {
  openings: OpeningStatus[];
  toggles: number[][];
  proxies: { giver: number; holder: number; from: number | null; span: number | null; revoked: number | null }[];
  position: number;
  maxProxies: number;
  basis: QuorumBasis;
  strict: boolean;
  ntp: number[];
}

/** Random but consistent sessions: each member alternates arrivals and departures from his opening status. */
const worldArb: fc.Arbitrary<World> = fc.integer({ min: 1, max: 20 }).chain((n) =>
  fc.record({
    openings: fc.array(fc.constantFrom<OpeningStatus>('present', 'excused', 'absent'), { minLength: n, maxLength: n }),
    toggles: fc.array(fc.uniqueArray(fc.integer({ min: 1, max: MAX_POS }), { maxLength: 3 }), { minLength: n, maxLength: n }),
    proxies: fc.array(
      fc.record({
        giver: fc.nat(n - 1),
        holder: fc.nat(n - 1),
        from: fc.option(fc.integer({ min: 1, max: MAX_POS }), { nil: null }),
        span: fc.option(fc.nat(4), { nil: null }),
        revoked: fc.option(fc.integer({ min: 1, max: MAX_POS }), { nil: null }),
      }),
      { maxLength: 15 },
    ),
    position: fc.integer({ min: 1, max: MAX_POS }),
    maxProxies: fc.integer({ min: 0, max: 3 }),
    basis: fc.constantFrom<QuorumBasis>('present', 'present_or_represented'),
    strict: fc.boolean(),
    ntp: fc.array(fc.nat(n - 1), { maxLength: 3 }),
  }),
);

function contextOf(w: World, withNtp = true): ItemContext {
  const ids = w.openings.map((_, i) => `m${i}`);
  const changes: AttendanceChange[] = [];
  w.toggles.forEach((positions, i) => {
    let present = w.openings[i] === 'present';
    for (const p of [...positions].sort((a, b) => a - b)) {
      changes.push({ memberId: ids[i], kind: present ? 'departure' : 'arrival', fromPosition: p });
      present = !present;
    }
  });
  const proxies: ProxyInput[] = w.proxies.map((p, i) => ({
    id: `p${i}`,
    giverId: ids[p.giver],
    holderId: ids[p.holder],
    fromPosition: p.from,
    untilPosition: p.from !== null && p.span !== null ? p.from + p.span : null,
    revokedFromPosition: p.revoked,
  }));
  const profile = profileFor('custom', '2024-01-01', {
    maxProxiesPerHolder: w.maxProxies,
    quorum: { num: 1, den: 2, strict: w.strict, basis: w.basis },
  });
  return {
    position: w.position,
    members: ids.map((id) => member(id)),
    attendance: ids.map((memberId, i) => ({ memberId, status: w.openings[i] })),
    changes,
    proxies,
    notTakingPart: withNtp ? w.ntp.map((i) => ({ memberId: ids[i] })) : [],
    profile,
    secondConvocation: false,
  };
}

describe('computeAttendance properties', () => {
  it('votants = présents + valid proxies when nobody is recused', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const s = computeAttendance(contextOf(w, false));
        expect(s.voters).toBe(s.present.length + s.validProxyIds.length);
        expect(s.represented.length).toBe(s.validProxyIds.length);
      }),
    );
  });

  it('no holder has more valid proxies than maxProxiesPerHolder; each valid proxy links an absent giver to a present holder', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const ctx = contextOf(w);
        const s = computeAttendance(ctx);
        const presentIds = new Set(s.present.map((e) => e.member.id));
        const perHolder = new Map<string, number>();
        for (const id of s.validProxyIds) {
          const p = ctx.proxies.find((x) => x.id === id)!;
          perHolder.set(p.holderId, (perHolder.get(p.holderId) ?? 0) + 1);
          expect(presentIds.has(p.holderId)).toBe(true);
          expect(presentIds.has(p.giverId)).toBe(false);
        }
        for (const n of perHolder.values()) expect(n).toBeLessThanOrEqual(w.maxProxies);
        for (const e of s.present) expect(e.holdsProxyOf.length).toBe(perHolder.get(e.member.id) ?? 0);
        // One vote per giver.
        expect(new Set(s.represented.map((r) => r.giver.id)).size).toBe(s.represented.length);
      }),
    );
  });

  it('partitions members into present / excused / absent and proxies into valid / ignored', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const ctx = contextOf(w);
        const s = computeAttendance(ctx);
        const listed = [...s.present, ...s.excused, ...s.absent].map((e) => e.member.id).sort();
        expect(listed).toEqual(ctx.members.map((m) => m.id).sort());
        const proxies = [...s.validProxyIds, ...s.ignoredProxies.map((i) => i.proxyId)].sort();
        expect(proxies).toEqual(ctx.proxies.map((p) => p.id).sort());
        expect(s.voters).toBeLessThanOrEqual(s.present.length + s.represented.length);
        expect(s.voters).toBeGreaterThanOrEqual(s.present.length + s.represented.length - s.notTakingPart.length * 2);
      }),
    );
  });

  it('quorum met is monotonic: one more member present never breaks it', () => {
    fc.assert(
      fc.property(worldArb, fc.nat(), (w, pick) => {
        const k = pick % w.openings.length;
        // Member k has no changes; only his opening status differs between the two sessions.
        const toggles = w.toggles.map((t, i) => (i === k ? [] : t));
        const without = computeAttendance(contextOf({ ...w, toggles, openings: w.openings.map((o, i) => (i === k ? 'absent' : o)) }));
        const withHim = computeAttendance(contextOf({ ...w, toggles, openings: w.openings.map((o, i) => (i === k ? 'present' : o)) }));
        expect(withHim.quorum.counted).toBeGreaterThanOrEqual(without.quorum.counted);
        if (without.quorum.met) expect(withHim.quorum.met).toBe(true);
      }),
    );
  });
});

// How many items per second the pure rules handle: computeAttendance + computeVote on a large body.
import { performance } from 'perf_hooks';
import { AttendanceChange, BallotInput, computeAttendance, computeVote, ItemContext, profileFor, ProxyInput } from '../src/domain';
import { member } from '../src/domain/testing/context-builder';

const MEMBERS = 240;
const ITEMS = 120;
const WARMUP_MS = 300;
const RUN_MS = 2000;

/** 240 members in office, 60 arrivals/departures spread over the session, 40 proxies (some bounded, some revoked). */
export function syntheticSession(): ItemContext {
  const ids = Array.from({ length: MEMBERS }, (_, i) => `m${i + 1}`);
  const present = ids.slice(0, 190);
  const excused = ids.slice(190, 225);
  const changes: AttendanceChange[] = [];
  // 30 members leave during the session, 15 of them come back later.
  for (let i = 0; i < 30; i++) changes.push({ memberId: ids[i], kind: 'departure', fromPosition: 2 + i * 3 });
  for (let i = 0; i < 15; i++) changes.push({ memberId: ids[i], kind: 'arrival', fromPosition: 10 + i * 3 + 3 * i });
  // 15 absent or excused members arrive late.
  for (let i = 0; i < 15; i++) changes.push({ memberId: ids[200 + i], kind: 'arrival', fromPosition: 3 + i * 5 });
  const proxies: ProxyInput[] = [];
  for (let i = 0; i < 40; i++) {
    proxies.push({
      id: `p${i + 1}`,
      giverId: ids[190 + i + (i >= 35 ? -30 : 0)],
      holderId: ids[40 + i],
      fromPosition: i % 4 === 1 ? 5 + i : null,
      untilPosition: i % 4 === 2 ? 60 + i : null,
      revokedFromPosition: i % 10 === 3 ? 80 : null,
    });
  }
  return {
    position: 1,
    members: ids.map((id) => member(id)),
    attendance: [
      ...present.map((memberId) => ({ memberId, status: 'present' as const })),
      ...excused.map((memberId) => ({ memberId, status: 'excused' as const })),
    ],
    changes,
    proxies,
    notTakingPart: [{ memberId: ids[100] }],
    profile: profileFor('commune', '2019-09-30'),
    secondConvocation: false,
  };
}

function runItem(ctx: ItemContext, position: number, rollCall: boolean): number {
  const at = { ...ctx, position };
  const state = computeAttendance(at);
  const v = state.voters;
  if (!rollCall) {
    const r = computeVote(
      { mode: 'show_of_hands', counts: { pour: v - 3, contre: 2, abstention: 1 }, presidentId: 'm41' },
      state,
      at,
      at.profile.settings,
    );
    return r.pour;
  }
  const recused = new Set(state.notTakingPart.map((n) => n.member.id));
  const ballots: BallotInput[] = [];
  for (const e of state.present) if (!recused.has(e.member.id)) ballots.push({ voterId: e.member.id, choice: 'pour' });
  for (const r of state.represented) {
    if (!recused.has(r.giver.id)) ballots.push({ voterId: r.holder.id, onBehalfOfId: r.giver.id, choice: 'contre' });
  }
  return computeVote({ mode: 'roll_call', ballots, presidentId: 'm41' }, state, at, at.profile.settings).pour;
}

function measure(ctx: ItemContext, rollCall: boolean): { itemsPerSecond: number; items: number; checksum: number } {
  let checksum = 0;
  let position = 1;
  const step = () => {
    checksum += runItem(ctx, position, rollCall);
    position = position === ITEMS ? 1 : position + 1;
  };
  const warmEnd = performance.now() + WARMUP_MS;
  while (performance.now() < warmEnd) step();
  let items = 0;
  const start = performance.now();
  let now = start;
  while (now - start < RUN_MS) {
    step();
    items++;
    now = performance.now();
  }
  return { itemsPerSecond: Math.round((items * 1000) / (now - start)), items, checksum };
}

export async function benchDomain(): Promise<Record<string, number | string>> {
  const ctx = syntheticSession();
  const hands = measure(ctx, false);
  const roll = measure(ctx, true);
  return {
    'domain.members': MEMBERS,
    'domain.changes': ctx.changes.length,
    'domain.proxies': ctx.proxies.length,
    'domain.items_per_s': hands.itemsPerSecond,
    'domain.roll_call_items_per_s': roll.itemsPerSecond,
    'domain.note': 'computeAttendance + computeVote per item, one core, show of hands (counts) and roll call (ballots)',
  };
}

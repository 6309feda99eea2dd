// Attendance of one item: who is present, represented, excused or absent when it is voted.
// Presence is per item (DOMAIN.md): members arrive and leave, proxies start and end mid-session.
import { DomainError } from './errors';
import { quorumNeeded } from './quorum';
import {
  AbsentEntry,
  AttendanceChange,
  ItemAttendanceState,
  ItemContext,
  MemberRef,
  OpeningStatus,
  PresentEntry,
  ProxyInput,
  SeatedMember,
} from './types';

/** Where one member stands at a given item. */
export interface MemberPresence {
  member: SeatedMember;
  opening: OpeningStatus;
  /** Present in the room (a suppléant: sitting in his titulaire's place). */
  present: boolean;
  /** Position of the arrival that made him present, if any. */
  arrivedAt: number | null;
  /** Position of the departure that made him leave, if he is gone. */
  leftAt: number | null;
  /** Local hours of that arrival or departure, when recorded. */
  arrivedTime?: string | null;
  leftTime?: string | null;
  /** For a sitting suppléant (L5211-6): the titulaire replaced. */
  replaces: SeatedMember | null;
}

/** Working state of presenceAt: `inRoom` follows the whole timeline, the rest stops at the item. */
interface Tracked extends MemberPresence {
  hasRow: boolean;
  inRoom: boolean;
}

const OPENING_STATUSES: readonly OpeningStatus[] = ['present', 'excused', 'absent'];

export function assertPosition(position: unknown, field = 'position'): asserts position is number {
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 1) {
    throw new DomainError('ITEM_POSITION_INVALID', `${field} must be an integer >= 1, got ${String(position)}`, {
      field,
      value: position,
    });
  }
}

/**
 * Presence of every member (titulaires and suppléants) at `position`. Checks the whole context
 * on the way: rows and changes about non-members, impossible arrivals/departures, suppléants.
 */
export function presenceAt(ctx: ItemContext, position: number = ctx.position): Map<string, MemberPresence> {
  assertPosition(position);
  // One map for everything: this runs once per item and per check (hot path of the bench).
  const state = new Map<string, Tracked>();
  for (const m of ctx.members) {
    if (state.has(m.id)) {
      throw new DomainError('VALIDATION_FAILED', `Member ${m.id} is listed twice`, { memberId: m.id });
    }
    state.set(m.id, { member: m, opening: 'absent', present: false, arrivedAt: null, leftAt: null, replaces: null, hasRow: false, inRoom: false });
  }
  for (const row of ctx.attendance) {
    const s = state.get(row.memberId);
    if (!s) {
      throw new DomainError('ATTENDANCE_NOT_MEMBER', `Attendance row for ${row.memberId}, who is not in office`, {
        memberId: row.memberId,
      });
    }
    if (!OPENING_STATUSES.includes(row.status)) {
      throw new DomainError('VALIDATION_FAILED', `Unknown attendance status "${row.status}" for ${row.memberId}`, {
        memberId: row.memberId,
        field: 'status',
      });
    }
    if (s.hasRow) {
      throw new DomainError('VALIDATION_FAILED', `Member ${row.memberId} has more than one attendance row`, {
        memberId: row.memberId,
      });
    }
    s.hasRow = true;
    s.opening = row.status;
    s.present = row.status === 'present';
    s.inRoom = s.present;
    if (s.member.seat === 'titulaire' && row.replacesMemberId) {
      throw new DomainError('SUPPLEANT_MISMATCH', `${row.memberId} is a titulaire and cannot replace anyone`, {
        memberId: row.memberId,
        replacesMemberId: row.replacesMemberId,
      });
    }
    if (s.member.seat === 'suppleant' && s.present) {
      checkSuppleant(ctx, s.member, state, row.replacesMemberId ?? null);
    }
  }
  // The whole timeline is checked, not only up to `position`, so that every item sees the same facts.
  for (const c of sortedChanges(ctx.changes)) {
    const s = state.get(c.memberId);
    if (!s) {
      throw new DomainError('ATTENDANCE_NOT_MEMBER', `Attendance change for ${c.memberId}, who is not in office`, {
        memberId: c.memberId,
      });
    }
    if (c.kind !== 'arrival' && c.kind !== 'departure') {
      throw new DomainError('ATTENDANCE_CHANGE_INVALID', `Unknown change kind "${String(c.kind)}"`, { ...c });
    }
    const wasIn = s.inRoom;
    if (c.kind === 'arrival' && wasIn) {
      throw new DomainError(
        'ATTENDANCE_CHANGE_INVALID',
        `${c.memberId} arrives at item ${c.fromPosition} but is already present`,
        { ...c },
      );
    }
    if (c.kind === 'departure' && !wasIn) {
      throw new DomainError(
        'ATTENDANCE_CHANGE_INVALID',
        `${c.memberId} leaves at item ${c.fromPosition} but is not present`,
        { ...c },
      );
    }
    if (c.kind === 'arrival' && s.member.seat === 'suppleant') checkSuppleant(ctx, s.member, state, null);
    s.inRoom = c.kind === 'arrival';
    // Sorted by position: changes up to `position` come first, so `s` is the state at the item.
    if (c.fromPosition <= position) {
      s.present = c.kind === 'arrival';
      s.arrivedAt = s.present ? c.fromPosition : s.arrivedAt;
      s.leftAt = s.present ? null : c.fromPosition;
      if (s.present) s.arrivedTime = c.atTime ?? null;
      else s.leftTime = c.atTime ?? null;
    }
  }
  // L5211-6: a suppléant sits only while his titulaire is away; when the titulaire is back he takes his seat.
  const sittingFor = new Map<string, string>();
  for (const s of state.values()) {
    if (s.member.seat !== 'suppleant' || !s.present) continue;
    const titulaire = state.get(s.member.titulaireId!)!.member;
    if (state.get(titulaire.id)!.present) {
      s.present = false;
      continue;
    }
    const other = sittingFor.get(titulaire.id);
    if (other) {
      throw new DomainError('SUPPLEANT_MISMATCH', `${other} and ${s.member.id} both sit for ${titulaire.id}`, {
        titulaireId: titulaire.id,
        suppleantIds: [other, s.member.id],
      });
    }
    sittingFor.set(titulaire.id, s.member.id);
    s.replaces = titulaire;
  }
  return state;
}

function checkSuppleant(
  ctx: ItemContext,
  m: SeatedMember,
  byId: Map<string, { member: SeatedMember }>,
  replacesMemberId: string | null,
): void {
  if (!ctx.profile.settings.suppleants) {
    throw new DomainError('SUPPLEANT_NOT_ALLOWED', `${m.id} is a suppléant; the ${ctx.profile.variant} rules have none (L5211-6)`, {
      memberId: m.id,
      profile: ctx.profile.variant,
    });
  }
  const titulaire = m.titulaireId ? byId.get(m.titulaireId)?.member : undefined;
  if (!titulaire || titulaire.seat !== 'titulaire' || (replacesMemberId !== null && replacesMemberId !== m.titulaireId)) {
    throw new DomainError(
      'SUPPLEANT_MISMATCH',
      `Suppléant ${m.id} can only replace his own titulaire (${m.titulaireId ?? 'none'}), not ${replacesMemberId ?? m.titulaireId ?? 'nobody'}`,
      { memberId: m.id, titulaireId: m.titulaireId ?? null, replacesMemberId },
    );
  }
}

/** Changes in the order they take effect: by position, ties in the order given. */
export function sortedChanges(changes: AttendanceChange[]): AttendanceChange[] {
  for (const c of changes) assertPosition(c.fromPosition, 'fromPosition');
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.fromPosition - b.c.fromPosition || a.i - b.i)
    .map((x) => x.c);
}

/** Ids of the members in the room at `position` (titulaires and sitting suppléants). */
export function presentIdsAt(ctx: ItemContext, position: number = ctx.position): Set<string> {
  const ids = new Set<string>();
  for (const [id, s] of presenceAt(ctx, position)) if (s.present) ids.add(id);
  return ids;
}

/** Why a proxy does not apply at `position` because of its own bounds, or null when it does. */
export function proxyBoundsReason(p: ProxyInput, position: number): 'revoked' | 'outside its items' | null {
  if (p.revokedFromPosition != null && p.revokedFromPosition <= position) return 'revoked';
  if ((p.fromPosition != null && p.fromPosition > position) || (p.untilPosition != null && p.untilPosition < position)) {
    return 'outside its items';
  }
  return null;
}

interface ProxySelection {
  valid: ProxyInput[];
  ignored: { proxyId: string; reason: string }[];
}

/** L2121-20: a proxy is void while its giver is present; the holder uses it only while present. */
export function selectProxies(
  ctx: ItemContext,
  presence: Map<string, MemberPresence>,
  position: number = ctx.position,
): ProxySelection {
  const max = ctx.profile.settings.maxProxiesPerHolder;
  const valid: ProxyInput[] = [];
  const ignored: { proxyId: string; reason: string }[] = [];
  const held = new Map<string, number>();
  const represented = new Set<string>();
  const replaced = new Set<string>();
  for (const s of presence.values()) if (s.replaces) replaced.add(s.replaces.id);
  for (const p of ctx.proxies) {
    const giver = presence.get(p.giverId);
    const holder = presence.get(p.holderId);
    let reason: string | null = proxyBoundsReason(p, position);
    if (reason) {
      // bounds first: a revoked or out-of-range proxy is not worth more detail
    } else if (!giver) reason = 'giver not in office';
    else if (giver.member.seat !== 'titulaire') reason = 'giver is a suppléant';
    else if (!holder) reason = 'holder not in office';
    else if (giver.present) reason = 'giver present';
    else if (replaced.has(giver.member.id)) reason = 'giver replaced by a suppléant';
    // A present holder's own proxies are void ("giver present"), so no chain can pass this test.
    else if (!holder.present) reason = 'holder absent';
    else if (represented.has(p.giverId)) reason = 'giver already represented';
    else if ((held.get(p.holderId) ?? 0) >= max) reason = 'over holder limit';
    if (reason) {
      ignored.push({ proxyId: p.id, reason });
      continue;
    }
    valid.push(p);
    represented.add(p.giverId);
    held.set(p.holderId, (held.get(p.holderId) ?? 0) + 1);
  }
  return { valid, ignored };
}

export function computeAttendance(ctx: ItemContext): ItemAttendanceState {
  const position = ctx.position;
  const presence = presenceAt(ctx, position);
  const selection = selectProxies(ctx, presence, position);
  const ignored = selection.ignored;

  const notTakingPart: ItemAttendanceState['notTakingPart'] = [];
  const recused = new Set<string>();
  for (const n of ctx.notTakingPart) {
    const s = presence.get(n.memberId);
    if (!s || recused.has(n.memberId)) continue;
    recused.add(n.memberId);
    notTakingPart.push({ member: s.member, reason: n.reason ?? null });
  }
  // L2131-11, as prefectures advise: the interested member leaves the room for the item, and a proxy is used only by a
  // holder who takes part; his giver is then represented by no one. A body may keep the other reading ('cast').
  const holderCasts = (ctx.recusedHolderProxy ?? 'unused') === 'cast';
  const unusedHolderOf = new Map<string, SeatedMember>();
  const valid = selection.valid.filter((p) => {
    if (holderCasts || !recused.has(p.holderId)) return true;
    ignored.push({ proxyId: p.id, reason: 'holder not taking part' });
    unusedHolderOf.set(p.giverId, presence.get(p.holderId)!.member);
    return false;
  });

  const holderOf = new Map<string, SeatedMember>();
  const giversOf = new Map<string, MemberRef[]>();
  for (const p of valid) {
    const holder = presence.get(p.holderId)!.member;
    holderOf.set(p.giverId, holder);
    const list = giversOf.get(p.holderId) ?? [];
    list.push(presence.get(p.giverId)!.member);
    giversOf.set(p.holderId, list);
  }
  const replacedBy = new Map<string, SeatedMember>();
  for (const s of presence.values()) if (s.replaces) replacedBy.set(s.replaces.id, s.member);

  const present: PresentEntry[] = [];
  const excused: AbsentEntry[] = [];
  const absent: AbsentEntry[] = [];
  const represented: ItemAttendanceState['represented'] = [];
  let inOffice = 0;
  let presentTitulaires = 0;
  let presentSuppleants = 0;
  const proxyIdOf = new Map(valid.map((p) => [p.giverId, p.id]));

  for (const m of ctx.members) {
    const s = presence.get(m.id)!;
    if (m.seat === 'titulaire') inOffice++;
    if (s.present) {
      present.push({
        member: m,
        seat: m.seat,
        replaces: s.replaces,
        holdsProxyOf: giversOf.get(m.id) ?? [],
        arrivedAt: s.arrivedAt,
        ...(s.arrivedAt !== null && s.arrivedTime ? { arrivedTime: s.arrivedTime } : {}),
      });
      if (m.seat === 'titulaire') presentTitulaires++;
      else presentSuppleants++;
      continue;
    }
    // Suppléants who do not sit are not listed at all.
    if (m.seat !== 'titulaire') continue;
    const entry: AbsentEntry = {
      member: m,
      proxyTo: holderOf.get(m.id) ?? null,
      replacedBy: replacedBy.get(m.id) ?? null,
      leftAt: s.leftAt,
      ...(s.leftAt !== null && s.leftTime ? { leftTime: s.leftTime } : {}),
      ...(unusedHolderOf.has(m.id) ? { proxyUnusedBy: unusedHolderOf.get(m.id)! } : {}),
    };
    if (entry.proxyTo) represented.push({ giver: m, holder: entry.proxyTo, proxyId: proxyIdOf.get(m.id)! });
    // A member who left, or whose suppléant sits, is excused; otherwise his opening status decides.
    if (s.opening === 'excused' || s.leftAt !== null || entry.replacedBy) excused.push(entry);
    else absent.push(entry);
  }

  // L2131-11 bars the interested member, not his giver: with the 'cast' reading a recused holder still carries the proxy.
  let voters = 0;
  for (const e of present) if (!recused.has(e.member.id)) voters++;
  for (const r of represented) if (!recused.has(r.giver.id)) voters++;

  const q = ctx.profile.settings.quorum;
  const counted = present.length + (q.basis === 'present_or_represented' ? represented.length : 0);
  const needed = quorumNeeded(inOffice, q);
  const met = counted >= needed;
  return {
    position,
    inOffice,
    present,
    presentTitulaires,
    presentSuppleants,
    represented,
    excused,
    absent,
    notTakingPart,
    voters,
    quorum: {
      basis: q.basis,
      needed,
      counted,
      met,
      waivedBySecondConvocation: !met && ctx.secondConvocation && ctx.profile.settings.secondConvocationWaivesQuorum,
    },
    validProxyIds: valid.map((p) => p.id),
    ignoredProxies: ignored,
  };
}

/** The body may deliberate on this item: quorum met, or waived on a second convocation (L2121-17). */
export function quorumSatisfied(state: Pick<ItemAttendanceState, 'quorum'>): boolean {
  return state.quorum.met || state.quorum.waivedBySecondConvocation;
}

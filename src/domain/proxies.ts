// Registering a proxy (pouvoir), L2121-20: written, to a colleague, one per holder, at most three
// consecutive sessions except duly established illness; L3121-16 / L4132-15: one meeting.
import { assertPosition, presenceAt } from './attendance';
import { DomainError } from './errors';
import { ItemContext, MemberRef, ProxyInput } from './types';

export interface NewProxyCheck {
  proxy: ProxyInput;
  /** Number of sessions the written proxy covers. */
  sessionsCovered: number;
  /** Whether those sessions follow one another. */
  consecutive: boolean;
  /** "Maladie dûment constatée": lifts the session limit where the law allows it. */
  illness: boolean;
  /** The session's attendance; ctx.position = first item the proxy applies to (fromPosition ?? 1). */
  ctx: ItemContext;
  /**
   * Check presence of giver and holder at ctx.position (default true). Pass false for a proxy
   * registered before attendance is taken: its validity is judged again at each item anyway.
   */
  checkPresence?: boolean;
}

/** Item range a proxy covers in its session, revocation included: [from, to], to may be Infinity. */
export function proxyRange(p: ProxyInput): { from: number; to: number } {
  const from = p.fromPosition ?? 1;
  let to = p.untilPosition ?? Infinity;
  if (p.revokedFromPosition != null) to = Math.min(to, p.revokedFromPosition - 1);
  return { from, to };
}

export function rangesOverlap(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

function name(m: MemberRef | undefined, id: string): string {
  return m ? `${m.firstName} ${m.lastName} (${id})` : id;
}

/** Throws the first rule the new proxy breaks, in the order of the checks below. */
export function validateNewProxy(input: NewProxyCheck): void {
  const { proxy, ctx } = input;
  const settings = ctx.profile.settings;
  const byId = new Map(ctx.members.map((m) => [m.id, m]));
  const giver = byId.get(proxy.giverId);
  const holder = byId.get(proxy.holderId);
  const ids = { proxyId: proxy.id, giverId: proxy.giverId, holderId: proxy.holderId };

  if (proxy.giverId === proxy.holderId) {
    throw new DomainError('PROXY_TO_SELF', `Member ${name(giver, proxy.giverId)} cannot give a proxy to himself`, ids);
  }
  if (!giver) {
    throw new DomainError('PROXY_GIVER_NOT_MEMBER', `Giver ${proxy.giverId} is not a member in office of this body`, ids);
  }
  if (giver.seat !== 'titulaire') {
    // L5211-6: the suppléant sits in the titulaire's place; he has no vote of his own to delegate.
    throw new DomainError('PROXY_GIVER_NOT_MEMBER', `Giver ${name(giver, giver.id)} is a suppléant, not a titulaire`, ids);
  }
  if (!holder) {
    throw new DomainError('PROXY_HOLDER_NOT_MEMBER', `Holder ${proxy.holderId} is not a member in office of this body`, ids);
  }
  checkBounds(proxy);
  if (!Number.isSafeInteger(input.sessionsCovered) || input.sessionsCovered < 1) {
    throw new DomainError('VALIDATION_FAILED', `sessionsCovered must be an integer >= 1, got ${input.sessionsCovered}`, {
      ...ids,
      field: 'sessionsCovered',
    });
  }
  if (!input.consecutive && input.sessionsCovered > 1) {
    throw new DomainError(
      'PROXY_SESSIONS_NOT_CONSECUTIVE',
      `A proxy may only cover consecutive sessions (L2121-20); this one covers ${input.sessionsCovered} non-consecutive sessions`,
      { ...ids, sessionsCovered: input.sessionsCovered },
    );
  }
  const max = settings.maxConsecutiveSessionsPerProxy;
  const illnessLifts = input.illness && settings.illnessExtendsProxy !== false;
  if (input.sessionsCovered > max && !illnessLifts) {
    throw new DomainError(
      'PROXY_TOO_MANY_SESSIONS',
      `A proxy may cover at most ${max} consecutive session(s) under ${ctx.profile.variant} rules` +
        (settings.illnessExtendsProxy !== false ? ' except duly established illness (L2121-20)' : '') +
        `; this one covers ${input.sessionsCovered}`,
      { ...ids, sessionsCovered: input.sessionsCovered, max, illness: input.illness },
    );
  }

  if (input.checkPresence !== false) {
    const position = ctx.position;
    const presence = presenceAt(ctx, position);
    if (presence.get(giver.id)!.present) {
      throw new DomainError(
        'PROXY_GIVER_PRESENT',
        `Giver ${name(giver, giver.id)} is present at item ${position}: a proxy is void while its giver is present`,
        { ...ids, position },
      );
    }
    if (!presence.get(holder.id)!.present) {
      throw new DomainError(
        'PROXY_HOLDER_ABSENT',
        `Holder ${name(holder, holder.id)} is not present at item ${position}: he can only use a proxy while present`,
        { ...ids, position },
      );
    }
  }

  const range = proxyRange(proxy);
  const others = ctx.proxies.filter((p) => p.id !== proxy.id && isLive(p) && rangesOverlap(range, proxyRange(p)));
  const chain = others.find((p) => p.giverId === holder.id || p.holderId === giver.id);
  if (chain) {
    const who = chain.giverId === holder.id ? `holder ${name(holder, holder.id)} gives` : `giver ${name(giver, giver.id)} holds`;
    throw new DomainError('PROXY_CHAIN', `Proxies cannot be chained: ${who} a proxy (${chain.id}) over the same items`, {
      ...ids,
      conflictingProxyId: chain.id,
    });
  }
  const gave = others.find((p) => p.giverId === giver.id);
  if (gave) {
    throw new DomainError(
      'PROXY_GIVER_ALREADY_GAVE',
      `Member ${name(giver, giver.id)} already gave a proxy (${gave.id}) to ${gave.holderId} over the same items`,
      { ...ids, conflictingProxyId: gave.id },
    );
  }
  const limit = settings.maxProxiesPerHolder;
  const held = others.filter((p) => p.holderId === holder.id);
  const concurrent = maxConcurrent(range, held);
  if (concurrent >= limit) {
    const what = concurrent === 0 ? 'may hold no proxy' : `already holds ${concurrent === 1 ? 'a proxy' : `${concurrent} proxies`}`;
    throw new DomainError(
      'PROXY_HOLDER_ALREADY_HOLDS',
      `Member ${name(holder, holder.id)} ${what} over the same items (limit ${limit} per holder under ${ctx.profile.variant} rules, L2121-20)`,
      { ...ids, limit, heldProxyIds: held.map((p) => p.id) },
    );
  }
}

/** Revoking takes effect from an item on; a proxy is revoked once. */
export function validateRevocation(proxy: ProxyInput, fromPosition: number): void {
  if (proxy.revokedFromPosition != null) {
    throw new DomainError('PROXY_ALREADY_REVOKED', `Proxy ${proxy.id} is already revoked from item ${proxy.revokedFromPosition}`, {
      proxyId: proxy.id,
      revokedFromPosition: proxy.revokedFromPosition,
    });
  }
  assertPosition(fromPosition, 'revokedFromPosition');
}

function isLive(p: ProxyInput): boolean {
  const r = proxyRange(p);
  return r.from <= r.to;
}

function checkBounds(p: ProxyInput): void {
  if (p.fromPosition != null) assertPosition(p.fromPosition, 'fromPosition');
  if (p.untilPosition != null) assertPosition(p.untilPosition, 'untilPosition');
  if (p.revokedFromPosition != null) assertPosition(p.revokedFromPosition, 'revokedFromPosition');
  if (p.fromPosition != null && p.untilPosition != null && p.fromPosition > p.untilPosition) {
    throw new DomainError(
      'ITEM_POSITION_INVALID',
      `Proxy ${p.id} starts at item ${p.fromPosition} after it ends (${p.untilPosition})`,
      { proxyId: p.id, fromPosition: p.fromPosition, untilPosition: p.untilPosition },
    );
  }
}

/** Most proxies among `held` that apply together at some item of `range`. */
function maxConcurrent(range: { from: number; to: number }, held: ProxyInput[]): number {
  const ranges = held.map(proxyRange);
  let best = 0;
  // The count can only peak where some range starts (or where the new one starts).
  for (const start of [range.from, ...ranges.map((r) => r.from)]) {
    if (start < range.from || start > range.to) continue;
    const n = ranges.filter((r) => r.from <= start && start <= r.to).length;
    best = Math.max(best, n);
  }
  return best;
}

/**
 * Who signs an act (L2121-23 since 1 July 2022): the member presiding it — the item's president, else the
 * session's — and each secrétaire de séance (an elected member, L2121-15). Signing is open to the accounts
 * linked to those members, whatever their role; a staff secretary not linked to one of them does not sign.
 */
export interface SigningContext {
  /** The member presiding the item (its presidentId), if one was set for it. */
  itemPresidentId: string | null;
  /** The member presiding the session. */
  sessionPresidentId: string | null;
  /** The secrétaires de séance. */
  secretaryIds: readonly string[];
}

/** Who presides an act and who was secretary, as its record says. */
export function signingContextOf(record: {
  item: { president: { id: string } | null };
  session: { president: { id: string } | null; secretaries: readonly { id: string }[] };
}): SigningContext {
  return { itemPresidentId: record.item.president?.id ?? null, sessionPresidentId: record.session.president?.id ?? null, secretaryIds: record.session.secretaries.map((s) => s.id) };
}

export interface Signer {
  memberId: string;
  capacity: 'president' | 'secretary';
}

/** The members who must sign, president first, each once (a president may also be secretary). */
export function requiredSigners(ctx: SigningContext): Signer[] {
  const out: Signer[] = [];
  const president = ctx.itemPresidentId ?? ctx.sessionPresidentId;
  if (president) out.push({ memberId: president.toLowerCase(), capacity: 'president' });
  for (const id of ctx.secretaryIds) {
    const memberId = id.toLowerCase();
    if (!out.some((s) => s.memberId === memberId)) out.push({ memberId, capacity: 'secretary' });
  }
  return out;
}

/** The signer an account linked to `linkedMemberId` signs as, or null when it may not sign this act. */
export function signerFor(linkedMemberId: string | null | undefined, ctx: SigningContext): Signer | null {
  if (!linkedMemberId) return null;
  const id = linkedMemberId.toLowerCase();
  return requiredSigners(ctx).find((s) => s.memberId === id) ?? null;
}

export function maySign(linkedMemberId: string | null | undefined, ctx: SigningContext): boolean {
  return signerFor(linkedMemberId, ctx) !== null;
}

/**
 * Two secretaries recording one session at once (issue 7, point 2): a live gesture carries the session version it
 * was made on. It is refused when a change recorded since then touches what the gesture is about — the same
 * member, the same proxy's giver or holder, the same item's vote, or the session as a whole (its status, its
 * president, its agenda's order) — and applied otherwise, so that two clerks ticking a roll call together never
 * collide, and never record over each other unseen.
 */
export interface RecordedChange {
  version: number;
  members: string[];
  itemId: string | null;
  whole: boolean;
}

/** What a gesture is about: the members it concerns, and the item whose vote it records, if any. */
export interface GestureScope {
  members: string[];
  voteItemId?: string | null;
}

export function firstConflict(since: RecordedChange[], scope: GestureScope): RecordedChange | null {
  const members = new Set(scope.members);
  for (const c of since) {
    if (c.whole) return c;
    if (c.members.some((m) => members.has(m))) return c;
    if (scope.voteItemId && c.itemId === scope.voteItemId) return c;
  }
  return null;
}

// The presidency of an item: the session's president, or for one item another member (item.presidentId),
// e.g. for the compte administratif, when the mayor withdraws (L2121-14).
import { DomainError } from './errors';
import type { ItemAttendanceState, MemberRef } from './types';

/**
 * The member presiding an item must be in the room when it is voted: his voice decides a tie (L2121-20),
 * and an assembly does not deliberate without a president. Throws PRESIDENT_NOT_PRESENT otherwise.
 */
export function assertPresidentPresent(state: ItemAttendanceState, presidentId: string, item: { id: string; number: string }): void {
  if (state.present.some((e) => e.member.id === presidentId)) return;
  const away: MemberRef | undefined = [...state.excused, ...state.absent].find((e) => e.member.id === presidentId)?.member;
  const who = away ? `${away.civility} ${away.firstName} ${away.lastName}` : presidentId;
  throw new DomainError(
    'PRESIDENT_NOT_PRESENT',
    `The president of item ${item.number} (${who}) is not present at it: set the item's presidentId to the member presiding in his place ` +
      '(L2121-14: for the compte administratif, the president the council elects; otherwise the doyen presides)',
    { field: 'presidentId', presidentId, itemId: item.id, position: state.position },
  );
}

// The presidency of an item: the session's president, or for one item another member (item.presidentId),
// e.g. for the compte administratif, when the mayor withdraws (L2121-14).
import { DomainError } from './errors';
import type { ItemAttendanceState, MemberRef } from './types';

/**
 * The member presiding an item must be in the room when it is voted: his voice decides a tie (L2121-20),
 * and an assembly does not deliberate without a president. An interested member who takes no part in the
 * item (L2131-11) does not preside it either: presiding is taking part (and L2121-14 has the mayor withdraw
 * for his compte administratif). Throws PRESIDENT_NOT_PRESENT otherwise.
 */
export function assertPresidentPresent(state: ItemAttendanceState, presidentId: string, item: { id: string; number: string }): void {
  const recused = state.notTakingPart.find((n) => n.member.id === presidentId)?.member;
  if (recused) {
    throw new DomainError(
      'PRESIDENT_NOT_PRESENT',
      `The president of item ${item.number} (${recused.civility} ${recused.firstName} ${recused.lastName}) does not take part in it (L2131-11: an interested ` +
        "member neither votes nor presides): set the item's presidentId to the member presiding in his place (L2121-14)",
      { field: 'presidentId', presidentId, itemId: item.id, position: state.position, reason: 'not_taking_part' },
    );
  }
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

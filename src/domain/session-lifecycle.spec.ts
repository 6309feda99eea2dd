import {
  assertItemTransition,
  assertItemVotable,
  assertSessionEditable,
  assertTransition,
  isSessionEditable,
  ITEM_STATUSES,
  ItemStatus,
  SESSION_STATUSES,
  SessionStatus,
} from './session-lifecycle';
import { catchDomainError } from './testing/context-builder';

const ALLOWED = new Set(['planned>convened', 'planned>cancelled', 'convened>open', 'convened>cancelled', 'open>closed']);
const ITEM_ALLOWED = new Set(['draft>voted', 'draft>withdrawn', 'draft>adjourned']);

describe('session lifecycle', () => {
  const pairs = SESSION_STATUSES.flatMap((from) => SESSION_STATUSES.map((to) => [from, to] as [SessionStatus, SessionStatus]));
  it.each(pairs)('%s → %s', (from, to) => {
    if (ALLOWED.has(`${from}>${to}`)) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      const e = catchDomainError(() => assertTransition(from, to));
      expect(e.code).toBe('SESSION_TRANSITION_INVALID');
      expect(e.message).toContain(`"${from}"`);
      expect(e.message).toContain(`"${to}"`);
    }
  });

  it('rejects unknown statuses', () => {
    expect(catchDomainError(() => assertTransition('draft' as SessionStatus, 'open')).code).toBe('SESSION_TRANSITION_INVALID');
  });

  it.each([
    ['planned', true],
    ['convened', true],
    ['open', true],
    ['closed', false],
    ['cancelled', false],
  ] as [SessionStatus, boolean][])('%s editable: %s', (status, editable) => {
    expect(isSessionEditable(status)).toBe(editable);
    if (editable) expect(() => assertSessionEditable(status)).not.toThrow();
    else expect(catchDomainError(() => assertSessionEditable(status)).code).toBe('SESSION_CLOSED');
  });
});

describe('item lifecycle', () => {
  const pairs = ITEM_STATUSES.flatMap((from) => ITEM_STATUSES.map((to) => [from, to] as [ItemStatus, ItemStatus]));
  it.each(pairs)('%s → %s', (from, to) => {
    if (ITEM_ALLOWED.has(`${from}>${to}`)) expect(() => assertItemTransition(from, to)).not.toThrow();
    else expect(catchDomainError(() => assertItemTransition(from, to)).code).toBe('ITEM_TRANSITION_INVALID');
  });

  it.each([
    ['draft', null],
    ['voted', 'VOTE_ALREADY_RECORDED'],
    ['withdrawn', 'ITEM_TRANSITION_INVALID'],
  ] as [ItemStatus, string | null][])('vote on a %s item → %s', (status, code) => {
    if (code === null) expect(() => assertItemVotable(status)).not.toThrow();
    else expect(catchDomainError(() => assertItemVotable(status)).code).toBe(code);
  });
});

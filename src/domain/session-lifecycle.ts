// Lifecycles as explicit transition tables checked by one function each (DOMAIN.md: planned →
// convened → open → closed; the procès-verbal of a closed session is adopted at the next one).
import { DomainError } from './errors';

export const SESSION_STATUSES = ['planned', 'convened', 'open', 'closed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  planned: ['convened', 'cancelled'],
  convened: ['open', 'cancelled'],
  // Once open, the session can only be closed: what happened is on record.
  open: ['closed'],
  closed: [],
  cancelled: [],
};

export const ITEM_STATUSES = ['draft', 'voted', 'withdrawn', 'adjourned'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_TRANSITIONS: Readonly<Record<ItemStatus, readonly ItemStatus[]>> = {
  draft: ['voted', 'withdrawn', 'adjourned'],
  voted: [],
  withdrawn: [],
  adjourned: [],
};

export function isSessionStatus(s: unknown): s is SessionStatus {
  return typeof s === 'string' && (SESSION_STATUSES as readonly string[]).includes(s);
}

export function isItemStatus(s: unknown): s is ItemStatus {
  return typeof s === 'string' && (ITEM_STATUSES as readonly string[]).includes(s);
}

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return isSessionStatus(from) && isSessionStatus(to) && SESSION_TRANSITIONS[from].includes(to);
}

/** Throws SESSION_TRANSITION_INVALID naming both statuses and what `from` allows. */
export function assertTransition(from: SessionStatus, to: SessionStatus): void {
  if (!canTransition(from, to)) {
    const allowed = isSessionStatus(from) ? SESSION_TRANSITIONS[from] : [];
    throw new DomainError(
      'SESSION_TRANSITION_INVALID',
      `A session cannot go from "${from}" to "${to}" (allowed from "${from}": ${allowed.join(', ') || 'none'})`,
      { from, to, allowed },
    );
  }
}

export function canItemTransition(from: ItemStatus, to: ItemStatus): boolean {
  return isItemStatus(from) && isItemStatus(to) && ITEM_TRANSITIONS[from].includes(to);
}

export function assertItemTransition(from: ItemStatus, to: ItemStatus): void {
  if (!canItemTransition(from, to)) {
    const allowed = isItemStatus(from) ? ITEM_TRANSITIONS[from] : [];
    throw new DomainError(
      'ITEM_TRANSITION_INVALID',
      `An item cannot go from "${from}" to "${to}" (allowed from "${from}": ${allowed.join(', ') || 'none'})`,
      { from, to, allowed },
    );
  }
}

/** A closed or cancelled session is part of the register: nothing in it changes any more. */
export function isSessionEditable(status: SessionStatus): boolean {
  return status !== 'closed' && status !== 'cancelled';
}

export function assertSessionEditable(status: SessionStatus): void {
  if (!isSessionEditable(status)) {
    throw new DomainError('SESSION_CLOSED', `The session is ${status}: its record can no longer change`, { status });
  }
}

/** A vote is recorded once, on an item still in draft. */
export function assertItemVotable(status: ItemStatus): void {
  if (status === 'voted') {
    throw new DomainError('VOTE_ALREADY_RECORDED', 'This item has already been voted', { status });
  }
  assertItemTransition(status, 'voted');
}

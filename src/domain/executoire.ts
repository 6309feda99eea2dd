// The exécutoire facts of a deliberation (L2131-1, L2131-2): its transmission to the préfecture (sent, then
// received: the acknowledgement's date of receipt and the identifier the platform returns) and its publication.
// Each is recorded once; a mistake is corrected by an explicit correction with a reason, never overwritten.
// Pure functions over plain data: the services load the facts, a trigger refuses an overwrite too (RG003).
import { DomainError } from './errors';
import { assertIsoDate } from './iso-date';

export interface ExecutoireFacts {
  /** Date the act was sent to the préfecture. */
  transmittedAt: string | null;
  /** Date of receipt on the préfecture's acknowledgement: the date printed and exported (the act is exécutoire from it). */
  receivedAt: string | null;
  /** The identifier the transmission platform returned (@ctes), stored as given. */
  acteId: string | null;
  publishedAt: string | null;
}

/** The facts of a row that carries them (an item). */
export const factsOf = (i: ExecutoireFacts): ExecutoireFacts => ({ transmittedAt: i.transmittedAt, receivedAt: i.receivedAt, acteId: i.acteId, publishedAt: i.publishedAt });

export const EXECUTOIRE_FIELDS = ['transmittedAt', 'receivedAt', 'acteId', 'publishedAt'] as const;
export type ExecutoireField = (typeof EXECUTOIRE_FIELDS)[number];

/** How each fact is recorded, for the messages that refuse a PATCH of it. */
const RECORDED_BY: Record<ExecutoireField, string> = {
  transmittedAt: 'POST .../items/:iid/transmission',
  receivedAt: 'POST .../items/:iid/acknowledgement',
  acteId: 'POST .../items/:iid/acknowledgement',
  publishedAt: 'POST .../items/:iid/publication',
};

export interface ExecutoireAct {
  number: string;
  status: string;
  /** Local date of the session that adopted it. */
  sessionDate: string;
}

/** A fact is recorded once: setting it again (to another value) is refused; the correction use case changes it. */
export function assertNotRecorded(facts: ExecutoireFacts, field: ExecutoireField, act: Pick<ExecutoireAct, 'number'>): void {
  const recorded = facts[field];
  if (recorded !== null) {
    throw new DomainError('EXECUTOIRE_FACT_RECORDED', `${field} of ${act.number} is recorded (${recorded}): a mistake is corrected with POST .../items/:iid/executoire-corrections and a reason`, {
      field, recorded,
    });
  }
}

/** PATCH of an item names an exécutoire fact: refused, recorded or not; each has its own use case. */
export function refusePatchOfFacts(facts: ExecutoireFacts, fields: string[], act: Pick<ExecutoireAct, 'number'>): void {
  for (const field of EXECUTOIRE_FIELDS.filter((f) => fields.includes(f))) {
    assertNotRecorded(facts, field, act);
    throw new DomainError('VALIDATION_FAILED', `${field} is recorded once, with ${RECORDED_BY[field]}`, { field });
  }
}

/**
 * The facts as they would stand after a recording or a correction: only a voted act is transmitted and published,
 * never before its session nor on a day still to come; receipt follows sending, with the platform's identifier.
 */
export function assertExecutoireFacts(facts: ExecutoireFacts, act: ExecutoireAct, today: string): void {
  const set = EXECUTOIRE_FIELDS.filter((f) => facts[f] !== null);
  if (set.length && act.status !== 'voted') {
    throw new DomainError('ITEM_NOT_VOTED', `${act.number} is ${act.status}: only an adopted act is transmitted and published (L2131-1)`, { field: set[0] });
  }
  for (const field of ['transmittedAt', 'receivedAt', 'publishedAt'] as const) {
    const date = facts[field];
    if (date === null) continue;
    assertIsoDate(date, field);
    if (date < act.sessionDate) throw new DomainError('VALIDATION_FAILED', `${field} ${date} is before the session of ${act.sessionDate}`, { field, sessionDate: act.sessionDate });
    if (date > today) throw new DomainError('VALIDATION_FAILED', `${field} ${date} is after today (${today}): a fact is recorded once it happened`, { field, today });
  }
  if (facts.receivedAt !== null && facts.transmittedAt === null) {
    throw new DomainError('VALIDATION_FAILED', 'receivedAt: the préfecture acknowledges an act once it is sent; record the transmission first', { field: 'receivedAt' });
  }
  if (facts.receivedAt !== null && facts.transmittedAt !== null && facts.receivedAt < facts.transmittedAt) {
    throw new DomainError('VALIDATION_FAILED', `receivedAt ${facts.receivedAt} is before the transmission of ${facts.transmittedAt}`, { field: 'receivedAt' });
  }
  if ((facts.receivedAt === null) !== (facts.acteId === null)) {
    const field = facts.acteId === null ? 'acteId' : 'receivedAt';
    throw new DomainError('VALIDATION_FAILED', `${field}: the acknowledgement gives both the date of receipt and the platform's identifier`, { field });
  }
}

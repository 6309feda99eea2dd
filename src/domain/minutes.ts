// The procès-verbal's lifecycle (L2121-15): written by the secretary during and after the session,
// adopted at a later session of the same body ("lors de la séance suivante"), then published within a week.
// Pure functions over plain data: the services load the facts, the database seals the result too.
import { DomainError } from './errors';
import { assertIsoDate } from './iso-date';

export const MINUTES_STATUSES = ['draft', 'adopted'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** The summary of the debates of one item, Markdown (about 100 kB at most). */
export const MAX_DEBATES_LENGTH = 100_000;

/** L2121-15: published "dans la semaine qui suit" its adoption. */
export const PUBLICATION_DAYS = 7;

export interface SessionFacts {
  id: string;
  bodyId: string;
  status: string;
  /** Instant of the session, to order sessions of a body. */
  startsAt: Date;
}

export interface MinutesFacts {
  status: MinutesStatus;
  adoptedOn: string | null;
  publishedOn: string | null;
}

/**
 * The debates are written once the session has opened and stay editable after it is closed, because the
 * procès-verbal is written afterwards; once adopted it is sealed. A cancelled session has no procès-verbal.
 */
export function assertDebatesEditable(minutes: Pick<MinutesFacts, 'status'>, session: Pick<SessionFacts, 'id' | 'status'>): void {
  if (minutes.status === 'adopted') {
    throw new DomainError('MINUTES_SEALED', `The procès-verbal of session ${session.id} is adopted: its debates can no longer change (L2121-15)`, {
      sessionId: session.id,
    });
  }
  if (session.status === 'cancelled') {
    throw new DomainError('SESSION_CLOSED', `Session ${session.id} is cancelled: it has no procès-verbal`, { sessionId: session.id });
  }
  if (session.status !== 'open' && session.status !== 'closed') {
    throw new DomainError('SESSION_NOT_OPEN', `Session ${session.id} is ${session.status}: debates are recorded once it has opened`, {
      sessionId: session.id,
    });
  }
}

/**
 * L2121-15: the procès-verbal of a closed session is adopted at a later session of the same body, while
 * that session sits (open). Each refusal names the rule in MINUTES_ADOPTION_INVALID.
 */
export function assertAdoptable(minutes: Pick<MinutesFacts, 'status'>, pv: SessionFacts, at: SessionFacts): void {
  if (minutes.status === 'adopted') {
    throw new DomainError('MINUTES_SEALED', `The procès-verbal of session ${pv.id} is already adopted`, { sessionId: pv.id });
  }
  const refuse = (rule: string, message: string): never => {
    throw new DomainError('MINUTES_ADOPTION_INVALID', message, { field: 'adoptedAtSessionId', rule, sessionId: pv.id, adoptedAtSessionId: at.id });
  };
  if (pv.status !== 'closed') refuse('session_closed', `The session is ${pv.status}: its procès-verbal is adopted once it is closed`);
  if (at.id === pv.id) refuse('later_session', 'adoptedAtSessionId: a procès-verbal is adopted at a later session, not at its own');
  if (at.bodyId !== pv.bodyId) refuse('same_body', 'adoptedAtSessionId: the adopting session must be a session of the same body');
  if (at.startsAt.getTime() <= pv.startsAt.getTime()) refuse('later_session', 'adoptedAtSessionId: the adopting session must be later than the session of the procès-verbal');
  if (at.status !== 'open') refuse('adopting_session_open', `adoptedAtSessionId: the adopting session is ${at.status}; the procès-verbal is adopted while it sits (open)`);
}

/**
 * The publication date is set once, after adoption, never before it, and not after `today` (local date, when
 * given): sealed once set, a date still to come could never be corrected.
 */
export function assertPublishable(minutes: MinutesFacts, publishedOn: string, today?: string): void {
  assertIsoDate(publishedOn, 'publishedOn');
  if (minutes.status !== 'adopted' || !minutes.adoptedOn) {
    throw new DomainError('MINUTES_NOT_ADOPTED', 'The procès-verbal is not adopted yet: it is published after its adoption (L2121-15)', { field: 'publishedOn' });
  }
  if (minutes.publishedOn) {
    throw new DomainError('MINUTES_SEALED', `The procès-verbal was published on ${minutes.publishedOn}: its publication date is sealed`, { field: 'publishedOn' });
  }
  if (publishedOn < minutes.adoptedOn) {
    throw new DomainError('VALIDATION_FAILED', `publishedOn ${publishedOn} is before the adoption of ${minutes.adoptedOn}`, { field: 'publishedOn', adoptedOn: minutes.adoptedOn });
  }
  if (today !== undefined && publishedOn > today) {
    throw new DomainError('VALIDATION_FAILED', `publishedOn ${publishedOn} is after today (${today}): a publication is recorded once made`, { field: 'publishedOn', today });
  }
}

/** Last day of publication (L2121-15: within the week following the adoption). */
export function publicationDue(adoptedOn: string): string {
  assertIsoDate(adoptedOn, 'adoptedOn');
  const d = new Date(`${adoptedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + PUBLICATION_DAYS);
  return d.toISOString().slice(0, 10);
}

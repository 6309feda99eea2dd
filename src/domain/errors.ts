// Coded domain errors: services throw them, one exception filter maps each code to an HTTP status.
// To add a code, append it to the right group below; the type follows.

export const DOMAIN_ERROR_CODES = [
  // generic
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'CONFLICT_STALE_VERSION',
  'MALFORMED_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'REFERENCE_INVALID',
  'DUPLICATE',
  'ITEM_SEALED',
  'TEMPLATE_INVALID',
  'TEMPLATE_TOO_EXPENSIVE',
  'ITEM_NOT_VOTED',
  // sessions and items
  'SESSION_CLOSED',
  'SESSION_TRANSITION_INVALID',
  'SESSION_NOT_OPEN',
  'ITEM_ALREADY_VOTED',
  'ITEM_TRANSITION_INVALID',
  'ITEM_POSITION_INVALID',
  'ITEM_NUMBER_TAKEN',
  'QUORUM_NOT_MET',
  'PRESIDENT_NOT_PRESENT',
  'SECOND_CONVOCATION_INVALID',
  'CONVOCATION_NOTICE_TOO_SHORT',
  // proxies (L2121-20)
  'PROXY_TO_SELF',
  'PROXY_GIVER_NOT_MEMBER',
  'PROXY_HOLDER_NOT_MEMBER',
  'PROXY_HOLDER_ABSENT',
  'PROXY_GIVER_PRESENT',
  'PROXY_HOLDER_ALREADY_HOLDS',
  'PROXY_GIVER_ALREADY_GAVE',
  'PROXY_CHAIN',
  'PROXY_TOO_MANY_SESSIONS',
  'PROXY_SESSIONS_NOT_CONSECUTIVE',
  'PROXY_ALREADY_REVOKED',
  // live screens
  'PROJECTOR_LINK_REVOKED',
  // votes (L2121-20, L2121-21, L2131-11)
  'VOTE_COUNTS_MISMATCH',
  'VOTE_BALLOT_NOT_ENTITLED',
  'VOTE_BALLOT_DUPLICATE',
  'VOTE_BALLOTS_INCOMPLETE',
  'VOTE_MEMBER_NOT_TAKING_PART',
  'VOTE_ALREADY_RECORDED',
  'VOTE_MODE_INVALID',
  'VOTE_TIE_NEEDS_PRESIDENT_CHOICE',
  'VOTE_REQUEST_INSUFFICIENT',
  'VOTE_REQUESTER_NOT_PRESENT',
  'ELECTION_ROUNDS_INVALID',
  // procès-verbal (L2121-15)
  'MINUTES_SEALED',
  'MINUTES_NOT_ADOPTED',
  'MINUTES_ADOPTION_INVALID',
  // exécutoire facts (L2131-1): recorded once, corrected with a reason
  'EXECUTOIRE_FACT_RECORDED',
  // issued acts: signatures (L2121-23), annexes, the sealed chain
  'SIGNATURE_CONFIRMATION_FAILED',
  'SIGNATURE_NOT_REQUIRED',
  'ACT_ALREADY_SIGNED',
  'ACT_ALREADY_ISSUED',
  'ACT_NOT_ISSUED',
  'ANNEX_INVALID',
  'RECTIFICATION_INVALID',
  'RECTIFIED_ACT_NOT_ISSUED',
  // attendance and membership (L5211-6 for suppléants)
  // live gestures made on an older version of the session (issue 7, point 2)
  'GESTURE_CONFLICT',
  'ATTENDANCE_NOT_MEMBER',
  'ATTENDANCE_CHANGE_INVALID',
  'SUPPLEANT_NOT_ALLOWED',
  'SUPPLEANT_MISMATCH',
  'MEMBER_NOT_IN_OFFICE',
  // numbering and rule profiles
  'NUMBER_PATTERN_INVALID',
  'CUSTOM_RULES_INVALID',
  // operations: the database is down, restarting or overloaded (retry later)
  'DATABASE_UNAVAILABLE',
  // accounts and permissions
  'UNAUTHENTICATED',
  'SIGN_IN_FAILED',
  'SIGN_IN_THROTTLED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'SIGNATURE_NOT_ALLOWED',
  'ACCOUNT_LAST_ADMINISTRATOR',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
    // Keeps `instanceof` working when compiled to older targets.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isDomainError(e: unknown, code?: DomainErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}

/** Returns the value or throws NOT_FOUND naming what was looked for. */
export function assertFound<T>(value: T | null | undefined, entity: string, id: string): T {
  if (value === null || value === undefined) {
    throw new DomainError('NOT_FOUND', `${entity} ${id} not found`, { entity, id });
  }
  return value;
}

/** Optimistic locking: the client must send the version it read. */
export function assertVersion(entity: string, id: string, expected: number, actual: number): void {
  if (expected !== actual) {
    throw new DomainError(
      'CONFLICT_STALE_VERSION',
      `${entity} ${id} was changed meanwhile (version ${actual}, you sent ${expected}); reload and retry`,
      { entity, id, expected, actual },
    );
  }
}

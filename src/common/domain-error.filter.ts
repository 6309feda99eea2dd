import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorCode } from '../domain/errors';
import { logOncePerCause, rootLogger } from './logging';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Every code maps to one status; the switch is exhaustive so a new code cannot go unmapped. */
export function statusFor(code: DomainErrorCode): number {
  switch (code) {
    case 'SIGNATURE_CONFIRMATION_FAILED':
      return 401;
    case 'ACT_NOT_ISSUED':
    case 'NOT_FOUND':
      return 404;
    case 'VALIDATION_FAILED':
    case 'MALFORMED_REQUEST':
    case 'TEMPLATE_INVALID':
    case 'NUMBER_PATTERN_INVALID':
    case 'CUSTOM_RULES_INVALID':
      return 400;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNAUTHENTICATED':
    case 'SIGN_IN_FAILED':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF_TOKEN_INVALID':
    case 'SIGNATURE_NOT_ALLOWED':
      return 403;
    case 'SIGN_IN_THROTTLED':
      return 429;
    case 'ACCOUNT_LAST_ADMINISTRATOR':
      return 409;
    case 'CONFLICT_STALE_VERSION':
    case 'GESTURE_CONFLICT':
    case 'DUPLICATE':
    case 'SESSION_CLOSED':
    case 'SESSION_TRANSITION_INVALID':
    case 'SESSION_NOT_OPEN':
    case 'ITEM_ALREADY_VOTED':
    case 'ITEM_TRANSITION_INVALID':
    case 'ITEM_SEALED':
    case 'ITEM_NUMBER_TAKEN':
    case 'ITEM_NOT_VOTED':
    case 'VOTE_ALREADY_RECORDED':
    case 'PROXY_ALREADY_REVOKED':
    case 'PROJECTOR_LINK_REVOKED':
    case 'MINUTES_SEALED':
    case 'MINUTES_NOT_ADOPTED':
    case 'EXECUTOIRE_FACT_RECORDED':
    case 'SIGNATURE_NOT_REQUIRED':
    case 'ACT_ALREADY_SIGNED':
    case 'ACT_ALREADY_ISSUED':
    case 'RECTIFIED_ACT_NOT_ISSUED':
      return 409;
    case 'ANNEX_INVALID':
      return 415;
    case 'REFERENCE_INVALID':
    case 'ITEM_POSITION_INVALID':
    case 'QUORUM_NOT_MET':
    case 'PRESIDENT_NOT_PRESENT':
    case 'SECOND_CONVOCATION_INVALID':
    case 'CONVOCATION_NOTICE_TOO_SHORT':
    case 'PROXY_TO_SELF':
    case 'PROXY_GIVER_NOT_MEMBER':
    case 'PROXY_HOLDER_NOT_MEMBER':
    case 'PROXY_HOLDER_ABSENT':
    case 'PROXY_GIVER_PRESENT':
    case 'PROXY_HOLDER_ALREADY_HOLDS':
    case 'PROXY_GIVER_ALREADY_GAVE':
    case 'PROXY_CHAIN':
    case 'PROXY_TOO_MANY_SESSIONS':
    case 'PROXY_SESSIONS_NOT_CONSECUTIVE':
    case 'VOTE_COUNTS_MISMATCH':
    case 'VOTE_BALLOT_NOT_ENTITLED':
    case 'VOTE_BALLOT_DUPLICATE':
    case 'VOTE_BALLOTS_INCOMPLETE':
    case 'VOTE_MEMBER_NOT_TAKING_PART':
    case 'VOTE_MODE_INVALID':
    case 'VOTE_TIE_NEEDS_PRESIDENT_CHOICE':
    case 'VOTE_REQUEST_INSUFFICIENT':
    case 'VOTE_REQUESTER_NOT_PRESENT':
    case 'ELECTION_ROUNDS_INVALID':
    case 'MINUTES_ADOPTION_INVALID':
    case 'ATTENDANCE_NOT_MEMBER':
    case 'ATTENDANCE_CHANGE_INVALID':
    case 'SUPPLEANT_NOT_ALLOWED':
    case 'SUPPLEANT_MISMATCH':
    case 'MEMBER_NOT_IN_OFFICE':
    case 'RECTIFICATION_INVALID':
    // A template whose document runs past its deadline or memory (worker stopped): the request is understood, the template is at fault.
    case 'TEMPLATE_TOO_EXPENSIVE':
      return 422;
    case 'DATABASE_UNAVAILABLE':
      return 503;
  }
}

/** Named constraints of the migrations that clients can trip, with the code they stand for. */
const CONSTRAINT_CODES: Record<string, DomainErrorCode> = {
  vote_item_unique: 'VOTE_ALREADY_RECORDED',
  ballot_member_unique: 'VOTE_BALLOT_DUPLICATE',
  item_number_unique: 'ITEM_NUMBER_TAKEN',
  act_signature_unique: 'ACT_ALREADY_SIGNED',
  issued_act_item_unique: 'ACT_ALREADY_ISSUED',
};

/**
 * The database is down, restarting, refusing connections or past a timeout: a 503 to retry, not a 500.
 * (08: connection exception, 57P01-03: shutdown or starting up, 57014: statement timeout, 53300: too many connections;
 * ENOENT on PostgreSQL's Unix socket: the embedded server is restarting and its socket is not there yet.)
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = (e instanceof QueryFailedError ? e.driverError : e) as { code?: string; message?: string } | null;
  if (!err || typeof err !== 'object') return false;
  // TypeORM releases a transaction's runner when its connection breaks; the use case's next query then meets this.
  if (/^QueryRunner(Provider)?AlreadyReleasedError$/.test((err as Error).name)) return true;
  const code = String(err.code ?? '');
  if (/^08|^57P0[123]$|^57014$|^53300$|^55P03$|^ECONNREFUSED$|^ECONNRESET$|^EPIPE$|^ETIMEDOUT$/.test(code)) return true;
  if (code === 'ENOENT' && /\.s\.PGSQL\.\d+/.test(err.message ?? '')) return true;
  return /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Query read timeout/i.test(err.message ?? '');
}

/** Turns a PostgreSQL error into a domain error: the database enforces invariants too. */
export function fromDatabaseError(e: QueryFailedError): DomainError | null {
  const err = e.driverError as { code?: string; constraint?: string; message?: string; detail?: string; column?: string };
  const constraint = err.constraint ?? '';
  switch (err.code) {
    case 'RG001':
      return new DomainError('SESSION_CLOSED', `The session is closed: its record is sealed (${err.message})`);
    case 'RG002':
      return new DomainError('ITEM_SEALED', `Sealed record: ${err.message}`);
    case 'RG003':
      return new DomainError('EXECUTOIRE_FACT_RECORDED', `${err.message}`);
    case '23505':
      return new DomainError(CONSTRAINT_CODES[constraint] ?? 'DUPLICATE', `Already exists (${constraint}): ${err.detail ?? ''}`.trim(), { constraint });
    case '23503':
      return new DomainError('REFERENCE_INVALID', `Unknown reference (${constraint}): ${err.detail ?? ''}`.trim(), { constraint });
    case '23514':
    case '23502':
      return new DomainError('VALIDATION_FAILED', `Rule ${constraint || err.column || ''} broken: ${err.message}`, { constraint, column: err.column });
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    // A NUL character in a text, or \u0000 in JSON: PostgreSQL stores neither.
    case '22021':
    case '22P05':
      return new DomainError('VALIDATION_FAILED', `Invalid value: ${err.message}`);
    case '40001':
    case '40P01':
      return new DomainError('CONFLICT_STALE_VERSION', 'A concurrent change was detected; retry');
    default:
      return null;
  }
}

@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) logOncePerCause(rootLogger(), exception, { context: 'Errors', status: body.statusCode });
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    let e = exception;
    if (isDatabaseUnavailable(e)) e = new DomainError('DATABASE_UNAVAILABLE', 'The database is unavailable or did not answer in time; retry shortly');
    if (e instanceof QueryFailedError) e = fromDatabaseError(e) ?? e;
    if (e instanceof DomainError) {
      return { statusCode: statusFor(e.code), code: e.code, message: e.message, details: e.details };
    }
    if (e instanceof HttpException) return this.fromHttpException(e);
    // body-parser errors reach us as plain errors carrying a status and a type.
    const parser = e as { status?: number; type?: string; message?: string };
    if (parser && typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500) {
      const tooLarge = parser.status === 413;
      return {
        statusCode: parser.status,
        code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_REQUEST',
        message: tooLarge ? 'Request body too large' : `Malformed request body: ${parser.message ?? parser.type}`,
        details: { type: parser.type },
      };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error', details: {} };
  }

  private fromHttpException(e: HttpException): ErrorBody {
    const status = e.getStatus();
    const response = e.getResponse() as string | { message?: string | string[] };
    const message = typeof response === 'string' ? response : Array.isArray(response.message) ? response.message.join('; ') : (response.message ?? e.message);
    const code =
      status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 400 && /JSON|Unexpected|parse/i.test(message) ? 'MALFORMED_REQUEST' : status === 400 ? 'VALIDATION_FAILED' : `HTTP_${status}`;
    return { statusCode: status, code, message, details: {} };
  }
}

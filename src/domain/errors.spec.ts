import { assertFound, assertVersion, DOMAIN_ERROR_CODES, DomainError, isDomainError } from './errors';
import { catchDomainError } from './testing/context-builder';

const REQUIRED = [
  'NOT_FOUND', 'VALIDATION_FAILED', 'CONFLICT_STALE_VERSION', 'SESSION_CLOSED', 'SESSION_TRANSITION_INVALID', 'QUORUM_NOT_MET',
  'PROXY_TO_SELF', 'PROXY_GIVER_NOT_MEMBER', 'PROXY_HOLDER_NOT_MEMBER', 'PROXY_HOLDER_ABSENT', 'PROXY_GIVER_PRESENT',
  'PROXY_HOLDER_ALREADY_HOLDS', 'PROXY_GIVER_ALREADY_GAVE', 'PROXY_CHAIN', 'PROXY_TOO_MANY_SESSIONS',
  'PROXY_SESSIONS_NOT_CONSECUTIVE', 'PROXY_ALREADY_REVOKED', 'VOTE_COUNTS_MISMATCH', 'VOTE_BALLOT_NOT_ENTITLED',
  'VOTE_BALLOT_DUPLICATE', 'VOTE_BALLOTS_INCOMPLETE', 'VOTE_MEMBER_NOT_TAKING_PART', 'VOTE_ALREADY_RECORDED', 'VOTE_MODE_INVALID',
  'VOTE_TIE_NEEDS_PRESIDENT_CHOICE', 'ELECTION_ROUNDS_INVALID', 'ATTENDANCE_NOT_MEMBER', 'ATTENDANCE_CHANGE_INVALID',
  'SUPPLEANT_NOT_ALLOWED', 'SUPPLEANT_MISMATCH', 'MEMBER_NOT_IN_OFFICE', 'ITEM_POSITION_INVALID', 'NUMBER_PATTERN_INVALID',
  'CUSTOM_RULES_INVALID',
];

describe('DomainError', () => {
  it('lists every code once', () => {
    expect(DOMAIN_ERROR_CODES).toEqual(expect.arrayContaining(REQUIRED));
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(DOMAIN_ERROR_CODES.length);
  });

  it('carries code, message and details and stays an Error', () => {
    const e = new DomainError('PROXY_CHAIN', 'no chains', { proxyId: 'p1' });
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(DomainError);
    expect([e.name, e.code, e.message, e.details]).toEqual(['DomainError', 'PROXY_CHAIN', 'no chains', { proxyId: 'p1' }]);
    expect(new DomainError('NOT_FOUND', 'x').details).toEqual({});
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(e, 'PROXY_CHAIN')).toBe(true);
    expect(isDomainError(e, 'NOT_FOUND')).toBe(false);
    expect(isDomainError(new Error('x'))).toBe(false);
  });

  it('assertFound → NOT_FOUND naming what was looked for', () => {
    expect(assertFound(0, 'Item', 'i1')).toBe(0);
    const e = catchDomainError(() => assertFound(null, 'Session', 's1'));
    expect([e.code, e.message, e.details]).toEqual(['NOT_FOUND', 'Session s1 not found', { entity: 'Session', id: 's1' }]);
    expect(catchDomainError(() => assertFound(undefined, 'Item', 'i1')).code).toBe('NOT_FOUND');
  });

  it('assertVersion → CONFLICT_STALE_VERSION', () => {
    expect(() => assertVersion('Item', 'i1', 3, 3)).not.toThrow();
    const e = catchDomainError(() => assertVersion('Item', 'i1', 2, 3));
    expect(e.code).toBe('CONFLICT_STALE_VERSION');
    expect(e.details).toMatchObject({ expected: 2, actual: 3 });
  });
});

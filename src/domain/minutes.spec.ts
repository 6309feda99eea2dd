import { assertAdoptable, assertDebatesEditable, assertPublishable, publicationDue, SessionFacts } from './minutes';
import { catchDomainError } from './testing/context-builder';

const at = (iso: string) => new Date(iso);
const pv: SessionFacts = { id: 'pv', bodyId: 'b', status: 'closed', startsAt: at('2019-09-30T16:30:00Z') };
const next: SessionFacts = { id: 'next', bodyId: 'b', status: 'open', startsAt: at('2019-10-14T16:30:00Z') };

describe('debates of the procès-verbal (L2121-15)', () => {
  it.each([
    ['draft', 'open', null],
    ['draft', 'closed', null],
    ['draft', 'convened', 'SESSION_NOT_OPEN'],
    ['draft', 'planned', 'SESSION_NOT_OPEN'],
    ['draft', 'cancelled', 'SESSION_CLOSED'],
    ['adopted', 'closed', 'MINUTES_SEALED'],
  ] as const)('minutes %s, session %s → %s', (status, sessionStatus, code) => {
    const run = () => assertDebatesEditable({ status }, { id: 's', status: sessionStatus });
    if (code === null) expect(run).not.toThrow();
    else expect(catchDomainError(run).code).toBe(code);
  });
});

describe('adoption at a later open session of the same body', () => {
  it.each([
    ['the next session, open', null, {}, {}],
    ['a session of another body', 'same_body', {}, { bodyId: 'other' }],
    ['an earlier session', 'later_session', {}, { startsAt: at('2019-09-01T16:30:00Z') }],
    ['a session at the same instant', 'later_session', {}, { startsAt: pv.startsAt }],
    ['its own session', 'later_session', {}, { id: 'pv' }],
    ['a later session not yet open', 'adopting_session_open', {}, { status: 'convened' }],
    ['a later session already closed', 'adopting_session_open', {}, { status: 'closed' }],
    ['while the session of the procès-verbal is still open', 'session_closed', { status: 'open' }, {}],
  ] as const)('%s → %s', (_what, rule, pvChange, atChange) => {
    const run = () => assertAdoptable({ status: 'draft' }, { ...pv, ...pvChange }, { ...next, ...atChange });
    if (rule === null) return expect(run).not.toThrow();
    const e = catchDomainError(run);
    expect([e.code, e.details.rule, e.details.field]).toEqual(['MINUTES_ADOPTION_INVALID', rule, 'adoptedAtSessionId']);
  });

  it('is done once', () => {
    expect(catchDomainError(() => assertAdoptable({ status: 'adopted' }, pv, next)).code).toBe('MINUTES_SEALED');
  });
});

describe('publication', () => {
  const adopted = { status: 'adopted' as const, adoptedOn: '2019-10-14', publishedOn: null };
  it.each([
    ['on the day of adoption', null, adopted, '2019-10-14'],
    ['a week later', null, adopted, '2019-10-21'],
    ['before adoption', 'VALIDATION_FAILED', adopted, '2019-10-13'],
    ['of a draft', 'MINUTES_NOT_ADOPTED', { status: 'draft' as const, adoptedOn: null, publishedOn: null }, '2019-10-14'],
    ['a second time', 'MINUTES_SEALED', { ...adopted, publishedOn: '2019-10-15' }, '2019-10-16'],
    ['with an impossible date', 'VALIDATION_FAILED', adopted, '2019-02-30'],
  ])('%s → %s', (_what, code, minutes, date) => {
    const run = () => assertPublishable(minutes, date);
    if (code === null) expect(run).not.toThrow();
    else expect(catchDomainError(run).code).toBe(code);
  });

  it('is not dated after today: sealed once set, it could never be corrected', () => {
    expect(() => assertPublishable(adopted, '2019-10-18', '2019-10-18')).not.toThrow();
    const e = catchDomainError(() => assertPublishable(adopted, '2019-10-19', '2019-10-18'));
    expect([e.code, e.details.field, e.message]).toEqual(['VALIDATION_FAILED', 'publishedOn', 'publishedOn 2019-10-19 is after today (2019-10-18): a publication is recorded once made']);
  });

  it('is due within the week after adoption, across months and years', () => {
    expect(publicationDue('2019-10-14')).toBe('2019-10-21');
    expect(publicationDue('2019-10-28')).toBe('2019-11-04');
    expect(publicationDue('2019-12-27')).toBe('2020-01-03');
  });
});

import { catchDomainError } from './testing/context-builder';
import { assertExecutoireFacts, assertNotRecorded, ExecutoireFacts, refusePatchOfFacts } from './executoire';

const none: ExecutoireFacts = { transmittedAt: null, receivedAt: null, acteId: null, publishedAt: null };
const act = { number: '24-001', status: 'voted', sessionDate: '2024-03-11' };
const today = '2024-04-01';

describe('exécutoire facts (L2131-1)', () => {
  it('accepts the facts of an adopted act in their order, from the session to today', () => {
    expect(() => assertExecutoireFacts(none, act, today)).not.toThrow();
    expect(() => assertExecutoireFacts({ transmittedAt: '2024-03-11', receivedAt: '2024-03-12', acteId: 'X', publishedAt: '2024-04-01' }, act, today)).not.toThrow();
    // Publication does not wait for the transmission.
    expect(() => assertExecutoireFacts({ ...none, publishedAt: '2024-03-12' }, act, today)).not.toThrow();
  });

  it.each<[string, Partial<ExecutoireFacts>, string, string, RegExp]>([
    ['before the session', { transmittedAt: '2024-03-10' }, 'VALIDATION_FAILED', 'transmittedAt', /before the session/],
    ['a day still to come', { publishedAt: '2024-04-02' }, 'VALIDATION_FAILED', 'publishedAt', /after today/],
    ['received but never sent', { receivedAt: '2024-03-12', acteId: 'X' }, 'VALIDATION_FAILED', 'receivedAt', /transmission first/],
    ['received before it was sent', { transmittedAt: '2024-03-13', receivedAt: '2024-03-12', acteId: 'X' }, 'VALIDATION_FAILED', 'receivedAt', /before the transmission/],
    ['a receipt without the identifier', { transmittedAt: '2024-03-12', receivedAt: '2024-03-12' }, 'VALIDATION_FAILED', 'acteId', /both/],
    ['not a date', { transmittedAt: '2024-02-30' }, 'VALIDATION_FAILED', 'transmittedAt', /YYYY-MM-DD/],
  ])('refuses %s', (_what, facts, code, field, message) => {
    const e = catchDomainError(() => assertExecutoireFacts({ ...none, ...facts }, act, today));
    expect({ code: e.code, field: e.details.field }).toEqual({ code, field });
    expect(e.message).toMatch(message);
  });

  it('refuses the facts of an act not adopted', () => {
    expect(catchDomainError(() => assertExecutoireFacts({ ...none, publishedAt: '2024-03-12' }, { ...act, status: 'draft' }, today)).code).toBe('ITEM_NOT_VOTED');
  });

  it('records each fact once; a PATCH names the use case, or says it is recorded', () => {
    const sent = { ...none, transmittedAt: '2024-03-12' };
    expect(() => assertNotRecorded(sent, 'receivedAt', act)).not.toThrow();
    expect(catchDomainError(() => assertNotRecorded(sent, 'transmittedAt', act))).toMatchObject({ code: 'EXECUTOIRE_FACT_RECORDED', details: { field: 'transmittedAt', recorded: '2024-03-12' } });
    expect(catchDomainError(() => refusePatchOfFacts(sent, ['object', 'transmittedAt'], act)).code).toBe('EXECUTOIRE_FACT_RECORDED');
    expect(catchDomainError(() => refusePatchOfFacts(sent, ['publishedAt'], act))).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/publication/) });
    expect(() => refusePatchOfFacts(sent, ['object', 'version'], act)).not.toThrow();
  });
});

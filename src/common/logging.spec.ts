import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './domain-error.filter';
import { logOncePerCause } from './logging';

const fakeLogger = () => {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: { error: (obj: Record<string, unknown>, msg: string) => lines.push({ ...obj, msg }) } as never };
};

describe('logOncePerCause', () => {
  it('logs a cause once with its stack, counts its repeats, and logs another cause apart', () => {
    const { lines, logger } = fakeLogger();
    for (let i = 0; i < 1000; i++) logOncePerCause(logger, Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${5432 + 0}`), { code: 'ECONNREFUSED' }));
    logOncePerCause(logger, new Error('something else'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ code: 'ECONNREFUSED', repeatedSinceLastLine: 0, stack: expect.stringContaining('ECONNREFUSED') });
    expect(lines[1]).toMatchObject({ msg: 'something else' });
  });
});

describe('isDatabaseUnavailable: a 503 to retry, not a 500', () => {
  const pg = (code: string, message = 'x') => new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['Unix socket not there yet (embedded server restarting)', Object.assign(new Error('connect ENOENT /srv/registre/data/postgres/.s.PGSQL.54812'), { code: 'ENOENT' })],
    ['server starting up', pg('57P03')],
    ['administrator shutdown', pg('57P01')],
    ['statement timeout', pg('57014')],
    ['lock timeout', pg('55P03')],
    ['connection lost mid-query', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['runner released after its connection broke', Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerAlreadyReleasedError' })],
  ])('%s', (_name, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  it.each([
    ['a unique violation', pg('23505')],
    ['a programming error', new TypeError('x is undefined')],
    ['a missing file', Object.assign(new Error("ENOENT: no such file or directory, open 'templates/x.hbs'"), { code: 'ENOENT' })],
    ['nothing', undefined],
  ])('not %s', (_name, e) => expect(isDatabaseUnavailable(e)).toBe(false));
});

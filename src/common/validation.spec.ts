import { jsonBeyondLimits } from './validation';

const nested = (n: number) => Array.from({ length: n }).reduce<unknown>((inner) => [inner], 0);
const wide = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 0]));
const list = (n: number, item: unknown = 0) => Array.from({ length: n }, () => item);

describe('jsonBeyondLimits: the shapes refused before class-transformer and class-validator', () => {
  it.each<[string, unknown, ReturnType<typeof jsonBeyondLimits>]>([
    ['a scalar', 'x', null],
    ['an uploaded file (its Buffer is one value)', { fieldname: 'file', buffer: Buffer.alloc(5_000_000) }, null],
    ['a roll call of 2,000 ballots and their requesters', { mode: 'roll_call', ballots: list(2000, { voterId: 'a', onBehalfOfId: 'b', choice: 'pour' }), requestedBy: list(2000, 'a') }, null],
    ['32 levels', nested(32), null],
    ['33 levels', { a: nested(32) }, { limit: 'depth', path: 'a'.concat('.0'.repeat(31)) }],
    ['an object of 1,000 fields', wide(1000), null],
    ['an object of 1,001 fields, named by its path', { memberships: [wide(1001)] }, { limit: 'fields', path: 'memberships.0' }],
    ['an array of 2,001 elements, named by its path', { version: 1, entries: list(2001, {}) }, { limit: 'elements', path: 'entries' }],
    ['more than 20,000 values', { a: list(2000, list(10)) }, { limit: 'values', path: '' }],
  ])('%s', (_, value, expected) => {
    expect(jsonBeyondLimits(value)).toEqual(expected);
  });

  it('stops at the first limit passed, whatever the size behind it', () => {
    expect(jsonBeyondLimits(list(1_000_000))).toEqual({ limit: 'elements', path: '' });
  });
});

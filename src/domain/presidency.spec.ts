import { computeAttendance } from './attendance';
import { assertPresidentPresent } from './presidency';
import { buildContext, catchDomainError, ids } from './testing/context-builder';

// Five in office, m1 presides; m1..m4 present at the opening.
const members = ids(5);
const state = (changes: { memberId: string; kind: 'arrival' | 'departure'; fromPosition: number }[], position: number, notTakingPart: string[] = []) =>
  computeAttendance(buildContext({ members, present: ['m1', 'm2', 'm3', 'm4'], changes, position, notTakingPart }));
const item = { id: 'i', number: '24-03-2' };

describe('the president is in the room (L2121-14)', () => {
  it.each<[string, Parameters<typeof state>, string, boolean]>([
    ['present at the opening', [[], 2], 'm1', true],
    ['left before the item', [[{ memberId: 'm1', kind: 'departure', fromPosition: 2 }], 2], 'm1', false],
    ['left after it', [[{ memberId: 'm1', kind: 'departure', fromPosition: 3 }], 2], 'm1', true],
    ['back for the item', [[{ memberId: 'm1', kind: 'departure', fromPosition: 2 }, { memberId: 'm1', kind: 'arrival', fromPosition: 3 }], 3], 'm1', true],
    ['never came', [[], 2], 'm5', false],
    ['arrived for the item', [[{ memberId: 'm5', kind: 'arrival', fromPosition: 2 }], 2], 'm5', true],
  ])('%s', (_, args, presidentId, ok) => {
    const run = () => assertPresidentPresent(state(...args), presidentId, item);
    if (ok) {
      expect(run).not.toThrow();
      return;
    }
    const e = catchDomainError(run);
    expect([e.code, e.details]).toEqual(['PRESIDENT_NOT_PRESENT', { field: 'presidentId', presidentId, itemId: 'i', position: args[1] }]);
    expect(e.message).toMatch(new RegExp(`president of item 24-03-2 \\(M\\. ${presidentId.toUpperCase()} ${presidentId.toUpperCase()}\\) is not present.*presidentId.*L2121-14`));
  });
});

describe('an interested president does not preside (L2131-11, L2121-14)', () => {
  it('present but not taking part in the item: refused, naming the item field to set', () => {
    const e = catchDomainError(() => assertPresidentPresent(state([], 2, ['m1']), 'm1', item));
    expect([e.code, e.details]).toEqual(['PRESIDENT_NOT_PRESENT', { field: 'presidentId', presidentId: 'm1', itemId: 'i', position: 2, reason: 'not_taking_part' }]);
    expect(e.message).toMatch(/president of item 24-03-2 \(M\. M1 M1\) does not take part in it \(L2131-11.*presidentId.*L2121-14/);
  });

  it('another member not taking part leaves the president presiding', () => {
    expect(() => assertPresidentPresent(state([], 2, ['m2']), 'm1', item)).not.toThrow();
  });
});

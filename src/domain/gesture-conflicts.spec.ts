import { firstConflict, RecordedChange } from './gesture-conflicts';

const change = (version: number, c: Partial<RecordedChange>): RecordedChange => ({ version, members: [], itemId: null, whole: false, ...c });

describe('firstConflict: a gesture made on an older version', () => {
  it('is applied when the changes since touch other members and other items', () => {
    expect(firstConflict([change(4, { members: ['b'] }), change(5, { itemId: 'i2' })], { members: ['a'], voteItemId: 'i1' })).toBeNull();
  });

  it('is refused when a change since touches the same member (an arrival, a proxy given or held)', () => {
    expect(firstConflict([change(4, { members: ['b'] }), change(5, { members: ['c', 'a'] })], { members: ['a'] })).toEqual(change(5, { members: ['c', 'a'] }));
  });

  it("is refused when a change since touches a proxy's giver or holder", () => {
    expect(firstConflict([change(7, { members: ['holder'] })], { members: ['giver', 'holder'] })?.version).toBe(7);
  });

  it("is refused when the same item's vote changed, but not for a member's gesture on that item", () => {
    expect(firstConflict([change(3, { itemId: 'i1' })], { members: [], voteItemId: 'i1' })?.version).toBe(3);
    expect(firstConflict([change(3, { itemId: 'i1' })], { members: ['a'] })).toBeNull();
  });

  it('is refused after a change of the session as a whole', () => {
    expect(firstConflict([change(9, { whole: true })], { members: ['a'] })?.version).toBe(9);
  });

  it('is applied when nothing changed since', () => {
    expect(firstConflict([], { members: ['a'], voteItemId: 'i1' })).toBeNull();
  });
});

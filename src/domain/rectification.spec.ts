import { assertRectification, type RectificationCandidate } from './rectification';

const original = { itemId: 'a0000000-0000-4000-8000-000000000001', bodyId: 'b1', number: '2026-001', status: 'voted', sessionDate: '2026-03-12', issued: true };
const rectifying: RectificationCandidate = { itemId: 'a0000000-0000-4000-8000-000000000009', bodyId: 'b1', number: '2026-004', status: 'draft', sessionDate: '2026-04-09' };

describe('a rectificative act (a new deliberation pointing to an issued one)', () => {
  it('is allowed to a later draft item of the same body on an issued act, the same day too', () => {
    expect(() => assertRectification(rectifying, original)).not.toThrow();
    expect(() => assertRectification({ ...rectifying, sessionDate: original.sessionDate }, original)).not.toThrow();
  });

  it.each([
    ['itself', { ...rectifying, itemId: original.itemId.toUpperCase() }, original, 'RECTIFICATION_INVALID', /itself/],
    ['once voted', { ...rectifying, status: 'voted' }, original, 'ITEM_SEALED', /before the vote/],
    ['another body', { ...rectifying, bodyId: 'b2' }, original, 'RECTIFICATION_INVALID', /body that adopted it/],
    ['before the original', { ...rectifying, sessionDate: '2026-03-01' }, original, 'RECTIFICATION_INVALID', /comes after/],
    ['an act not issued', rectifying, { ...original, issued: false }, 'RECTIFIED_ACT_NOT_ISSUED', /not issued/],
  ] as const)('is refused for %s', (_name, r, o, code, message) => {
    expect(() => assertRectification(r, o)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });
});

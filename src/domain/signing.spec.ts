import { maySign, requiredSigners, signerFor, signingContextOf } from './signing';

const P = 'aaaaaaaa-0000-4000-8000-000000000001';
const IP = 'aaaaaaaa-0000-4000-8000-000000000002';
const S1 = 'aaaaaaaa-0000-4000-8000-000000000003';
const S2 = 'aaaaaaaa-0000-4000-8000-000000000004';
const OTHER = 'aaaaaaaa-0000-4000-8000-000000000005';

describe('signing rule (L2121-23, L2121-15)', () => {
  const session = { itemPresidentId: null, sessionPresidentId: P, secretaryIds: [S1, S2] };

  it.each([
    ['the session president, no item president', session, P, true],
    ['each secrétaire de séance', session, S1, true],
    ['the second secrétaire', session, S2, true],
    ['a member who is neither', session, OTHER, false],
    ['an account linked to no member (a staff secretary)', session, null, false],
    ['the item president replaces the session president', { ...session, itemPresidentId: IP }, IP, true],
    ['the session president does not sign an item another member presided', { ...session, itemPresidentId: IP }, P, false],
    ['ids compare regardless of case', session, P.toUpperCase(), true],
  ] as const)('%s', (_name, ctx, member, expected) => {
    expect(maySign(member, ctx)).toBe(expected);
  });

  it('names each signer once, president first, with the capacity he signs in', () => {
    expect(requiredSigners({ itemPresidentId: null, sessionPresidentId: P, secretaryIds: [S1, P] })).toEqual([
      { memberId: P, capacity: 'president' },
      { memberId: S1, capacity: 'secretary' },
    ]);
    expect(signerFor(S1, session)).toEqual({ memberId: S1, capacity: 'secretary' });
  });

  it('no president and no secretary: nobody may sign', () => {
    expect(requiredSigners({ itemPresidentId: null, sessionPresidentId: null, secretaryIds: [] })).toEqual([]);
    expect(maySign(P, { itemPresidentId: null, sessionPresidentId: null, secretaryIds: [] })).toBe(false);
  });

  it('reads who presided and who was secretary from an act\'s record', () => {
    const record = { item: { president: null }, session: { president: { id: P }, secretaries: [{ id: S1 }, { id: S2 }] } };
    expect(signingContextOf(record)).toEqual(session);
    expect(signingContextOf({ ...record, item: { president: { id: IP } } }).itemPresidentId).toBe(IP);
  });
});

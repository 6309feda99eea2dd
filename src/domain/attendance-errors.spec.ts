import { computeAttendance } from './attendance';
import { DomainErrorCode } from './errors';
import { buildContext, catchDomainError, ContextSpec, member, suppleant } from './testing/context-builder';

const FIVE = ['a', 'b', 'c', 'd', 'e'];

describe('computeAttendance errors', () => {
  const errCases: { name: string; spec: ContextSpec; code: DomainErrorCode }[] = [
    { name: 'row for a non-member', spec: { members: FIVE, present: ['zz'] }, code: 'ATTENDANCE_NOT_MEMBER' },
    {
      name: 'change for a non-member',
      spec: { members: FIVE, changes: [{ memberId: 'zz', kind: 'arrival', fromPosition: 2 }] },
      code: 'ATTENDANCE_NOT_MEMBER',
    },
    {
      name: 'arrival of a member already present (even after the item)',
      spec: { members: FIVE, present: ['a'], changes: [{ memberId: 'a', kind: 'arrival', fromPosition: 5 }] },
      code: 'ATTENDANCE_CHANGE_INVALID',
    },
    {
      name: 'departure of a member not present',
      spec: { members: FIVE, changes: [{ memberId: 'a', kind: 'departure', fromPosition: 1 }] },
      code: 'ATTENDANCE_CHANGE_INVALID',
    },
    { name: 'position 0', spec: { members: FIVE, position: 0 }, code: 'ITEM_POSITION_INVALID' },
    {
      name: 'change at position 1.5',
      spec: { members: FIVE, changes: [{ memberId: 'a', kind: 'arrival', fromPosition: 1.5 }] },
      code: 'ITEM_POSITION_INVALID',
    },
    { name: 'two rows for one member', spec: { members: FIVE, present: ['a'], excused: ['a'] }, code: 'VALIDATION_FAILED' },
    { name: 'member listed twice', spec: { members: ['a', 'a'] }, code: 'VALIDATION_FAILED' },
    {
      name: 'suppléant in a commune',
      spec: { members: [member('t1'), suppleant('s1', 't1')], rows: [{ memberId: 's1', status: 'present' }] },
      code: 'SUPPLEANT_NOT_ALLOWED',
    },
    {
      name: 'suppléant arriving in a commune',
      spec: { members: [member('t1'), suppleant('s1', 't1')], changes: [{ memberId: 's1', kind: 'arrival', fromPosition: 2 }] },
      code: 'SUPPLEANT_NOT_ALLOWED',
    },
    {
      name: 'suppléant replacing another titulaire',
      spec: {
        members: [member('t1'), member('t2'), suppleant('s1', 't1')],
        rows: [{ memberId: 's1', status: 'present', replacesMemberId: 't2' }],
        profile: 'epci',
      },
      code: 'SUPPLEANT_MISMATCH',
    },
    {
      name: 'titulaire row replacing someone',
      spec: { members: [member('t1'), member('t2')], rows: [{ memberId: 't1', status: 'present', replacesMemberId: 't2' }], profile: 'epci' },
      code: 'SUPPLEANT_MISMATCH',
    },
    {
      name: 'two suppléants sitting for one titulaire',
      spec: {
        members: [member('t1'), suppleant('s1', 't1'), suppleant('s2', 't1')],
        rows: [
          { memberId: 's1', status: 'present' },
          { memberId: 's2', status: 'present' },
        ],
        profile: 'epci',
      },
      code: 'SUPPLEANT_MISMATCH',
    },
  ];
  it.each(errCases)('$name → $code', ({ spec, code }) => {
    expect(catchDomainError(() => computeAttendance(buildContext(spec))).code).toBe(code);
  });
});

import { ccplRecord } from '../../test/fixtures/ccpl-record';
import type { DeliberationRecord } from '../domain/types';
import { extractViewModel } from './view-models';

// L2121-17: "délibère valablement quel que soit le nombre des présents" holds on the agenda carried over from the
// failed first convocation; a new item of the second convocation was voted with the quorum, as in any session.
describe('extract of an act of a second convocation', () => {
  const carriedFrom = { id: 'i1', sessionId: 's1', number: '19-09-101', object: 'POINT REPORTÉ' };
  const record = (secondConvocation: boolean, carried: boolean, waived: boolean): DeliberationRecord => {
    const r = ccplRecord({ item: { carriedFrom: carried ? carriedFrom : null } });
    return { ...r, session: { ...r.session, secondConvocation }, attendance: { ...r.attendance, quorum: { ...r.attendance.quorum, waivedBySecondConvocation: waived } } };
  };

  it.each([
    // [case, printed, second convocation, carried over, quorum waived]
    ['an ordinary session', false, false, false, false],
    ['an item carried over, quorum met', true, true, true, false],
    ['an item carried over, quorum waived', true, true, true, true],
    ['a new item, voted with the quorum', false, true, false, false],
    ['an item voted without the quorum before items named what they carry over', true, true, false, true],
  ])('%s: waiver sentence printed %s', (_, printed, second, carried, waived) => {
    expect(extractViewModel(record(second, carried, waived)).session.secondConvocation).toBe(printed);
  });
});

import { signingRegime } from '../domain/signing-rules';
import { actStage, type ActStageFacts } from './act-stage';

const base: ActStageFacts = { voted: true, issued: false, receivedOn: null, acteId: null, publishedOn: null };

describe('where an act stands (L2131-1, L2131-2)', () => {
  it.each<[string, Partial<ActStageFacts>, string, boolean]>([
    ['not voted', { voted: false }, 'draft', false],
    ['voted', {}, 'adopted', false],
    ['issued', { issued: true }, 'signed', false],
    ['sent', { issued: true, sentOn: '2026-03-11' }, 'transmitted', false],
    ['received', { issued: true, sentOn: '2026-03-11', receivedOn: '2026-03-11' }, 'received', false],
    ['published, not received', { issued: true, publishedOn: '2026-03-12' }, 'published', false],
    ['published and received', { issued: true, receivedOn: '2026-03-13', publishedOn: '2026-03-12' }, 'executoire', true],
    ['exempt from transmission, published', { exemptFromTransmission: true, publishedOn: '2026-03-12' }, 'executoire', true],
  ])('%s → %s', (_, facts, stage, enforceable) => {
    const r = actStage({ ...base, ...facts });
    expect(r.stage).toBe(stage);
    expect(r.enforceable).toBe(enforceable);
  });

  it('is enforceable from the later of publication and receipt', () => {
    expect(actStage({ ...base, receivedOn: '2026-03-13', publishedOn: '2026-03-12' }).enforceableOn).toBe('2026-03-13');
  });
});

describe('signing rules by the act\'s date (L2121-23)', () => {
  it('switches to the president and secretaries on 1 July 2022', () => {
    expect(signingRegime('2022-06-30')).toBe('paper-register');
    expect(signingRegime('2022-07-01')).toBe('signatories');
  });
});

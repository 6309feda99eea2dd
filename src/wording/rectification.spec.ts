import { rectificationSentence, rectifiedByLine, rectifiesLine } from './rectification';

const original = { number: '2026-001', sessionDate: '2026-03-12', object: 'Budget primitif 2026' };
const later = { number: '2026-004', sessionDate: '2026-04-09' };

describe('the words of a rectificative act', () => {
  it.each([
    ['material-error', "La présente délibération rectifie l'erreur matérielle entachant la délibération n°2026-001 du 12 mars 2026 (« Budget primitif 2026 »), dont les autres dispositions demeurent inchangées."],
    ['replacement', 'La présente délibération retire la délibération n°2026-001 du 12 mars 2026 (« Budget primitif 2026 ») et la remplace.'],
  ] as const)('%s: the sentence of the new act', (kind, text) => {
    expect(rectificationSentence(kind, original)).toBe(text);
  });

  it.each([
    ['material-error', "Rectifie l'erreur matérielle entachant la délibération n°2026-001 du 12 mars 2026", 'Rectifiée (erreur matérielle) par la délibération n°2026-004 du 9 avril 2026'],
    ['replacement', 'Retire et remplace la délibération n°2026-001 du 12 mars 2026', 'Retirée et remplacée par la délibération n°2026-004 du 9 avril 2026'],
  ] as const)('%s: the lines of both verification pages', (kind, rectifies, rectifiedBy) => {
    expect(rectifiesLine(kind, original)).toBe(rectifies);
    expect(rectifiedByLine(kind, later)).toBe(rectifiedBy);
  });
});

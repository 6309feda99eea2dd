import { markdownToBlocks } from './markdown-blocks';
import { loadFamily } from './pdf-fonts';
import { layoutLines } from './pdf-text-layout';
import { frenchSpacing } from './typography';

const fonts = loadFamily('serif-condensed');
const shown = (text: string): string => frenchSpacing(text).replace(/\u00A0/g, '~');

describe('French typography: non-breaking spaces', () => {
  it.each([
    ['DELATTRE J. (reçoit pouvoir de N. DE JONGHE) ; FOURRIER B. ;', 'DELATTRE~J. (reçoit pouvoir de N.~DE~JONGHE)~; FOURRIER~B.~;'],
    ['donne pouvoir à P. VAN DAMME ; R. DENUNCQ DONNE', 'donne pouvoir à P.~VAN~DAMME~; R.~DENUNCQ DONNE'],
    ['Mesdames CARVALHO H. ; DE JONGHE N. (donne pouvoir à J. DELATTRE)', 'Mesdames CARVALHO~H.~; DE~JONGHE~N. (donne pouvoir à J.~DELATTRE)'],
    ["reçoit pouvoir d'H. CARVALHO et de J.M. ALLOUCHERY", "reçoit pouvoir d'H.~CARVALHO et de J.M.~ALLOUCHERY"],
    ['la délibération n° 107 : adoptée ; voir « ici » ! non ?', 'la délibération n°~107~: adoptée~; voir «~ici~»~! non~?'],
    ['M. Paul CHEVALIER, Mme Claire DUMONT', 'M.~Paul CHEVALIER, Mme~Claire DUMONT'],
    ['une subvention de 4 500 € soit 12 %', 'une subvention de 4~500~€ soit 12~%'],
    ['OBJET : CREATION DU CAMPUS DES METIERS', 'OBJET~: CREATION DU CAMPUS DES METIERS'],
    ['https://exemple.fr/a:b', 'https://exemple.fr/a:b'],
  ])('%s', (text, expected) => expect(shown(text)).toBe(expected));

  it('never changes a character other than a space', () => {
    const text = 'Présents : Mesdames POURCHEL I. ; DE JONGHE N. ; Messieurs J.M. ALLOUCHERY, n° 107, 4 500 €';
    expect(frenchSpacing(text).replace(/\u00A0/g, ' ')).toBe(text);
  });

  it('a laid-out attendance list never splits "DE JONGHE N.", "N. DE JONGHE", "FOURRIER B." nor "n° 107"', () => {
    const source = 'Présents : FOURRIER B. ; DE JONGHE N. ; délibération n° 107 ; DELATTRE J. (reçoit pouvoir de N. DE JONGHE) ; '.repeat(12);
    const block = markdownToBlocks(source)[0];
    if (block.type !== 'paragraph') throw new Error(block.type);
    const runs = block.runs;
    for (let width = 100; width <= 400; width += 7) {
      const lines = layoutLines(runs, width, fonts, 9.5, { justify: true, hyphenate: true }).map((l) =>
        l.words.map((w) => w.pieces.map((p) => p.text).join('')).join(' '),
      );
      for (const line of lines) expect(line).not.toMatch(/(FOURRIER|JONGHE|n°|\bDE|\bN\.)$|^(B\.|N\.\s*;|107|JONGHE)/);
    }
  });
});

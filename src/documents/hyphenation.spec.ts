import { REASONS_19_09_107 } from '../database/seed/ccpl-19-09-107.text';
import { markdownToBlocks } from './markdown-blocks';
import { loadFamily } from './pdf-fonts';
import { BODY_SIZE, CONTENT_WIDTH } from './pdf-layout';
import { layoutLines } from './pdf-text-layout';
import { breakPoints, hyphenationPoints } from './word-breaks';

const fonts = loadFamily('serif-condensed');
const mark = (word: string): string => {
  const points = hyphenationPoints(word);
  return [...word].map((ch, i) => (points.includes(i) ? `-${ch}` : ch)).join('');
};

describe('French hyphenation (TeX patterns of the hyphen package)', () => {
  it.each([
    ['délibération', 'dé-li-bé-ra-tion'],
    ['communautaire', 'com-mu-nau-taire'],
    ["l'intercommunalité", "l'in-ter-com-mu-na-lité"],
    ['représentés', 're-pré-sen-tés'],
  ])('%s → %s', (word, expected) => expect(mark(word)).toBe(expected));

  it('keeps two letters before a break and three after, and leaves names in capitals, numbers and URLs whole', () => {
    expect(mark('unanimité')).toBe('una-ni-mité');
    for (const word of ['DENUNCQ', 'CAPSO', '2019-09-30', 'https://www.exemple.fr/deliberations', 'a']) expect(hyphenationPoints(word)).toEqual([]);
  });

  it('breaks a compound after its hyphen, a URL after a slash, a non-breaking group only when wider than a line', () => {
    expect(breakPoints('Saint-Omer', false)).toEqual([{ at: 6, hyphen: false }]);
    expect(breakPoints('https://a.fr/b/c', false).map((b) => b.at)).toEqual([8, 9, 13]);
    expect(breakPoints('DE\u00A0JONGHE\u00A0N.', true)).toEqual([]);
    expect(breakPoints('DE\u00A0JONGHE\u00A0N.', true, true).map((b) => b.at)).toEqual([3, 10]);
  });

  it('leaves no wide gap in the justified lines of 19-09-107', () => {
    const paragraphs = markdownToBlocks(REASONS_19_09_107).flatMap((b) => (b.type === 'paragraph' && b.indent === 0 ? [b.runs] : []));
    const widest = (hyphenate: boolean): number =>
      Math.max(...paragraphs.flatMap((runs) => layoutLines(runs, CONTENT_WIDTH, fonts, BODY_SIZE, { justify: true, hyphenate }).map((l) => l.extraSpace)));
    // Without hyphenation a line of the exposé stretches its spaces by 4.7 pt (half again their width).
    expect(widest(false)).toBeGreaterThan(4);
    expect(widest(true)).toBeLessThan(2.5);
  });
});

// No text is ever lost on the page: random paragraphs with long words, URLs, every letter French
// uses and non-breaking spaces, justified and hyphenated, are read back from the PDF whole.
import fc from 'fast-check';
import { renderMarkdownToPdf } from './pdf-renderer';
import { paragraph } from './french-paragraphs.spec-helper';
import { PdfTextReader } from './pdf-text-reader.spec-helper';
import { joinBrokenWords } from './word-breaks';

const META = { title: 't', subject: 's', author: 'a', keywords: '', date: new Date(0), headLeft: 'ENTETE', headRight: null };
/** The text without its whitespace, once the words cut at line ends (with an added U+2010) are joined back. */
const squash = (text: string): string => joinBrokenWords(text).replace(/\s/g, '');

/** The body text of the pages: running heads and page numbers taken out. */
const body = (pages: string[]): string => pages.map((p) => p.replace(/ENTETE/g, '').replace(/Page \d+\/\d+/g, '')).join('\n');

describe('the page: no text is ever lost', () => {
  let reader: PdfTextReader;
  beforeAll(() => {
    reader = new PdfTextReader();
  });
  afterAll(() => reader.close());

  const readBack = async (markdown: string): Promise<string> => body(await reader.read(await renderMarkdownToPdf(markdown, META, { hyphenate: true })));

  it('prints a 261-character URL, words wider than the column and the rest of the paragraph', async () => {
    const link = `https://www.exemple.fr/${Array.from({ length: 11 }, (_, i) => `segment${i}-abcdefg`).join('/')}`.padEnd(261, 'x');
    const source = `Texte avant l'adresse ${link} et la suite du paragraphe. ${'x'.repeat(300)} fin.`;
    const text = await readBack(source);
    expect(squash(text)).toBe(squash(source));
    expect(text).toContain('suite du paragraphe');
    // A URL breaks after a slash or before a dot or hyphen, and gains no hyphen.
    expect(text).not.toMatch(/https:\/\/www\.exemple\.fr\/\S*[^/\s]\n[^.\-\s]/);
  }, 30_000);

  it('every word of 500 random paragraphs is in the PDF once line-end hyphens are joined back', async () => {
    await fc.assert(
      fc.asyncProperty(paragraph, async (source) => {
        const text = await readBack(source);
        const joined = squash(text);
        // In order and whole: the paragraph's characters are the page's characters.
        expect(joined).toBe(squash(source));
        for (const w of source.split(' ')) expect(joined).toContain(squash(w));
      }),
      { numRuns: 500 },
    );
  }, 240_000);
});

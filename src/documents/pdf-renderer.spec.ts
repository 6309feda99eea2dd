import { ccplRecord } from '../../test/fixtures/ccpl-record';
import { markdownToBlocks } from './markdown-blocks';
import { type PdfMetadata, renderMarkdownToPdf } from './pdf-renderer';
import { readPdf } from './pdf-text.spec-helper';
import { renderExtract } from './render';

const META: PdfMetadata = {
  title: 'Essai',
  subject: 'Mise en page',
  author: 'Commune <d’Essai> & Cie',
  keywords: 'délibération, 2024-001',
  date: new Date('2024-01-15T18:00:00Z'),
  headLeft: 'Commune d’Essai',
  headRight: 'Délibération n°2024-001',
};

const filler = (n: number): string =>
  Array.from({ length: n }, (_, i) => `Paragraphe ${i + 1} : ${'texte de remplissage '.repeat(12)}fin.`).join('\n\n');

const oneLiners = (n: number): string => Array.from({ length: n }, (_, i) => `Ligne ${i + 1}.`).join('\n\n');

const pageOf = (pages: string[], needle: string): number => pages.findIndex((p) => p.includes(needle));

describe('markdownToBlocks', () => {
  it.each([
    ['# Titre', [{ type: 'heading', level: 1, align: 'center' }]],
    ['## Objet', [{ type: 'heading', level: 2, align: 'left' }]],
    ['Texte **gras** et *italique*', [{ type: 'paragraph', align: 'justify', marker: null }]],
    ['- a\n- b', [{ type: 'paragraph', marker: '•' }, { type: 'paragraph', marker: '•', listEnd: true }]],
    ['3. a\n4. b', [{ type: 'paragraph', marker: '3.' }, { type: 'paragraph', marker: '4.' }]],
    ['<!-- keep -->\n\nA\n\n<!-- /keep -->', [{ type: 'keep', open: true }, { type: 'paragraph' }, { type: 'keep', open: false }]],
    ['<!-- plain -->\n| a | b |\n|---|---|\n| 1 | 2 |', [{ type: 'table', plain: true }]],
    ['<!-- center -->\nA', [{ type: 'paragraph', align: 'center' }]],
    ['---', [{ type: 'hr' }]],
  ])('%j', (markdown, expected) => {
    expect(markdownToBlocks(markdown)).toMatchObject(expected);
  });

  it('keeps styles, superscripts and forced breaks as runs', () => {
    const [block] = markdownToBlocks('Le 2<sup>ème</sup> **AFFIRME** *bien*<br>suite');
    expect(block).toMatchObject({
      type: 'paragraph',
      runs: [
        { text: 'Le 2', bold: false, italic: false, sup: false },
        { text: 'ème', sup: true },
        { text: ' ', bold: false },
        { text: 'AFFIRME', bold: true },
        { text: ' ', bold: false },
        { text: 'bien', italic: true },
        { text: '\n' },
        { text: 'suite' },
      ],
    });
  });
});

describe('renderMarkdownToPdf', () => {
  it('embeds subset TrueType fonts and no standard font', async () => {
    const pdf = (await renderExtract(ccplRecord())).pdf.toString('latin1');
    const fontFiles = pdf.match(/\/FontFile2 \d+ 0 R/g) ?? [];
    expect(fontFiles.length).toBeGreaterThanOrEqual(3); // regular, bold, italic at least
    const baseFonts = pdf.match(/\/BaseFont \/[^\s/]+/g) ?? [];
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^\/BaseFont \/[A-Z]{6}\+DejaVuSerifCondensed/);
    expect(pdf).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(pdf).toMatch(/\/Subtype \/CIDFontType2/);
    expect(pdf).toMatch(/\/ToUnicode \d+ 0 R/);
  });

  it('gives byte-identical PDFs for the same act, and different ones for another', async () => {
    const a = await renderExtract(ccplRecord());
    const b = await renderExtract(ccplRecord());
    expect(a.pdf.equals(b.pdf)).toBe(true);
    expect(a.templateVersion).toBe(b.templateVersion);
    const other = await renderExtract(ccplRecord({ item: { number: '19-09-108' } }));
    expect(other.pdf.equals(a.pdf)).toBe(false);
    const id = (pdf: Buffer): string => /\/ID \[<([0-9a-f]+)>/.exec(pdf.toString('latin1'))?.[1] ?? '';
    expect(id(a.pdf)).toHaveLength(32);
    expect(id(other.pdf)).not.toBe(id(a.pdf));
  });

  it('writes PDF/A-2b identification, output intent and escaped XMP on request', async () => {
    const pdf = (await renderMarkdownToPdf('# Titre\n\nTexte.', META, { pdfa: true })).toString('latin1');
    expect(pdf).toMatch(/^%PDF-1\.7/);
    expect(pdf).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(pdf).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(pdf).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(pdf).toContain('<xmp:CreateDate>2024-01-15T18:00:00Z</xmp:CreateDate>');
    expect(Buffer.from(pdf, 'latin1').toString('utf8')).toContain('Commune &lt;d’Essai&gt; &amp; Cie');
    const plain = (await renderMarkdownToPdf('# Titre\n\nTexte.', META)).toString('latin1');
    expect(plain).not.toContain('pdfaid');
  });

  it('keeps a marked region (closing formula and signatures) on one page', async () => {
    for (let n = 14; n <= 19; n++) {
      const markdown = `${filler(n)}\n\n<!-- keep -->\nPour extrait conforme.\n\n<!-- plain -->\n| Le Président, | Le secrétaire, |\n|:-:|:-:|\n| <br><br>Jean DUPONT | <br><br>Marie DURAND |\n\n<!-- /keep -->`;
      const pages = readPdf(await renderMarkdownToPdf(markdown, META)).pages;
      expect(pageOf(pages, 'Pour extrait conforme.')).toBe(pageOf(pages, 'Marie DURAND'));
    }
  });

  it('never leaves a heading alone at the bottom of a page', async () => {
    for (let n = 38; n <= 46; n++) {
      const markdown = `${oneLiners(n)}\n\n## OBJET : TITRE DE LA SECTION\n\nPremière ligne de la section qui suit le titre.`;
      const pages = readPdf(await renderMarkdownToPdf(markdown, META)).pages;
      expect(pageOf(pages, 'OBJET : TITRE DE LA SECTION')).toBe(pageOf(pages, 'Première ligne de la section'));
    }
  });

  it('numbers pages "Page i/n" and repeats the running head', async () => {
    const pages = readPdf(await renderMarkdownToPdf(filler(60), META)).pages;
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1}/${pages.length}`);
      expect(page).toContain('Délibération n°2024-001');
      expect(page).toContain('Commune d’Essai');
    });
  });
});

import { ccplRecord } from '../../test/fixtures/ccpl-record';
import { escapeMarkdown } from './french-format';
import { markdownToBlocks } from './markdown-blocks';
import { readPdf } from './pdf-text.spec-helper';
import { extractMarkdown, renderExtract } from './render';

describe('superscripts survive', () => {
  it('a balanced <sup>…</sup> in an escaped text stays a superscript; any other markup prints as typed', () => {
    expect(escapeMarkdown('2<sup>e</sup> vice-président')).toBe('2<sup>e</sup> vice-président');
    expect(escapeMarkdown('a <b>x</b> <sup>*</sup>')).toBe('a \\<b\\>x\\</b\\> <sup>\\*</sup>');
    expect(escapeMarkdown('<sup>e')).toBe('\\<sup\\>e');
  });

  it('an object "ÉLECTION DU 2<sup>e</sup> VICE-PRÉSIDENT" is printed with a raised, smaller "e"', async () => {
    const record = ccplRecord();
    record.item.object = 'ÉLECTION DU 2<sup>e</sup> VICE-PRÉSIDENT';
    record.item.reasonsMd = 'Le 1<sup>er</sup> adjoint et la 2<sup>e</sup> commission.';
    const { markdown } = extractMarkdown(record);
    const heading = markdownToBlocks(markdown).find((b) => b.type === 'heading' && b.runs.some((r) => r.text.includes('VICE')));
    expect(heading && heading.type === 'heading' && heading.runs.filter((r) => r.sup).map((r) => r.text)).toEqual(['e']);
    const { pdf } = await renderExtract(record);
    const text = readPdf(pdf);
    expect(text.pages.join(' ')).toContain('OBJET : ÉLECTION DU 2e VICE-PRÉSIDENT');
    expect(text.pages.join(' ')).toContain('Le 1er adjoint et la 2e commission.');
    expect(text.pages.join(' ')).not.toContain('<sup>');
    expect(text.info.Subject).toBe('ÉLECTION DU 2e VICE-PRÉSIDENT');
  });
});

// Keep-together rules, checked on the extract of 19-09-107 pushed down line by line through a whole page:
// wherever the page breaks fall, no page holds only the signatures or the recourse, a lead-in is never
// the last line of a page, and the two-item list of the exposé is never split one item per page.
import { ccplRecord } from '../../test/fixtures/ccpl-record';
import { PdfTextReader } from './pdf-text-reader.spec-helper';
import { renderExtract } from './render';
import { joinBrokenWords } from './word-breaks';

describe('keep-together rules of the page', () => {
  let reader: PdfTextReader;
  beforeAll(() => {
    reader = new PdfTextReader();
  });
  afterAll(() => reader.close());

  it('holds wherever the page breaks fall', async () => {
    const base = ccplRecord();
    const heads = [`${base.collectivity.name} — ${base.body.name}`, `Délibération n°${base.item.number}`];
    const failures: string[] = [];
    for (let k = 0; k <= 70; k++) {
      const filler = Array.from({ length: k }, (_, n) => `Considérant la ligne ${n + 1} ;`).join('\n\n');
      const record = { ...base, item: { ...base.item, reasonsMd: `${filler}\n\n${base.item.reasonsMd}` } };
      const pages = (await reader.read((await renderExtract(record)).pdf)).map((page) => {
        let text = joinBrokenWords(page).replace(/Page \d+\/\d+/g, ' ');
        for (const head of heads) text = text.split(head).join(' ');
        return text.replace(/\s+/g, ' ').trim();
      });
      pages.forEach((text, p) => {
        if (p > 0 && /^(Pour extrait conforme|Fait à|Le Président|Le secrétaire|Certifié exécutoire|La présente délibération)/.test(text)) {
          failures.push(`${k} lines: page ${p + 1} opens with "${text.slice(0, 40)}"`);
        }
        if (/(à l'unanimité,|il est proposé :|La voie professionnelle)$/.test(text)) failures.push(`${k} lines: page ${p + 1} ends with "${text.slice(-40)}"`);
      });
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

// Reads a PDF back with pdf-parse (pdf.js) for the specs. pdf.js loads its worker with a dynamic
// import, which Jest's CommonJS sandbox refuses, so the parse runs in a child Node process.
import { execFileSync } from 'node:child_process';
import { joinBrokenWords } from './word-breaks';

export interface PdfReadBack {
  /** Text of each page, words cut at line ends joined back, whitespace collapsed. */
  pages: string[];
  info: Record<string, unknown>;
}

const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (d) => chunks.push(d));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const text = await parser.getText();
  const info = await parser.getInfo();
  process.stdout.write(JSON.stringify({ pages: text.pages.map((p) => p.text), info: info.info }));
  await parser.destroy();
});`;

export function readPdf(pdf: Buffer): PdfReadBack {
  const out = execFileSync(process.execPath, ['-e', SCRIPT], { input: pdf, cwd: __dirname, maxBuffer: 64 * 1024 * 1024 });
  const parsed = JSON.parse(out.toString('utf8')) as PdfReadBack;
  return { pages: parsed.pages.map((p) => joinBrokenWords(p).replace(/\s+/g, ' ').trim()), info: parsed.info };
}

/** The body text of all pages, running heads and page numbers removed, whitespace collapsed. */
export function bodyText(read: PdfReadBack, runningHeads: string[]): string {
  return read.pages
    .map((page) => {
      let text = page.replace(/Page \d+\/\d+/g, ' ');
      for (const head of runningHeads) text = text.split(head).join(' ');
      return text;
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text between two markers (exclusive), for checking a list section. */
export function section(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  if (start === -1) throw new Error(`"${from}" not found`);
  const end = text.indexOf(to, start + from.length);
  if (end === -1) throw new Error(`"${to}" not found after "${from}"`);
  return text.slice(start + from.length, end);
}

// Markdown → PDF with pdfkit: A4, running head (collectivity, deliberation number) and "Page i/n"
// on every page, headings kept with what follows, keep-together regions, embedded subset DejaVu,
// metadata from the act so that the same act always gives the same bytes; PDF/A-2b on request.
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { type Block, markdownToBlocks } from './markdown-blocks';
import { type FontFamily, type FontStyle, type LoadedFont, loadFamily, trimLayoutCaches } from './pdf-fonts';
import { BODY_SIZE, CONTENT_WIDTH, type Laid, PAGE, type SetOptions, boxHeight, layBlock, leadHeight, lineOffset, totalHeight } from './pdf-layout';
import { planKeeps } from './page-keeps';
import { layoutLines } from './pdf-text-layout';
import { TextPainter } from './pdf-text-painter';
import { drawVerificationStamp, prepareStamp, type VerificationStamp } from './pdf-verification-stamp';

export interface PdfMetadata {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  /** Taken from the act (session date), never from the clock: same act, same bytes. */
  date: Date;
  /** Running head, left: the collectivity. */
  headLeft: string;
  /** Running head, right: "Délibération n°19-09-107", or the session date. */
  headRight: string | null;
}

export interface PdfOptions {
  /** PDF/A-2b for the archived copy. */
  pdfa?: boolean;
  family?: FontFamily;
  /** French hyphenation of justified text (default on). */
  hyphenate?: boolean;
  /** An issued act: its verification code and QR code on every page. */
  stamp?: VerificationStamp;
}

type Doc = InstanceType<typeof PDFDocument>;

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** pdfkit writes Info values into the XMP packet unescaped; this writes the same packet, escaped. */
function escapedXmpInfo(doc: Doc & { info: Record<string, unknown>; appendXML(x: string): void }): void {
  const info = doc.info as Record<string, string | Date | undefined>;
  const iso = (d: unknown): string => (d instanceof Date ? `${d.toISOString().split('.')[0]}Z` : '');
  doc.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${iso(info.CreationDate)}</xmp:CreateDate>
<xmp:ModifyDate>${iso(info.ModDate)}</xmp:ModifyDate>
<xmp:CreatorTool>${xml(String(info.Creator ?? ''))}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(String(info.Title ?? ''))}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xml(String(info.Author ?? ''))}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(String(info.Subject ?? ''))}</rdf:li></rdf:Alt></dc:description>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${xml(String(info.Producer ?? ''))}</pdf:Producer>
<pdf:Keywords>${xml(String(info.Keywords ?? ''))}</pdf:Keywords>
</rdf:Description>`);
}

class PageFlow {
  y = PAGE.top;
  readonly bottom = PAGE.height - PAGE.bottom;

  constructor(
    private readonly doc: Doc,
    private readonly painter: TextPainter,
  ) {}

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.top;
  }

  private atTop(): boolean {
    return this.y <= PAGE.top + 0.01;
  }

  /** Starts a new page unless `height` fits (or the page is still empty). */
  ensure(height: number): void {
    if (this.y + height > this.bottom && !this.atTop()) this.newPage();
  }

  /** `keepNext`: the height that must follow the block's last lines on their page (page-keeps.ts). */
  draw(laid: Laid, keepNext = 0): void {
    if (!this.atTop()) this.y += laid.before;
    if (laid.type === 'hr') {
      this.doc.moveTo(PAGE.left, this.y).lineTo(PAGE.left + CONTENT_WIDTH, this.y).lineWidth(0.5).strokeColor('#777777').stroke();
      this.y += laid.after;
      return;
    }
    if (laid.type === 'table') {
      this.drawTable(laid);
      this.y += laid.after;
      return;
    }
    const { box } = laid;
    // No single line left alone at the bottom of a page (orphan).
    if (box.lines.length > 1) this.ensure(2 * box.lineHeight);
    const lastLines = Math.min(2, box.lines.length);
    box.lines.forEach((line, index) => {
      const rest = box.lines.length - index;
      if (keepNext > 0 && rest === lastLines) this.ensure(rest * box.lineHeight + laid.after + keepNext);
      else this.ensure(box.lineHeight);
      if (index === 0 && laid.marker) this.painter.drawLine(laid.marker.text, laid.marker.x, this.y, { size: box.size });
      this.painter.drawLine(line, laid.x, this.y, { size: box.size }, lineOffset(box, line));
      this.y += box.lineHeight;
    });
    this.y += laid.after;
  }

  private drawTable(laid: Extract<Laid, { type: 'table' }>): void {
    const header = laid.rows.find((r) => r.header) ?? null;
    const drawRow = (row: (typeof laid.rows)[number]): void => {
      let x = PAGE.left;
      if (!laid.plain && row.header) {
        this.doc.rect(PAGE.left, this.y, CONTENT_WIDTH, row.height).fillColor('#ececec').fill().fillColor('#000000');
      }
      row.cells.forEach((cell, c) => {
        const width = laid.columns[c];
        if (!laid.plain) this.doc.rect(x, this.y, width, row.height).lineWidth(0.5).strokeColor('#555555').stroke();
        let top = this.y + 3.5;
        for (const line of cell.lines) {
          this.painter.drawLine(line, x + 3.5, top, { size: cell.size }, lineOffset(cell, line));
          top += cell.lineHeight;
        }
        x += width;
      });
      this.y += row.height;
    };
    laid.rows.forEach((row) => {
      if (this.y + row.height > this.bottom && !this.atTop()) {
        this.newPage();
        if (header && !row.header && !laid.plain) drawRow(header); // repeat the head row
      }
      drawRow(row);
    });
  }

  /** Running heads and page numbers, written once the page count is known. */
  decorate(fontsSize: number, meta: PdfMetadata, fonts: Record<FontStyle, LoadedFont>): void {
    const range = this.doc.bufferedPageRange();
    const small = { size: fontsSize, grey: 0.35 };
    const headLeft = layoutLines([{ text: meta.headLeft, bold: false, italic: true, sup: false }], CONTENT_WIDTH * 0.66, fonts, fontsSize);
    const headRight = meta.headRight ? layoutLines([{ text: meta.headRight, bold: false, italic: true, sup: false }], CONTENT_WIDTH * 0.32, fonts, fontsSize)[0] : null;
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const top = 28;
      headLeft.slice(0, 2).forEach((line, n) => this.painter.drawLine(line, PAGE.left, top + n * fontsSize * 1.25, small));
      if (headRight) this.painter.drawLine(headRight, PAGE.left + CONTENT_WIDTH - headRight.width, top, small);
      const ruleY = top + Math.min(headLeft.length, 2) * fontsSize * 1.25 + 3;
      this.doc.moveTo(PAGE.left, ruleY).lineTo(PAGE.left + CONTENT_WIDTH, ruleY).lineWidth(0.4).strokeColor('#999999').stroke();
      const footer = layoutLines([{ text: `Page ${i + 1}/${range.count}`, bold: false, italic: false, sup: false }], CONTENT_WIDTH, fonts, fontsSize)[0];
      this.painter.drawLine(footer, PAGE.left + (CONTENT_WIDTH - footer.width) / 2, PAGE.height - 36, small);
    }
  }
}

/** Lays the blocks out: keep-together groups, headings kept with the next block's first lines. */
function flowBlocks(blocks: Block[], flow: PageFlow, fonts: Record<FontStyle, LoadedFont>, set: SetOptions): void {
  const laidOut: (Laid | { type: 'keep'; open: boolean })[] = blocks.map((b) => (b.type === 'keep' ? b : layBlock(b, fonts, set)));
  const keeps = planKeeps(blocks, laidOut, flow.bottom - PAGE.top);
  for (let i = 0; i < laidOut.length; i++) {
    const item = laidOut[i];
    if (item.type === 'keep') {
      const height = keeps.region.get(i);
      if (height !== undefined && height <= flow.bottom - PAGE.top) flow.ensure(height);
      continue;
    }
    if (item.type === 'text' && item.heading) {
      const next = laidOut.slice(i + 1).find((n): n is Laid => n.type !== 'keep');
      flow.ensure(item.before + boxHeight(item.box) + item.after + (next ? leadHeight(next, 2) : 0));
    }
    flow.draw(item, keeps.withNext[i]);
  }
}

/**
 * pdfkit deflates every stream with zlib's default level (6) as the document ends; level 1 makes
 * the PDF a few per cent larger and saves a sixth of the render time. The swap is synchronous
 * (doc.end() finalizes every stream before returning), so nothing else ever sees it.
 */
function withFastDeflate(end: () => void): void {
  const original = zlib.deflateSync;
  const mutable = zlib as { deflateSync: typeof zlib.deflateSync };
  mutable.deflateSync = ((buf: zlib.InputType, opts?: zlib.ZlibOptions) => original(buf, { level: 1, ...opts })) as typeof zlib.deflateSync;
  try {
    end();
  } finally {
    mutable.deflateSync = original;
  }
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export async function renderMarkdownToPdf(markdown: string, meta: PdfMetadata, options: PdfOptions = {}): Promise<Buffer> {
  const fonts = loadFamily(options.family ?? 'serif-condensed');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'fr-FR',
    displayTitle: true,
    font: fonts.regular.font as never,
    ...(options.pdfa ? { subset: 'PDF/A-2b' } : {}),
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Keywords: meta.keywords,
      Creator: 'Registre',
      Producer: 'Registre (pdfkit)',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  } as PDFKit.PDFDocumentOptions);
  (doc as unknown as { _addInfo: () => void })._addInfo = () => escapedXmpInfo(doc as never);
  const done = collect(doc);
  const painter = new TextPainter(doc as never, fonts);
  const flow = new PageFlow(doc, painter);
  flowBlocks(markdownToBlocks(markdown), flow, fonts, { hyphenate: options.hyphenate ?? true });
  flow.decorate(BODY_SIZE * 0.78, meta, fonts);
  if (options.stamp) {
    const range = doc.bufferedPageRange();
    const stamp = prepareStamp(options.stamp, fonts, BODY_SIZE * 0.7);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      drawVerificationStamp(doc as never, painter, stamp, BODY_SIZE * 0.7);
    }
  }
  withFastDeflate(() => doc.end());
  trimLayoutCaches();
  return done;
}

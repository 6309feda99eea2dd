// The verification stamp of an issued act, in the bottom margin of every page: a QR code of the act's
// public verification URL (vector squares, so the same act gives the same bytes) and its code in words.
import QRCode from 'qrcode';
import type { FontStyle, LoadedFont } from './pdf-fonts';
import { CONTENT_WIDTH, PAGE } from './pdf-layout';
import { layoutLines, type Line } from './pdf-text-layout';
import type { TextPainter } from './pdf-text-painter';

export interface VerificationStamp {
  /** The public URL the QR code points to. */
  url: string;
  /** The act's verification code, printed beside it. */
  code: string;
}

interface StampDoc {
  page: { height: number };
  addContent(ops: string): StampDoc;
  fillColor(c: string): StampDoc;
  fill(): StampDoc;
}

const SIZE = 40;

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

export interface PreparedStamp {
  /** The QR code as the operators of one path: runs of dark modules, one rectangle each (a tenth of the operators). */
  path: string;
  /** The code and the URL beside it, laid out. */
  lines: Line[];
}

/** What the stamp draws, made once per document and drawn on each page (choosing the QR code's mask takes a millisecond). */
export function prepareStamp(stamp: VerificationStamp, fonts: Record<FontStyle, LoadedFont>, fontSize: number): PreparedStamp {
  const qr = QRCode.create(stamp.url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = SIZE / n;
  const top = PAGE.height - PAGE.bottom + 6;
  const ops: string[] = [];
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) { c++; continue; }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c++;
      ops.push(`${num(PAGE.left + start * cell)} ${num(top + r * cell)} ${num((c - start) * cell)} ${num(cell)} re`);
    }
  }
  const line = (s: string) => layoutLines([{ text: s, bold: false, italic: false, sup: false }], CONTENT_WIDTH * 0.42, fonts, fontSize)[0];
  return { path: ops.join('\n'), lines: [line(`Vérification : code ${stamp.code}`), line(stamp.url)] };
}

export function drawVerificationStamp(doc: StampDoc, painter: TextPainter, stamp: PreparedStamp, fontSize: number): void {
  const top = PAGE.height - PAGE.bottom + 6;
  doc.fillColor('#000000');
  doc.addContent(stamp.path);
  doc.fill();
  stamp.lines.forEach((line, i) => painter.drawLine(line, PAGE.left + SIZE + 6, top + 8 + i * fontSize * 1.3, { size: fontSize, grey: 0.25 }));
}

// Reads a PDF back as text with an npm PDF library (pdf-parse, on pdf.js), the way a reader's tool would.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type request from 'supertest';
import { joinBrokenWords } from '../../src/documents/word-breaks';

/** The document's text, words cut at line ends joined back, line breaks and runs of spaces folded to one space. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'pdf-text-child.cjs')], { maxBuffer: 64 * 1024 * 1024 }, (err, stdout) =>
      err ? reject(err) : resolve(joinBrokenWords(stdout).replace(/\s+/g, ' ')),
    );
    child.stdin!.end(pdf);
  });
}

/** A supertest parser that keeps the body as raw bytes (PDF, ZIP): `.buffer(true).parse(binary)`. */
export const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

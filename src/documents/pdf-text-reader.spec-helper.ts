// One pdf-parse (pdf.js) child for many PDFs: the property specs read hundreds of documents back,
// and starting a Node process per document would cost more than the rendering itself.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

const SCRIPT = `
const { PDFParse } = require('pdf-parse');
let buffer = Buffer.alloc(0);
let busy = Promise.resolve();
process.stdin.on('data', (d) => {
  buffer = Buffer.concat([buffer, d]);
  while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32BE(0)) {
    const pdf = buffer.subarray(4, 4 + buffer.readUInt32BE(0));
    buffer = buffer.subarray(4 + pdf.length);
    busy = busy.then(async () => {
      const parser = new PDFParse({ data: Buffer.from(pdf) });
      const text = await parser.getText();
      await parser.destroy();
      process.stdout.write(JSON.stringify(text.pages.map((p) => p.text)) + '\\n');
    });
  }
});`;

/** Pages' text with their line breaks, as pdf.js reads them. */
export class PdfTextReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private pending: { resolve: (pages: string[]) => void; reject: (e: Error) => void }[] = [];
  private out = '';

  constructor() {
    this.child = spawn(process.execPath, ['-e', SCRIPT], { cwd: __dirname });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.out += chunk;
      let nl = this.out.indexOf('\n');
      while (nl >= 0) {
        const line = this.out.slice(0, nl);
        this.out = this.out.slice(nl + 1);
        this.pending.shift()?.resolve(JSON.parse(line) as string[]);
        nl = this.out.indexOf('\n');
      }
    });
    // A reader that died fails the reads waiting on it at once instead of letting them time out.
    this.child.on('exit', (code) => {
      for (const p of this.pending.splice(0)) p.reject(new Error(`pdf-parse child exited with ${code}`));
    });
  }

  read(pdf: Buffer): Promise<string[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      const head = Buffer.alloc(4);
      head.writeUInt32BE(pdf.length, 0);
      this.child.stdin.write(Buffer.concat([head, pdf]));
    });
  }

  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}

// Runs outside Jest's module sandbox: pdf-parse's pdf.js loads its worker through a dynamic import,
// which Jest's CommonJS runtime cannot do. Reads a PDF on stdin, prints its text.
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(String(result.text));
  } finally {
    await parser.destroy();
  }
});

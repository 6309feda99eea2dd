import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli';
import { pdfText } from './setup/pdf-text';

describe('command line: documents from the database for batch work', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registre-cli-'));
  const saved = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_APP_URL: process.env.DATABASE_APP_URL };
  const lines: string[] = [];
  beforeAll(() => {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
    process.env.DATABASE_APP_URL = process.env.TEST_DATABASE_APP_URL;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the extract of a deliberation by its number and SIREN', async () => {
    const out = join(dir, 'extrait.pdf');
    expect(await runCli(['extract', '19-09-107', '--collectivity', '246200364', '--out', out], (l) => lines.push(l))).toBe(0);
    const text = await pdfText(readFileSync(out));
    expect(text).toContain('N°19-09-107');
    expect(text).toContain('Pour extrait conforme');
    expect(lines.at(-1)).toMatch(/extrait\.pdf: \d+ bytes/);
  });

  it("writes a session's procès-verbal and list by the session's date", async () => {
    const minutes = join(dir, 'pv.pdf');
    expect(await runCli(['minutes', '2019-10-14', '--out', minutes, '--collectivity', '246200364'], () => undefined)).toBe(0);
    expect(await pdfText(readFileSync(minutes))).toContain('19-10-113');
    const list = join(dir, 'liste.pdf');
    expect(await runCli(['list', '2019-10-14', '--out', list, '--collectivity', '246200364'], () => undefined)).toBe(0);
    expect(await pdfText(readFileSync(list))).toContain('19-10-108');
  });

  it('answers usage errors and unknown acts clearly', async () => {
    const out: string[] = [];
    expect(await runCli(['extract'], (l) => out.push(l))).toBe(2);
    expect(out.join('\n')).toContain('Usage');
    await expect(runCli(['extract', '99-99-999', '--collectivity', '246200364', '--out', join(dir, 'x.pdf')], () => undefined)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runCli(['extract', '19-09-107', '--collectivity', '000000000', '--out', join(dir, 'x.pdf')], () => undefined)).rejects.toThrow(/No collectivity with SIREN/);
  });
});

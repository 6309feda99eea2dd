import { demoRecord } from '../extracts/demo-record';
import { defaultTemplateDir } from '../documents/render';
import { budgetFor, extractSize } from './render-budget';
import { RenderAborted, RenderPool } from './render-pool';
import type { RenderTask } from './render-task';

// Five loops over the 30 names present: 24 million names written.
export const FIVE_LOOPS = `${'{{#each @root.attendance.present.[1].names}}'.repeat(5)}{{this}} ${'{{/each}}'.repeat(5)}`;

describe('RenderPool (worker threads with a budget per document)', () => {
  const pool = new RenderPool({ threads: 2, templateDir: defaultTemplateDir() });
  const record = demoRecord();
  const runaway: RenderTask = { op: 'render', kind: 'extract', record, templateDir: defaultTemplateDir(), overrides: { extract: { source: FIVE_LOOPS, version: 'x' } }, options: {} };
  afterAll(() => pool.close(), 30_000);

  it('renders a document in a worker thread', async () => {
    const doc = await pool.extract(record);
    expect(doc.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(doc.templateVersion).toMatch(/^default@/);
  }, 60_000);

  it('stops a runaway template at its deadline with TEMPLATE_TOO_EXPENSIVE, then renders again', async () => {
    await expect(pool.run(runaway, { ...budgetFor(extractSize(record)), deadlineMs: 1000 })).rejects.toMatchObject({
      code: 'TEMPLATE_TOO_EXPENSIVE', details: expect.objectContaining({ limit: 'deadline', deadlineMs: 1000 }),
    });
    expect((await pool.extract(record)).pdf.length).toBeGreaterThan(1000);
  }, 60_000);

  it('stops a runaway template at its memory limit', async () => {
    await expect(pool.run(runaway, { ...budgetFor(extractSize(record)), deadlineMs: 60_000, memoryMb: 128 })).rejects.toMatchObject({
      code: 'TEMPLATE_TOO_EXPENSIVE', details: expect.objectContaining({ limit: 'memory' }),
    });
  }, 90_000);

  it('stops when the client goes away', async () => {
    const client = new AbortController();
    const running = pool.run(runaway, { ...budgetFor(extractSize(record)), deadlineMs: 60_000 }, client.signal);
    setTimeout(() => client.abort(), 200);
    await expect(running).rejects.toBeInstanceOf(RenderAborted);
  }, 60_000);

  it('checks a template at save time: a runaway one is too expensive, a broken one invalid, a good one lists the documents it changes', async () => {
    // Three loops pass the static check; 3,000 names in the innermost make 81 million: the trial render stops it.
    const wide = `${'{{#each @root.attendance.present.[1].names}}'.repeat(3)}${'{{this}} '.repeat(3000)}${'{{/each}}'.repeat(3)}`;
    await expect(pool.check('extract', wide, {})).rejects.toMatchObject({ code: 'TEMPLATE_TOO_EXPENSIVE' });
    await expect(pool.check('extract', FIVE_LOOPS, {})).rejects.toMatchObject({ code: 'TEMPLATE_TOO_EXPENSIVE', details: expect.objectContaining({ line: 1 }) });
    await expect(pool.check('partials/signatures', 'x {{closingFormula}}', {})).rejects.toMatchObject({ code: 'TEMPLATE_INVALID' });
    await expect(pool.check('partials/signatures', 'Signé.', {})).resolves.toEqual(['extract', 'minutes', 'deliberations-list']);
  }, 60_000);
});

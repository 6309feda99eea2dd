import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { budgetFor, DEFAULT_LIMITS, estimatedPages, MEMORY_STEP_MB } from './render-budget';

describe('render budget: deadline and heap grow with the document', () => {
  it.each([
    // items, members, text chars → pages
    [1, 0, 0, 1],
    [1, 49, 3000, 4],
    [6, 49, 20_000, 21],
    [100, 240, 300_000, 800],
  ])('%i items, %i members, %i characters: about %i pages', (items, members, textChars, pages) => {
    expect(estimatedPages({ items, members, textChars })).toBe(pages);
  });

  it('scales the deadline per page up to its cap, and the heap by steps up to its cap', () => {
    const small = budgetFor({ items: 1, members: 49, textChars: 3000 });
    expect(small).toEqual({ pages: 4, deadlineMs: DEFAULT_LIMITS.deadlineBaseMs + 4 * DEFAULT_LIMITS.deadlinePerPageMs, memoryMb: DEFAULT_LIMITS.memoryBaseMb + MEMORY_STEP_MB });
    const yearly = budgetFor({ items: 400, members: 240, textChars: 2_000_000 });
    expect(yearly.deadlineMs).toBe(DEFAULT_LIMITS.deadlineMaxMs);
    expect(yearly.memoryMb).toBe(DEFAULT_LIMITS.memoryMaxMb);
    const medium = budgetFor({ items: 100, members: 49, textChars: 300_000 });
    expect(medium.memoryMb).toBeGreaterThan(small.memoryMb);
    expect((medium.memoryMb - DEFAULT_LIMITS.memoryBaseMb) % MEMORY_STEP_MB).toBe(0);
  });

  it('takes its limits from the validated configuration', () => {
    const limits = loadConfig({ RENDER_DEADLINE_MS: '5000', RENDER_MEMORY_MB: '512', RENDER_MEMORY_PER_PAGE_MB: '0.5' }).renderLimits;
    expect(limits).toMatchObject({ deadlineBaseMs: 5000, memoryBaseMb: 512, memoryPerPageMb: 0.5 });
    expect(() => loadConfig({ RENDER_DEADLINE_MS: 'soon' })).toThrow(/RENDER_DEADLINE_MS/);
    expect(() => loadConfig({ RENDER_MEMORY_MB: '16' })).toThrow(/RENDER_MEMORY_MB/);
    expect(() => loadConfig({ RENDER_THREADS: '0' })).toThrow(/RENDER_THREADS/);
  });
});

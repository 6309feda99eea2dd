// What every console page must pass in the browser tests: axe-core finds no serious or critical violation, nothing
// scrolls sideways at 820 px (a tablet), and a screenshot at 1280 and at 820 px is kept for a human to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../src/config/project-root';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The test's tsconfig has no DOM lib; these run in the page.
declare const document: { documentElement: { scrollWidth: number } };
declare const axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };

/** Where a spec's screenshots are kept: SCREENSHOT_DIR, else test-artifacts/screenshots (git-ignored), one folder per spec. */
export function screenshotDir(spec: string): string {
  const dir = join(process.env.SCREENSHOT_DIR ?? join(projectRoot(__dirname), 'test-artifacts', 'screenshots'), spec);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** axe-core: the serious and critical violations of the page as shown, "rule: targets" each. */
export async function graveViolations(p: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the console's Content-Security-Policy (script-src 'self') stays as served.
  await p.evaluate(AXE_SOURCE);
  const { violations } = await p.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** axe-core clean, no horizontal scroll at 820 px, full-page screenshots `<name>-1280.png` and `<name>-820.png` in `dir`. */
export async function checkPage(p: Page, dir: string, name: string): Promise<void> {
  expect(await graveViolations(p)).toEqual([]);
  const before = p.viewportSize() ?? { width: 1280, height: 900 };
  try {
    for (const width of [1280, 820]) {
      await p.setViewportSize({ width, height: width === 820 ? 1180 : 900 });
      if (width === 820) expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
      await p.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
    }
  } finally {
    await p.setViewportSize(before);
  }
}

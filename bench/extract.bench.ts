// Rendering the demo extract (19-09-107, two A4 pages): pdfkit pipeline vs the same document
// printed by headless Chromium, which is what users would otherwise pick.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ccplRecord } from '../test/fixtures/ccpl-record';
import { documentHtml, extractMarkdown, renderExtract } from '../src/documents/render';

const RUNS = 500;
const WARM_UP = 40;
const CHROMIUM_RUNS = 30;
const CHROMIUM = '/usr/bin/chromium';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** Resident memory of every Chromium process, in MB (the browser is several processes). */
function chromiumRssMb(): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('chromium')) continue;
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) kb += Number(match[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

async function benchChromium(html: string): Promise<Record<string, number | string>> {
  if (!existsSync(CHROMIUM)) return { 'chromium': 'not installed (apt-get install -y chromium)' };
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    return { 'chromium': 'playwright-core not installed' };
  }
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const print = async (): Promise<Buffer> => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    };
    for (let i = 0; i < 3; i++) await print();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < CHROMIUM_RUNS; i++) {
      const start = performance.now();
      bytes = (await print()).length;
      times.push(performance.now() - start);
    }
    return {
      'chromium median ms (setContent + page.pdf, warm page)': median(times),
      'chromium docs per second': 1000 / median(times),
      'chromium RSS MB (all its processes)': chromiumRssMb(),
      'chromium PDF bytes': bytes,
    };
  } finally {
    await browser.close();
  }
}

export async function benchExtract(): Promise<Record<string, number | string>> {
  const record = ccplRecord();
  for (let i = 0; i < WARM_UP; i++) await renderExtract(record);
  const times: number[] = [];
  const began = performance.now();
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = (await renderExtract(record)).pdf.length;
    times.push(performance.now() - start);
  }
  const elapsed = performance.now() - began;
  const pdfaTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    await renderExtract(record, { pdfa: true });
    pdfaTimes.push(performance.now() - start);
  }
  // Different acts: every render has its own text, so no subset font program is reused (the memo
  // only helps when the same act is rendered again). This is the figure for a ZIP of distinct acts.
  // Hyphenation on and off in the same run, interleaved so that both see the same machine load.
  const variedTimes: number[] = [];
  const unhyphenatedTimes: number[] = [];
  const words = ['éoliennes', 'Œuvre', 'ÉCOLE', 'garçon', 'Île', 'naïf', 'à 12 %', 'n°42', '« quai »', 'zèbre', 'Ärger', 'ÿ'];
  for (let i = 0; i < 100; i++) {
    const text = words.filter((_, k) => (i >> (k % 7)) & 1).join(' ') + ` ${i}`;
    const varied = { ...record, item: { ...record.item, object: `${text} ${record.item.object}`, reasonsMd: `${text}\n\n${record.item.reasonsMd}` } };
    for (const hyphenate of i % 2 ? [true, false] : [false, true]) {
      const start = performance.now();
      await renderExtract(varied, { hyphenate });
      (hyphenate ? variedTimes : unhyphenatedTimes).push(performance.now() - start);
    }
  }
  const pdfkitMedian = median(times);
  const result: Record<string, number | string> = {
    'pdfkit median ms per extract (500 renders)': pdfkitMedian,
    'pdfkit p95 ms': percentile(times, 0.95),
    'pdfkit docs per second': (RUNS * 1000) / elapsed,
    'pdfkit PDF/A-2b median ms': median(pdfaTimes),
    'pdfkit median ms, 100 different acts': median(variedTimes),
    'pdfkit median ms, 100 different acts, hyphenation off': median(unhyphenatedTimes),
    'hyphenation on/off ratio, 100 different acts (target <= 1.10)': median(variedTimes) / median(unhyphenatedTimes),
    'pdfkit PDF bytes': bytes,
    'node peak RSS MB (before Chromium)': process.resourceUsage().maxRSS / 1024,
  };
  const markdown = extractMarkdown(record).markdown;
  const chromium = await benchChromium(documentHtml(markdown, `Extrait n°${record.item.number}`));
  Object.assign(result, chromium);
  const chromiumMedian = chromium['chromium median ms (setContent + page.pdf, warm page)'];
  if (typeof chromiumMedian === 'number') {
    result['pdfkit speed-up over Chromium (x)'] = chromiumMedian / pdfkitMedian;
    result['speed-up over Chromium, different acts (x)'] = chromiumMedian / median(variedTimes);
  }
  return result;
}

if (require.main === module) {
  benchExtract().then(
    (r) => {
      for (const [k, v] of Object.entries(r)) process.stdout.write(`${k.padEnd(56)} ${typeof v === 'number' ? +v.toFixed(2) : v}\n`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

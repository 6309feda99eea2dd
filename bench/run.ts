// `npm run bench`: prints each benchmark's figures. Speed is measured here, never in tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

type Bench = { name: string; file: string; fn: string };

const BENCHES: Bench[] = [
  { name: 'domain (240 members, 60 attendance changes, 40 proxies)', file: 'domain.bench', fn: 'benchDomain' },
  { name: 'extracts (PDF rendering, pdfkit vs headless Chromium)', file: 'extract.bench', fn: 'benchExtract' },
  { name: 'ZIP of a 100-item session (database + rendering)', file: 'zip.bench', fn: 'benchZip' },
  { name: 'live: a gesture on app instance A until the server-sent event on instance B', file: 'live.bench', fn: 'benchLive' },
  { name: 'live load: 50 sessions recorded at once, beside a bare INSERT route, with and without authentication and RLS (load generator on the same 2 cores)', file: 'live-load.bench', fn: 'benchLiveLoad' },
  { name: 'crash: 50 clients recording live sessions (arrivals, departures, proxies, roll-call votes), kill -9 of the app, then of PostgreSQL (load generator on the same 2 cores)', file: 'crash.bench', fn: 'benchCrash' },
  { name: 'issuing (PDF/A + PAdES + seal) and verifying 100,000 sealed acts', file: 'issuing.bench', fn: 'benchIssuing' },
];

async function main(): Promise<void> {
  const only = process.argv[2];
  const results: Record<string, unknown> = {};
  // An exact name picks one bench ("live" is not also "live-load"); else a prefix picks several.
  const exact = BENCHES.some((b) => b.file === `${only}.bench`);
  for (const b of BENCHES) {
    if (only && (exact ? b.file !== `${only}.bench` : !b.file.startsWith(only))) continue;
    if (!existsSync(join(__dirname, `${b.file}.js`))) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(`./${b.file}`);
    process.stdout.write(`\n== ${b.name}\n`);
    const r = await mod[b.fn]();
    results[b.file] = r;
    for (const [k, v] of Object.entries(r)) process.stdout.write(`  ${k.padEnd(44)} ${typeof v === 'number' ? +v.toFixed(2) : v}\n`);
  }
  process.stdout.write(`\n${JSON.stringify(results)}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);

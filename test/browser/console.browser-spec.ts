// The console in a real browser: Debian's Chromium, headless, driven by playwright-core. A secretary opens
// the register, clicks through to the session of 30 September 2019 and to deliberation 19-09-107, and
// follows the link to its certified extract. Every page is checked by axe-core and photographed at 1280 and 820 px
// (test/browser/page-check.ts: test-artifacts/screenshots/console, or SCREENSHOT_DIR).
// Run with `npm run test:browser` (not part of `npm test`: it needs Chromium, see scripts/install-system-deps.sh).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/database/seed/demo-accounts';
import { bootTestApp, harnessCredentials, TestApp } from '../setup/test-app';
import { checkPage, screenshotDir } from './page-check';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = screenshotDir('console');
// No network beyond our server, no first-run or sync machinery: the run is quiet and repeatable.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
  '--disable-component-update', '--disable-sync',
];

let t: TestApp;
let context: BrowserContext;
let page: Page;
let base: string;
let profileDir: string;
/** Console errors and failed requests of the pages: a missing stylesheet or a broken link shows up here. */
const problems: string[] = [];

beforeAll(async () => {
  // Fail, never skip: a browser test that silently does nothing would pass on any machine.
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with \`bash scripts/install-system-deps.sh\` (Debian package "chromium") or set CHROMIUM_PATH.`);
  }
  t = await bootTestApp();
  await t.app.listen(0, '127.0.0.1'); // a free port: never collides with `npm start` on 3000
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  profileDir = mkdtempSync(join(tmpdir(), 'registre-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, locale: 'fr-FR',
  });
  page = context.pages()[0] ?? (await context.newPage());
  // The console is behind sign-in (src/auth): the secretary signs in through the form, as a person would
  // (before the listeners: the sign-in page itself answers 401).
  const { email, password } = harnessCredentials();
  await page.goto(`${base}/`);
  await checkPage(page, SHOTS, 'connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForLoadState('load');
  // Ours only: Chromium's PDF viewer loads (and, when we navigate away, aborts) its own chrome-extension:// files;
  // a click on the PDF may also end as a download, which Chromium reports as an aborted request.
  const ours = (url: string) => url.startsWith(base);
  page.on('console', (m) => { if (m.type() === 'error' && ours(m.location().url)) problems.push(`console: ${m.text()} (${m.location().url})`); });
  page.on('requestfailed', (r) => { if (ours(r.url()) && !r.url().includes('/extract.pdf')) problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on('response', (r) => { if (ours(r.url()) && r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
});

afterAll(async () => {
  await context?.close();
  await t?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

// The test's tsconfig has no DOM lib; this runs in the page.
declare const getComputedStyle: (el: unknown) => { borderBottomColor: string };

const visibleText = async (selector: string): Promise<string> => (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();

it('opens the register at / in French, styled', async () => {
  await page.goto(`${base}/`);
  expect(await page.getAttribute('html', 'lang')).toBe('fr');
  expect(await page.title()).toBe('Accueil — Registre des délibérations');
  await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Registre des délibérations');
  await expect(page.getByRole('heading', { level: 2, name: 'Communauté de Communes du Pays de Lumbres (CCPL)' }).isVisible()).resolves.toBe(true);
  // The stylesheet is applied: the header carries the dark blue rule.
  const rule = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomColor);
  expect(rule).toBe('rgb(0, 0, 145)');
  // The header names who is signed in, beside the way out.
  expect(await visibleText('.site-header__account')).toBe(`Connecté : ${harnessCredentials().email} Se déconnecter`);
  await checkPage(page, SHOTS, 'registre');
});

it('clicks through to the session of 30 September 2019', async () => {
  await page.getByRole('link', { name: 'Séance du lundi 30 septembre 2019 à 18 h 30', exact: true }).click();
  await page.waitForURL(/\/console\/collectivites\/[0-9a-f-]+\/seances\/[0-9a-f-]+$/);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Séance du lundi 30 septembre 2019');
  expect(await visibleText('#titre-seance + .facts')).toContain('PRÉSIDENCE M. Christian LEROY, Président') // labels are set in small capitals;
  const row = page.getByRole('row', { name: /19-09-107/ });
  expect(await row.isVisible()).toBe(true);
  const cells = (await row.locator('th, td').allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim());
  expect(cells.slice(2, 7)).toEqual(['36', '8', '44', 'Quorum atteint 36 présents, 25 requis', "Adoptée à l'unanimité Vote à main levée"]);
  await expect(page.getByRole('link', { name: 'Procès-verbal de la séance (PDF)' }).isVisible()).resolves.toBe(true);
  await checkPage(page, SHOTS, 'seance-2019-09-30');
});

it('reads the procès-verbal of 30 September: adopted on 14 October (linked), published on 18 October', async () => {
  const pv = page.getByRole('region', { name: 'Procès-verbal' });
  expect(await pv.isVisible()).toBe(true);
  const text = (await pv.innerText()).replace(/\s+/g, ' ').trim();
  expect(text).toContain('adopté lors de la séance du lundi 14 octobre 2019');
  expect(text).toContain('publié le vendredi 18 octobre 2019');
  await pv.screenshot({ path: join(SHOTS, 'pv-adopte.png') });
  // The adopting session is one click away, and back.
  await pv.getByRole('link', { name: 'séance du lundi 14 octobre 2019' }).click();
  await page.waitForURL(/\/seances\//);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Séance du lundi 14 octobre 2019');
  expect(await visibleText('#titre-pv + .facts')).toContain('projet');
  await page.goBack();
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Séance du lundi 30 septembre 2019');
});

it('clicks through to deliberation 19-09-107 and reads its attendance', async () => {
  // The link shows the number; its accessible name says where it goes.
  await page.getByRole('link', { name: 'Délibération n°19-09-107' }).click();
  await page.waitForURL(/\/console\/collectivites\/[0-9a-f-]+\/deliberations\/[0-9a-f-]+$/);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Délibération n°19-09-107');
  expect(await visibleText('.counts')).toBe('MEMBRES EN EXERCICE 49 PRÉSENTS 36 REPRÉSENTÉS 8 VOTANTS 44 POUR 44 CONTRE 0 ABSTENTIONS 0 NE PRENANT PAS PART 0');
  for (const text of ["DUFOUR O. (reçoit pouvoir d'H. CARVALHO)", 'CARVALHO H. (donne pouvoir à O. DUFOUR)', "Adoptée à l'unanimité"]) {
    expect(await page.getByText(text, { exact: true }).isVisible()).toBe(true);
  }
  await checkPage(page, SHOTS, 'deliberation-19-09-107');
});

it('follows "Extrait certifié (PDF)" and gets a PDF', async () => {
  const link = page.getByRole('link', { name: 'Extrait certifié (PDF)' });
  const href = new URL((await link.getAttribute('href'))!, page.url()).toString();
  expect(href).toMatch(/\/api\/collectivities\/[0-9a-f-]+\/items\/[0-9a-f-]+\/extract\.pdf$/);
  // Clicking opens the PDF (viewer or download, depending on the build): what matters is what the server sent.
  const [response] = await Promise.all([page.waitForResponse((r) => r.url() === href), link.click()]);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
  const bytes = await (await context.request.get(href)).body();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

it('shows the session of 14 October 2019: public vote, casting vote, election', async () => {
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Séance du lundi 14 octobre 2019 à 18 h 30', exact: true }).click();
  await page.waitForURL(/\/seances\//);
  const result = async (n: string) => (await page.getByRole('row', { name: new RegExp(n) }).locator('td').last().innerText()).replace(/\s+/g, ' ').trim();
  expect(await result('19-10-112')).toBe('Adoptée par 20 voix pour, 20 voix contre et 7 abstentions, la voix du président étant prépondérante Vote à main levée');
  expect(await result('19-10-113')).toBe('Élue : Mme Anne FOURNIER Élection au scrutin secret');
  await checkPage(page, SHOTS, 'seance-2019-10-14');
  await page.getByRole('region', { name: 'Procès-verbal' }).screenshot({ path: join(SHOTS, 'pv-projet.png') });
  await page.getByRole('link', { name: 'Délibération n°19-10-111' }).click();
  expect(await page.getByRole('heading', { name: 'Ont voté contre (3)' }).isVisible()).toBe(true);
  // L2121-21: who asked for the public vote; L2121-15: the debates of the draft procès-verbal, from Markdown.
  expect(await page.getByText(/^Scrutin public demandé par M\. Jean GARDIN, .* et Mme Hélène CARVALHO \(art\. L2121-21 du CGCT\)\.$/).isVisible()).toBe(true);
  const debates = page.getByRole('region', { name: 'Débats' });
  expect(await debates.locator('.debates p').count()).toBe(2);
  expect(await debates.innerText()).toContain('M. Jean GARDIN estime que la hausse pèsera sur les familles');
  await page.locator('.grid').screenshot({ path: join(SHOTS, 'demandes-de-scrutin.png') });
  await debates.screenshot({ path: join(SHOTS, 'debats.png') });
  await checkPage(page, SHOTS, 'deliberation-19-10-111');
  await page.getByRole('link', { name: /Suivante/ }).click();
  await page.getByRole('link', { name: /Suivante/ }).click();
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Délibération n°19-10-113');
  expect(await page.getByRole('heading', { name: 'Deuxième tour' }).isVisible()).toBe(true);
  await checkPage(page, SHOTS, 'deliberation-19-10-113');
});

it('fits the agenda of 14 October on a tablet 820 px wide: the result column on screen, no sideways scrolling', async () => {
  await page.setViewportSize({ width: 820, height: 1180 });
  try {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Séance du lundi 14 octobre 2019 à 18 h 30', exact: true }).click();
    await page.waitForURL(/\/seances\//);
    const table = page.locator('.table--agenda');
    const overflow = await table.evaluate((el: any) => el.parentElement.scrollWidth - el.parentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const cell of await table.locator('thead th, tbody tr:first-child td').all()) {
      const box = await cell.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(820);
    }
    await page.screenshot({ path: join(SHOTS, 'seance-2019-10-14-tablette.png'), fullPage: true });
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

it('met no console error, failed request or error status on the way', () => {
  expect(problems).toEqual([]);
});

it('signs out from the header: back to the sign-in page, and the register asks to sign in again', async () => {
  await page.goto(`${base}/`);
  await Promise.all([page.waitForURL(/\/connexion$/), page.getByRole('button', { name: 'Se déconnecter' }).click()]);
  await page.goto(`${base}/`);
  expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Connexion au registre');
});

it.each([
  ['operateur', DEMO_ACCOUNTS.operator, "Vous n'avez pas de rôle dans cette collectivité"],
  ['membre', DEMO_ACCOUNTS.member, 'Séance du lundi 30 septembre 2019 à 18 h 30'],
] as const)('the register as the demo %s sees it, then signs out', async (shot, account, seen) => {
  await page.goto(`${base}/connexion`);
  await page.getByLabel('Adresse électronique').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Se connecter' }).click()]);
  expect(await page.getByText(seen).first().isVisible()).toBe(true);
  await checkPage(page, SHOTS, `registre-${shot}`);
  await Promise.all([page.waitForURL(/\/connexion$/), page.getByRole('button', { name: 'Se déconnecter' }).click()]);
});

// The read-only console over HTTP, on the seeded demo: what a secretary reads at / and under /console,
// in French, with the same figures as the certified extracts; French error pages; escaped HTML.
import { randomUUID } from 'node:crypto';
import { api, buildWorld, failedFirstConvocation, ok, uniqueSiren } from './setup/factory';
import { bootTestApp, demoCollectivityId, TestApp } from './setup/test-app';

let t: TestApp;
let cid: string;
/** Session ids of the demo by local date. */
const sessionOf: Record<string, string> = {};
/** Item ids of the demo by deliberation number. */
const itemOf: Record<string, string> = {};

beforeAll(async () => {
  t = await bootTestApp();
  cid = await demoCollectivityId(t);
  const list = ok(await t.http.get(`/api/collectivities/${cid}/sessions`).query({ pageSize: 200 })).body.items;
  for (const s of list) {
    const full = ok(await t.http.get(`/api/collectivities/${cid}/sessions/${s.id}`)).body;
    if (full.localDate !== '2019-09-30' && full.localDate !== '2019-10-14') continue; // other suites add sessions
    sessionOf[full.localDate] = s.id;
    for (const item of full.items) itemOf[item.number] = item.id;
  }
});
afterAll(() => t.close());

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x3D': '=', '#x60': '`', nbsp: ' ' };
/** The text a reader sees: tags dropped, entities decoded, white space collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x27|#39|#x3D|#x60|amp|lt|gt|quot|nbsp);/g, (_, e: string) => ENTITIES[e])
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of each cell of the agenda row whose first cell holds `number`. */
function agendaRow(html: string, number: string): string[] {
  const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
  const row = rows.find((r) => textOf(r).includes(number));
  if (!row) throw new Error(`no agenda row for ${number}`);
  return (row.match(/<t[hd][^>]*>[\s\S]*?<\/t[hd]>/g) ?? []).map(textOf);
}

async function page(path: string, status = 200): Promise<{ html: string; text: string }> {
  const res = await t.http.get(path);
  expect({ path, status: res.status }).toEqual({ path, status });
  expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
  return { html: res.text, text: textOf(res.text) };
}

describe('GET /: the register', () => {
  it('lists the CCPL, its council and both demo sessions in French, with their status and links', async () => {
    const { html, text } = await page('/');
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="fr">/);
    expect(text).toContain('Communauté de Communes du Pays de Lumbres (CCPL)');
    expect(text).toContain('SIREN 246200364');
    expect(text).toContain('Conseil de Communauté');
    expect(text).toContain('Séance du lundi 30 septembre 2019 à 18 h 30 Lumbres close');
    expect(text).toContain('Séance du lundi 14 octobre 2019 à 18 h 30 Lumbres close');
    expect(html).toContain(`href="/console/collectivites/${cid}/seances/${sessionOf['2019-09-30']}"`);
    expect(html).toContain(`href="/console/collectivites/${cid}/seances/${sessionOf['2019-10-14']}"`);
    expect(html).toContain('<th scope="col">Séance</th>');
  });

  it('serves its stylesheet, and /console leads to the register', async () => {
    const css = await t.http.get('/console/style.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.text).toContain('--blue');
    await t.http.get('/console').expect(302).expect('Location', '/');
  });
});

describe('session of 30 September 2019', () => {
  let html: string;
  let text: string;
  beforeAll(async () => ({ html, text } = await page(`/console/collectivites/${cid}/seances/${sessionOf['2019-09-30']}`)));

  it('states body, date, place, president, secretary, convocation and status', () => {
    expect(text).toContain('Séance du lundi 30 septembre 2019');
    for (const fact of [
      'Organe Conseil de Communauté', 'Date lundi 30 septembre 2019 à 18 h 30', 'Lieu Lumbres', 'Présidence M. Christian LEROY, Président',
      'Secrétaire de séance M. Daniel MAILLOT', 'Convocation du mercredi 18 septembre 2019', 'Membres en exercice 49', 'Statut close',
    ]) expect(text).toContain(fact);
  });

  it('shows 19-09-107 with 36 present, 8 represented, 44 voters, the quorum (25) met and "à l\'unanimité"', () => {
    const [number, object, present, represented, voters, quorum, result] = agendaRow(html, '19-09-107');
    expect(number).toBe('19-09-107');
    expect(object).toBe('CREATION DU CAMPUS DES METIERS ET DES QUALIFICATIONS INDUSTRIE ET TRANSITION NUMERIQUE');
    expect([present, represented, voters]).toEqual(['36', '8', '44']);
    expect(quorum).toBe('Quorum atteint 36 présents, 25 requis');
    expect(result).toBe("Adoptée à l'unanimité Vote à main levée");
    expect(html).toContain('<th scope="col" class="num">Votants</th>');
  });

  it('links the deliberation page and the session documents of the API', () => {
    expect(html).toContain(`<a href="/console/collectivites/${cid}/deliberations/${itemOf['19-09-107']}" aria-label="Délibération n°19-09-107">19-09-107</a>`);
    const base = `/api/collectivities/${cid}/sessions/${sessionOf['2019-09-30']}`;
    expect(html).toContain(`href="${base}/minutes.pdf">Procès-verbal de la séance (PDF)</a>`);
    expect(html).toContain(`<a href="${base}/deliberations-list.pdf">Liste des délibérations de la séance (PDF)</a>`);
    expect(html).toContain(`<a href="${base}/extracts.zip">Extraits des délibérations de la séance (ZIP de PDF)</a>`);
  });

  it('shows its procès-verbal adopted at the session of 14 October, linked, and published on 18 October', async () => {
    const pv = text.slice(text.indexOf('Procès-verbal Statut'), text.indexOf('Documents de la séance')).trim();
    expect(pv).toBe(
      'Procès-verbal Statut adopté lors de la séance du lundi 14 octobre 2019 Publication publié le vendredi 18 octobre 2019 ' +
        'Débats Aucun débat consigné. Procès-verbal de la séance (PDF)',
    );
    expect(html).toContain(`<span class="badge badge--ok">adopté</span> lors de la <a href="/console/collectivites/${cid}/seances/${sessionOf['2019-10-14']}">séance du lundi 14 octobre 2019</a>`);
    expect(text).not.toContain('Projet');
    // The API agrees, and the link leads to the PDF.
    const minutes = ok(await t.http.get(`/api/collectivities/${cid}/sessions/${sessionOf['2019-09-30']}/minutes`)).body;
    expect(minutes).toMatchObject({ status: 'adopted', adoptedAtSessionId: sessionOf['2019-10-14'], adoptedOn: '2019-10-14', publishedOn: '2019-10-18' });
    const pdf = await t.http.get(`/api/collectivities/${cid}/sessions/${sessionOf['2019-09-30']}/minutes.pdf`).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
  });
});

describe('deliberation 19-09-107', () => {
  let html: string;
  let text: string;
  beforeAll(async () => ({ html, text } = await page(`/console/collectivites/${cid}/deliberations/${itemOf['19-09-107']}`)));

  it('prints the counts of the certified extract', () => {
    expect(text).toContain('Membres en exercice 49 Présents 36 Représentés 8 Votants 44 Pour 44 Contre 0 Abstentions 0 Ne prenant pas part 0');
    expect(text).toContain("Adoptée à l'unanimité");
    expect(text).toContain('Quorum atteint 36 présents, 25 requis');
  });

  it('lists présents with the proxies they hold, absents excusés with the proxies they gave, absents', () => {
    const present = text.slice(text.indexOf('Présents (36)'), text.indexOf('Absents excusés (12)'));
    expect(present).toContain("DUFOUR O. (reçoit pouvoir d'H. CARVALHO)");
    expect(present).toContain("DELANNOY J. (reçoit pouvoir d'E. BOIN)");
    expect(present).toContain('LEROY C. (président, reçoit pouvoir de R. DENUNCQ)');
    const excused = text.slice(text.indexOf('Absents excusés (12)'), text.indexOf('Absents (1)'));
    expect(excused).toContain('CARVALHO H. (donne pouvoir à O. DUFOUR)');
    expect(excused).toContain('BRUGGEMAN M.');
    expect(text).toContain('Absents (1) GARENAUX M.');
  });

  it('has no debates in its procès-verbal, adopted on 14 October, and no ballot request', () => {
    expect(text).toContain("Débats Aucun débat n'est consigné au procès-verbal pour ce point. " +
      'Extrait du procès-verbal adopté lors de la séance du lundi 14 octobre 2019 (art. L2121-15 du CGCT).');
    expect(text).not.toContain('demandé par');
  });

  it('links the certified extract and its PDF/A, which the API serves as PDF', async () => {
    const href = `/api/collectivities/${cid}/items/${itemOf['19-09-107']}/extract.pdf`;
    expect(html).toContain(`href="${href}">Extrait certifié (PDF)</a>`);
    expect(html).toContain(`href="${href}?pdfa&#x3D;true">PDF/A (archivage)</a>`);
    const pdf = await t.http.get(href).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
  });
});

describe('session of 14 October 2019', () => {
  const item = (n: string) => page(`/console/collectivites/${cid}/deliberations/${itemOf[n]}`);

  it('shows the named public vote, the casting vote and the election in the agenda', async () => {
    const { html } = await page(`/console/collectivites/${cid}/seances/${sessionOf['2019-10-14']}`);
    expect(agendaRow(html, '19-10-111')[6]).toBe('Adoptée par 42 voix pour, 3 voix contre et 2 abstentions Scrutin public');
    expect(agendaRow(html, '19-10-112')[6]).toBe(
      'Adoptée par 20 voix pour, 20 voix contre et 7 abstentions, la voix du président étant prépondérante Vote à main levée',
    );
    expect(agendaRow(html, '19-10-113')[6]).toBe('Élue : Mme Anne FOURNIER Élection au scrutin secret');
    expect(agendaRow(html, '19-10-110').slice(2, 5)).toEqual(['44', '3', '46']);
  });

  it('shows its draft procès-verbal, with debates on two items, and links the draft PDF', async () => {
    const { html, text } = await page(`/console/collectivites/${cid}/seances/${sessionOf['2019-10-14']}`);
    const pv = text.slice(text.indexOf('Procès-verbal Statut'), text.indexOf('Documents de la séance')).trim();
    expect(pv).toBe(
      'Procès-verbal Statut projet Publication non publié : il le sera dans la semaine qui suit son adoption ' +
        "Débats Débats consignés pour 2 délibérations sur 6. Projet soumis à l'approbation de l'assemblée lors d'une prochaine séance " +
        '(art. L2121-15 du CGCT). Projet de procès-verbal (PDF)',
    );
    const href = `/api/collectivities/${cid}/sessions/${sessionOf['2019-10-14']}/minutes.pdf`;
    expect(html).toContain(`href="${href}">Projet de procès-verbal (PDF)</a>`);
    expect((await t.http.get(href).buffer(true).expect(200)).headers['content-type']).toMatch(/^application\/pdf/);
    expect(text).not.toContain('Seconde convocation après');
  });

  it('19-10-111: the public vote asked for by a quarter of those present, and the debates', async () => {
    const { html, text } = await item('19-10-111');
    expect(text).toContain(
      'Scrutin public demandé par M. Jean GARDIN, M. Marc LHEUREUX, M. Christophe TELLIER, M. Alain CORDIER, M. Joël BACQUET, ' +
        'Mme Patricia POULAIN, M. Jean-Luc HOCHART, M. Gilles WYCKAERT, M. Jean-Michel GALLET, M. Serge LEFEBVRE et Mme Hélène CARVALHO (art. L2121-21 du CGCT).',
    );
    expect(html).toContain('<div class="debates"><p>M. Jean GARDIN estime que la hausse pèsera sur les familles');
    expect(text).toContain('M. Jean GARDIN et dix conseillers demandent que le vote ait lieu au scrutin public. ' +
      'Extrait du projet de procès-verbal, non encore adopté : le texte peut encore changer (art. L2121-15 du CGCT).');
  });

  it('19-10-112 has debates, 19-10-110 none; a show of hands names no requester', async () => {
    const debated = await item('19-10-112');
    expect(debated.text).toContain("Débats Le Président expose les menaces qui pèsent sur la desserte de la gare de Lumbres.");
    expect(debated.html).toContain('<p>La motion sera adressée à la Région et au préfet.</p>');
    const silent = await item('19-10-110');
    expect(silent.text).toContain("Débats Aucun débat n'est consigné au procès-verbal pour ce point.");
    expect(silent.text).not.toContain('demandé par');
  });

  it('19-10-110: the arrival, the suppléante and the member not taking part', async () => {
    const { text } = await item('19-10-110');
    expect(text).toContain('Madame Patricia POULAIN arrive en séance à 19 h 07 et prend part aux débats à partir de la présente délibération.');
    expect(text).toContain('POULAIN P. (arrivée à 19 h 07, à partir de la délibération n°19-10-110)');
    expect(text).toContain("LAMOTTE S. (suppléante d'A. DUWAT)");
    expect(text).toContain('DUWAT A. (remplacé par S. LAMOTTE)');
    expect(text).toContain('Présents 44 (dont 1 suppléante)');
    expect(text).toContain("Ne prennent pas part au vote (1) WALLET B. (président de l'office de tourisme (L2131-11))");
  });

  it('19-10-111: the departure with a proxy and the named votes', async () => {
    const { text } = await item('19-10-111');
    expect(text).toContain('Monsieur François SAGNIER quitte la séance avant la présente délibération et donne pouvoir à D. BEE.');
    expect(text).toContain('BEE D. (reçoit pouvoir de F. SAGNIER)');
    expect(text).toContain('SAGNIER F. (donne pouvoir à D. BEE, parti après la délibération n°19-10-110)');
    expect(text).toContain('Ont voté contre (3) GARDIN J. LHEUREUX M. TELLIER C.');
    expect(text).toContain('Se sont abstenus (2) BACQUET J. CORDIER A.');
    expect(text).toContain('DENUNCQ R. (par pouvoir, vote exprimé par C. LEROY)');
  });

  it('19-10-112: the casting vote, said once in the words of the act (L2121-20)', async () => {
    const { text } = await item('19-10-112');
    expect(text).toContain('Adoptée par 20 voix pour, 20 voix contre et 7 abstentions, la voix du président étant prépondérante');
    expect(text.match(/prépondérante/g)).toHaveLength(1);
  });

  it('19-10-111: sent to the préfecture, received there, published, exécutoire (L2131-1)', async () => {
    const { text } = await item('19-10-111');
    expect(text).toContain('Envoi en préfecture le 17 octobre 2019 Réception en préfecture le 17 octobre 2019 Publication le 18 octobre 2019 ' +
      'Caractère exécutoire exécutoire depuis le 18 octobre 2019 (article L2131-1 du CGCT)');
  });

  it('19-10-113: the election over two rounds', async () => {
    const { text } = await item('19-10-113');
    expect(text).toContain('Élue : Mme Anne FOURNIER');
    expect(text).toMatch(/Premier tour .* Votants : 47 · Bulletins blancs : 3 · Bulletins nuls : 1 · Suffrages exprimés : 43 · Majorité absolue : 22 Aucun candidat n'ayant obtenu la majorité absolue, il est procédé à un deuxième tour\./);
    expect(text).toMatch(/Deuxième tour .*Mme Anne FOURNIER 30 voix .*Mme Anne FOURNIER obtient la majorité absolue\./);
    expect(text).toContain('Pour — Contre — Abstentions —');
  });
});

describe('errors are French pages, never a 500', () => {
  it('answers 404 for unknown ids and addresses', async () => {
    const unknown = randomUUID();
    for (const path of [
      `/console/collectivites/${unknown}/seances/${sessionOf['2019-09-30']}`,
      `/console/collectivites/${cid}/seances/${unknown}`,
      `/console/collectivites/${cid}/deliberations/${unknown}`,
      // A session id is not an item id, and an item belongs to its own collectivity only.
      `/console/collectivites/${cid}/deliberations/${sessionOf['2019-09-30']}`,
      `/console/collectivites/${unknown}/deliberations/${itemOf['19-09-107']}`,
      '/console/nulle-part',
      '/console/collectivites',
    ]) {
      const { html, text } = await page(path, 404);
      expect(html).toContain('<html lang="fr">');
      expect(text).toContain('Page introuvable');
      expect(text).toContain('Retour au registre des délibérations');
    }
  });

  it('answers 400 for an id that is not a uuid, naming which one', async () => {
    const { text } = await page(`/console/collectivites/${cid}/seances/pas-un-uuid`, 400);
    expect(text).toContain('Adresse invalide');
    expect(text).toContain("L'identifiant de la séance contenu dans l'adresse n'est pas valide.");
    expect((await page(`/console/collectivites/x'"<b>/deliberations/${itemOf['19-09-107']}`, 400)).text).toContain("L'identifiant de la collectivité");
  });

  it('never answers a 500 to odd addresses', async () => {
    for (const path of [
      '/console/collectivites/%E9/seances/x', `/console/collectivites/${cid}/seances/%00`, `/console/collectivites/${cid}/deliberations/${'a'.repeat(5000)}`,
      `/console/collectivites/${cid}/seances/${sessionOf['2019-09-30']}/`, `/console/collectivites/${cid}/seances/${sessionOf['2019-09-30']}/extra`,
      '/console/style.css/x', `/console/collectivites/${cid.toUpperCase()}/seances/${sessionOf['2019-09-30']}?x=<b>`,
    ]) {
      const res = await t.http.get(path);
      expect({ path, status: res.status < 500 }).toEqual({ path, status: true });
    }
  });

  it('leaves the JSON API as it was', async () => {
    const res = await t.http.get(`/api/collectivities/${randomUUID()}`).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect((await t.http.get('/api/collectivities').expect(200)).body.items.length).toBeGreaterThan(0);
  });
});

describe('HTML escaping', () => {
  it('escapes a collectivity name holding markup on the register page', async () => {
    const name = `<script>alert("x")</script> Commune & "Fils" ${randomUUID().slice(0, 8)}`;
    ok(await t.http.post('/api/collectivities').send({ kind: 'commune', name, siren: uniqueSiren(), departementCode: '62' }));
    const { html, text } = await page('/');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Commune &amp; &quot;Fils&quot;');
    expect(text).toContain(name);
  });

  it('escapes debates holding markup: rendered from Markdown with HTML off', async () => {
    const w = await buildWorld(t, { items: 1 });
    const path = `${w.base}/sessions/${w.sessionId}/minutes`;
    const { version } = ok(await t.http.get(path)).body;
    const textMd = '**Intervention** de M. X : <script>alert("débat")</script> <img src=x onerror=alert(2)> [lien](javascript:alert(3))';
    ok(await t.http.put(`${path}/debates/${w.items[0]}`).send({ version, textMd }));
    const { html, text } = await page(`/console/collectivites/${w.cid}/deliberations/${w.items[0]}`);
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(html).toContain('<p><strong>Intervention</strong> de M. X : &lt;script&gt;alert(&quot;débat&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; [lien](javascript:alert(3))</p>');
    expect(text).toContain('Intervention de M. X : <script>alert("débat")</script>');
  });
});

describe('second convocation (L2121-17)', () => {
  it('names the failed first convocation, links it, and the first one has its draft procès-verbal', async () => {
    const w = await buildWorld(t, { secondConvocation: true, items: 1 });
    const first = ok(await t.http.get(`${w.base}/sessions/${w.sessionId}`)).body.firstConvocationSessionId;
    expect(first).toBe(w.firstConvocation!.sessionId);
    const { html, text } = await page(`/console/collectivites/${w.cid}/seances/${w.sessionId}`);
    expect(text).toContain(
      "Seconde convocation après la séance du lundi 4 mars 2024 à 18 h 30 (quorum non atteint) : l'assemblée délibère valablement " +
        'quel que soit le nombre de présents (art. L2121-17 du CGCT).',
    );
    expect(html).toContain(`Seconde convocation après la <a href="/console/collectivites/${w.cid}/seances/${first}">séance du lundi 4 mars 2024`);
    expect(text).toContain('Procès-verbal Statut projet');
    const firstPage = await page(`/console/collectivites/${w.cid}/seances/${first}`);
    expect(firstPage.text).toContain('Statut close');
    expect(firstPage.text).toContain('Procès-verbal Statut projet Publication non publié : il le sera dans la semaine qui suit son adoption Débats Aucun débat consigné.');
    expect(firstPage.text).not.toContain('Seconde convocation après');
    // Its agenda, not examined for want of quorum, is what the second convocation carries over (L2121-17).
    const [from] = w.firstConvocation!.items;
    const fromNumber = ok(await t.http.get(`${w.base}/items/${from}`)).body.number;
    expect(firstPage.text).toContain(`${fromNumber} POINT 1 1 0 1 Quorum non atteint 1 présent, 5 requis Non votée`);
    const carried = await page(`/console/collectivites/${w.cid}/deliberations/${w.items[0]}`);
    expect(carried.text).toContain(`Reporté de la première convocation n°${fromNumber} : POINT 1 (art. L2121-17 du CGCT)`);
    expect(carried.html).toContain(`<a href="/console/collectivites/${w.cid}/deliberations/${from}">n°${fromNumber} : POINT 1</a>`);
  });

  it('a first convocation without an agenda has no procès-verbal PDF to offer', async () => {
    const w = await buildWorld(t, { items: 0, open: false });
    const first = await failedFirstConvocation(w, '2024-03-04T18:30:00+01:00');
    const firstPage = await page(`/console/collectivites/${w.cid}/seances/${first}`);
    expect(firstPage.text).toContain("Procès-verbal Statut projet Publication non publié : il le sera dans la semaine qui suit son adoption Débats Aucune délibération à l'ordre du jour.");
    // Without an agenda the API has no procès-verbal PDF to render: the page offers none.
    expect(firstPage.html).not.toContain('minutes.pdf');
  });
});

describe('the way of an act to enforceability on its page (L2131-1)', () => {
  it('tells the day it was sent from the day the préfecture received it, and what it still waits for', async () => {
    const w = await buildWorld(t, { items: 1 });
    const item = api(w).item(w.items[0]);
    const voted = ok(await t.http.post(api(w).vote(w.items[0])).send({ mode: 'show_of_hands', counts: { pour: 7, contre: 0, abstention: 0 } })).body;
    const sent = ok(await t.http.post(`${item}/transmission`).send({ version: voted.item.version, transmittedAt: '2024-03-12' })).body;
    const acteId = `062-${voted.collectivity.siren}-20240311-${voted.item.number.replace(/-/g, '_')}-DE`;
    ok(await t.http.post(`${item}/acknowledgement`).send({ version: sent.version, receivedAt: '2024-03-14', acteId }));
    const { text } = await page(`/console/collectivites/${w.cid}/deliberations/${w.items[0]}`);
    expect(text).toContain('Envoi en préfecture le 12 mars 2024 Réception en préfecture le 14 mars 2024 Publication non publiée ' +
      'Caractère exécutoire non exécutoire, en attente de la publication (article L2131-1 du CGCT)');
    expect(text).toContain(`Identifiant @ctes ${acteId}`);
  }, 60_000);
});

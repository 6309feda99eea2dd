// The acceptance test of the extract: 19-09-107 rendered to PDF, read back, states every fact.
import { ccplFacts as facts, ccplRecord } from '../../test/fixtures/ccpl-record';
import { bodyText, readPdf, section } from './pdf-text.spec-helper';
import { renderExtract } from './render';

const HEADS = ['Communauté de Communes du Pays de Lumbres — Conseil de Communauté', 'Délibération n°19-09-107'];

/** "MAGERE M." → "M. MAGERE", "DE JONGHE N." → "N. DE JONGHE" (how proxy mentions name people). */
const initialFirst = (short: string): string => {
  const match = /^(.*) ((?:[A-ZÉ]\.)+)$/.exec(short);
  if (!match) throw new Error(short);
  return `${match[2]} ${match[1]}`;
};
const de = (name: string): string => (/^[AEIOUYHÉ]/.test(name) ? `d'${name}` : `de ${name}`);

describe('extract of 19-09-107', () => {
  let text: string;
  let pages: number;
  let pdf: Buffer;

  beforeAll(async () => {
    ({ pdf } = await renderExtract(ccplRecord(), { yearWithMil: true }));
    const read = readPdf(pdf);
    pages = read.pages.length;
    text = bodyText(read, HEADS);
  });

  it('is a two-page A4 document with the running head and page numbers', async () => {
    expect(pages).toBe(2);
    const read = readPdf(pdf);
    for (const [i, page] of read.pages.entries()) {
      expect(page).toContain(`Page ${i + 1}/2`);
      for (const head of HEADS) expect(page).toContain(head);
    }
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('opens with the title, the counts and the formula of the reference', () => {
    expect(text).toContain('EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS');
    expect(text).toContain(facts.collectivity.name);
    expect(text).toContain(facts.collectivity.assembly);
    expect(text).toMatch(/Membres en exercice Présents Représentés Votants Pour Contre Abstentions Ne prenant pas part 49 36 8 44 44 0 0 0/);
    expect(text).toContain('N°19-09-107');
    expect(text).toContain(
      "L'an deux mil dix-neuf, le lundi 30 septembre à 18 heures 30, le Conseil de Communauté s'est réuni sous la présidence de Monsieur Christian LEROY (reçoit pouvoir de R. DENUNCQ), Président, suite à la convocation en date du 18 septembre 2019.",
    );
  });

  it('lists the 36 présents (the president in the formula), women then men, with the 8 proxies held', () => {
    const present = section(text, 'Présents :', 'Absents excusés :');
    const others = facts.present.filter((p) => !p.includes('(président)'));
    expect(others).toHaveLength(35);
    for (const name of others) expect(present).toContain(name);
    expect(present).not.toContain('LEROY');
    const women = section(present, 'Mesdames', 'Messieurs');
    for (const w of facts.women.filter((n) => others.includes(n))) expect(women).toContain(w);
    for (const [giver, holder] of Object.entries(facts.proxies_giver_to_holder)) {
      if (holder === 'LEROY C.') continue;
      expect(present).toContain(`${holder} (reçoit pouvoir ${de(initialFirst(giver))})`);
    }
    expect(present).toContain("DUFOUR O. (reçoit pouvoir d'H. CARVALHO)");
    expect(present).toContain("DELANNOY J. (reçoit pouvoir d'E. BOIN)");
    expect(present).toContain('DEGREMONT F. (reçoit pouvoir de M. MAGERE)');
    // Namesakes stay apart.
    expect(present).toContain('DELATTRE J.');
    expect(present).toContain('FOURNIER A.');
  });

  it('lists the 12 absents excusés, 8 of them giving a proxy, and the absent', () => {
    const excused = section(text, 'Absents excusés :', 'Absents :');
    const givers = Object.keys(facts.proxies_giver_to_holder);
    expect(givers.length + facts.excused_without_proxy.length).toBe(12);
    for (const [giver, holder] of Object.entries(facts.proxies_giver_to_holder)) {
      expect(excused).toContain(`${giver} (donne pouvoir à ${initialFirst(holder)})`);
    }
    for (const name of facts.excused_without_proxy) expect(excused).toMatch(new RegExp(`${name.replace(/\./g, '\\.')}( ;|\\s*$)`));
    expect(excused).toContain('DELATTRE G.');
    const absent = section(text, 'Absents :', 'est élu secrétaire');
    expect(absent).toContain('Monsieur GARENAUX M.');
  });

  it('names the secretary, the object and the rapporteur', () => {
    expect(text).toContain('Monsieur Daniel MAILLOT est élu secrétaire.');
    expect(text).toContain(`OBJET : ${facts.deliberation.object}`);
    expect(text).toContain('Rapporteur : Christian LEROY');
  });

  it('states the unanimous result of the 44 voters and the four decisions', () => {
    expect(text).toContain("Après en avoir délibéré, le conseil communautaire, à l'unanimité,");
    expect(facts.counts.voters).toBe(44);
    expect(text).toMatch(/Votants Pour Contre Abstentions Ne prenant pas part \d+ \d+ \d+ 44 44 0 0 0/);
    let from = text.indexOf("à l'unanimité,");
    for (const verb of facts.deliberation.decision_verbs) {
      const at = text.indexOf(`${verb} `, from);
      expect(at).toBeGreaterThan(from);
      from = at;
    }
    expect(text).toContain('2ème principe transversal');
  });

  it('closes with "Pour extrait conforme" and the signatures of the president and the secretary', () => {
    const closing = text.slice(text.indexOf('Pour extrait conforme.'));
    expect(closing).toContain('Fait à Lumbres, le 30 septembre 2019.');
    // Issue 10: each signs under the title of his function in this body, not "Le Président, … Président".
    expect(closing).toMatch(/Le Président de la communauté de communes, Le secrétaire de séance, Christian LEROY Daniel MAILLOT/);
    expect(closing).toContain('Daniel MAILLOT');
    expect(text).toContain('tribunal administratif dans un délai de deux mois');
  });

  it('says nothing of exécutoire until its receipt in préfecture and its publication are known, then prints the date of receipt', async () => {
    expect(text).not.toContain('Certifié exécutoire');
    // Issue 10: the receipt and the @ctes identifier are printed as soon as known, before publication.
    const { pdf: onlySent } = await renderExtract(ccplRecord({ item: { transmittedAt: '2019-10-01', publishedAt: '2019-10-03' } }));
    expect(bodyText(readPdf(onlySent), HEADS)).not.toMatch(/Certifié exécutoire|Reçu en préfecture/);
    const { pdf: onlyTransmitted } = await renderExtract(ccplRecord({ item: { transmittedAt: '2019-10-01', receivedAt: '2019-10-02T09:00:00+02:00', acteId: '062-246200364-20190930-19_09_107-DE' } }));
    const received = bodyText(readPdf(onlyTransmitted), HEADS);
    expect(received).not.toContain('Certifié exécutoire');
    expect(received).toContain('Reçu en préfecture le 2 octobre 2019, identifiant 062-246200364-20190930-19_09_107-DE.');
    const { pdf: onlyPublished } = await renderExtract(ccplRecord({ item: { publishedAt: '2019-10-03' } }));
    expect(bodyText(readPdf(onlyPublished), HEADS)).not.toMatch(/Certifié exécutoire|Reçu en préfecture/);
    const { pdf: executoire } = await renderExtract(
      ccplRecord({ item: { transmittedAt: '2019-10-01', receivedAt: '2019-10-02T09:00:00+02:00', publishedAt: '2019-10-03', acteId: '062-246200364-20190930-19_09_107-DE' } }),
    );
    const t = bodyText(readPdf(executoire), HEADS);
    expect(t).toContain('Certifié exécutoire compte tenu de la transmission en préfecture le 2 octobre 2019 et de la publication le 3 octobre 2019.');
    expect(t).toContain('062-246200364-20190930-19_09_107-DE');
  });

  it('carries the metadata of the act', () => {
    const info = readPdf(pdf).info;
    expect(info.Title).toBe('Extrait du registre des délibérations n°19-09-107');
    expect(info.Subject).toBe(facts.deliberation.object);
    expect(info.Author).toBe(facts.collectivity.name);
    expect(String(info.Keywords)).toContain('19-09-107');
    expect(String(info.CreationDate)).toMatch(/^D:20190930163000Z/);
  });
});

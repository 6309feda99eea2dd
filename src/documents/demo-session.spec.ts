// The second demo session: what the reference extract does not show, read back from the PDFs.
import { demoSessionRecord } from '../../test/fixtures/demo-session-record';
import { bodyText, readPdf, section } from './pdf-text.spec-helper';
import { renderDeliberationsList, renderExtract, renderMinutes } from './render';

const HEADS = ["Communauté de Communes du Val d'Exemple — Conseil communautaire", 'Séance du 14 mars 2024'];
const session = demoSessionRecord();
const [electionItem, rollCallItem, tieItem] = session.items;

async function extractText(index: number): Promise<string> {
  const record = session.items[index];
  return bodyText(readPdf((await renderExtract(record)).pdf), [...HEADS, `Délibération n°${record.item.number}`]);
}

describe('demo session documents', () => {
  let minutes: string;
  beforeAll(async () => {
    minutes = bodyText(readPdf((await renderMinutes(session)).pdf), HEADS);
  });

  it('extract of an election: rounds, blank and void ballots, absolute majority, the elected', async () => {
    const text = await extractText(0);
    expect(electionItem.election?.rounds).toHaveLength(2);
    expect(text).toMatch(/Premier tour Votants Bulletins blancs et nuls Suffrages exprimés Majorité absolue 12 2 10 6/);
    expect(text).toContain('Ont obtenu : M. Paul CHEVALIER, 5 voix ; Mme Claire DUMONT, 5 voix.');
    expect(text).toContain("Aucun candidat n'ayant obtenu la majorité absolue, il est procédé à un deuxième tour.");
    expect(text).toMatch(/Deuxième tour Votants Bulletins blancs et nuls Suffrages exprimés Majorité absolue 12 1 11 6/);
    expect(text).toContain('M. Paul CHEVALIER, ayant obtenu la majorité absolue au second tour, est élu deuxième vice-président.');
    expect(text).toContain('PETIT L. (suppléant de B. ROUX)');
    expect(text).toContain('ROUX B. (remplacé par L. PETIT)');
    expect(text).toContain('Présents titulaires Présents suppléants');
    expect(text).toContain('Madame Sophie ARNAUD, Présidente');
    expect(text).toContain('La Présidente de la communauté de communes,');
  });

  it('extract of a roll call: arrival, member not taking part, names on each side', async () => {
    const text = await extractText(1);
    expect(rollCallItem.changesHere[0].kind).toBe('arrival');
    expect(text).toContain('Monsieur Thomas KLEIN arrive en séance et prend part aux débats à partir de la présente délibération.');
    expect(text).toContain("Monsieur Marc HENRY ne prend pas part au vote (article L2131-11 du CGCT) : président de l'union des commerçants.");
    expect(text).toContain('Le vote a lieu au scrutin public (article L2121-21 du CGCT).');
    expect(text).toContain('Ont voté pour (7) : ARNAUD S., ESTIENNE H., BERNARD A., LAMBERT O. (par pouvoir, A. BERNARD), FONTAINE L., GIRARD É., PETIT L.');
    expect(text).toContain('Ont voté contre (3) : CHEVALIER P., DUMONT C., KLEIN T.');
    expect(text).toContain('Se sont abstenus (2) : IMBERT Y., MOREAU J.P.');
    expect(text).toContain('Après en avoir délibéré, le conseil communautaire, par 7 voix pour, 3 voix contre et 2 abstentions,');
    expect(text).toMatch(/Ne prenant pas part 14 11 1 1 12 7 3 2 1/);
  });

  it('extract after a departure: the proxy that follows, the casting vote, exécutoire', async () => {
    const text = await extractText(2);
    expect(tieItem.vote?.castingVote).toBe(true);
    expect(text).toContain('Monsieur Jean-Pierre MOREAU quitte la séance avant la présente délibération et donne pouvoir à L. FONTAINE.');
    expect(section(text, 'Présents :', 'Absents excusés :')).toContain('FONTAINE L. (reçoit pouvoir de J.P. MOREAU)');
    expect(section(text, 'Absents excusés :', 'est élu secrétaire')).toContain('MOREAU J.P. (donne pouvoir à L. FONTAINE)');
    // Issue 10: the casting vote is said once, gendered (not "la voix de le président" twice).
    expect(text.match(/prépondérante/g)).toHaveLength(1);
    expect(text).toContain('par 6 voix pour, 6 voix contre et 1 abstention, la voix de la présidente étant prépondérante');
    expect(text).toContain('Certifié exécutoire compte tenu de la transmission en préfecture le 18 mars 2024 et de la publication le 19 mars 2024.');
    expect(text).toContain('062-200000000-20240314-DEL2024_03-DE');
  });

  it('procès-verbal: date, president, attendance, quorum, secretary, agenda, every result', () => {
    expect(minutes).toContain('PROCÈS-VERBAL DE LA SÉANCE');
    expect(minutes).toContain("L'an deux mille vingt-quatre, le jeudi 14 mars à 19 heures, le Conseil communautaire s'est réuni à Exemple-sur-Aa sous la présidence de Madame Sophie ARNAUD, Présidente");
    expect(minutes).toContain('Le quorum est atteint (11 membres présents, 8 requis).');
    expect(minutes).toContain('Monsieur Hugo ESTIENNE est élu secrétaire.');
    expect(minutes).toContain('Monsieur KLEIN T.');
    expect(minutes).toMatch(/Ordre du jour 1\. N°DEL2024-01 — ÉLECTION D'UN VICE-PRÉSIDENT 2\. N°DEL2024-02/);
    expect(minutes).toContain('M. Paul CHEVALIER, ayant obtenu la majorité absolue au second tour, est élu deuxième vice-président.');
    expect(minutes).toContain('Monsieur Thomas KLEIN arrive en séance');
    expect(minutes).toContain('Ont voté contre (3) : CHEVALIER P., DUMONT C., KLEIN T.');
    expect(minutes).toContain('Monsieur Marc HENRY ne prend pas part au vote');
    expect(minutes).toContain('Monsieur Jean-Pierre MOREAU quitte la séance avant la présente délibération et donne pouvoir à L. FONTAINE.');
    expect(minutes).toContain('la voix de la présidente étant prépondérante');
    expect(minutes).toContain("L'ordre du jour étant épuisé, la séance est levée.");
    expect(minutes).toMatch(/La Présidente de la communauté de communes, Le secrétaire de séance, Sophie ARNAUD Hugo ESTIENNE/);
  });

  it('list of deliberations (L2121-25): number, object and result of each item', async () => {
    const text = bodyText(readPdf((await renderDeliberationsList(session)).pdf), HEADS);
    expect(text).toContain('LISTE DES DÉLIBÉRATIONS');
    expect(text).toContain('DEL2024-01');
    expect(text).toContain('Adoptée par 7 voix pour, 3 voix contre et 2 abstentions');
    expect(text).toContain('CONVENTION DE SERVICE COMMUN');
    expect(text).toContain('article L2121-25 du CGCT');
  });
});

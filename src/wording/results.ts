// The words of a vote's result (L2121-20, L2121-21): "à l'unanimité", "par 30 voix pour, ...", the casting vote said
// once and gendered, named votes, the election's outcome. Pure; callers escape Markdown where they need it.
import { countNoun, joinFrench, ordinal } from '../documents/french-format';
import type { Civility, Outcome } from '../domain/types';
import { ofPresident } from './people';

export interface WordableResult {
  pour: number;
  contre: number;
  abstention: number;
  castingVote: boolean;
  outcome: Outcome;
}

const abstentions = (n: number): string => countNoun(n, 'abstention', 'abstentions');

/** ", la voix de la présidente étant prépondérante": L2121-20, said once, after the counts. */
export const castingVoteClause = (president: Civility | null | undefined): string => `, la voix ${ofPresident(president)} étant prépondérante`;

/**
 * L2121-20: unanimity is that of the votes cast; abstentions, when there are some, are stated.
 * Otherwise each side is given, zero sides omitted except "pour". `president`: civility of who presides the vote.
 */
export function resultWording(r: WordableResult, president?: Civility | null): string {
  const unanimous = r.outcome === 'adopted' && r.pour > 0 && r.contre === 0;
  let text: string;
  if (unanimous) {
    text = r.abstention === 0 ? "à l'unanimité" : `à l'unanimité des suffrages exprimés (${abstentions(r.abstention)})`;
  } else {
    const parts = [`${r.pour} voix pour`];
    if (r.contre > 0) parts.push(`${r.contre} voix contre`);
    if (r.abstention > 0) parts.push(abstentions(r.abstention));
    text = `par ${joinFrench(parts)}`;
  }
  return r.castingVote ? text + castingVoteClause(president) : text;
}

/** "Adoptée à l'unanimité", "Rejetée par 3 voix pour et 5 voix contre": the list of deliberations and the console. */
export const resultSummary = (r: WordableResult, president?: Civility | null): string =>
  `${r.outcome === 'adopted' ? 'Adoptée' : 'Rejetée'} ${resultWording(r, president)}`;

/** "1er", "2e", "3e": ordinal of an election round. */
export const ordinalFrench = (n: number): string => ordinal(n);

export type NamedChoice = 'pour' | 'contre' | 'abstention';

const SIDE_LABEL: Record<NamedChoice, string> = { pour: 'Ont voté pour', contre: 'Ont voté contre', abstention: 'Se sont abstenus' };

export interface NamedSide {
  choice: NamedChoice;
  /** "Ont voté contre". */
  label: string;
  count: number;
  names: string[];
  /** "Ont voté contre (2) : GARDIN J., FOURNIER A." (public vote) or "Ont voté contre : M. Jean GARDIN, Mme Anne FOURNIER" (show of hands). */
  sentence: string;
}

/**
 * Named votes per side, the sides with nobody left out. A public vote (L2121-21) names every voter; a show of hands
 * may name those against or abstaining, without a count in the line (the counts are in the header).
 */
export function namedSides<T>(
  named: Record<NamedChoice, T[]>, nameOf: (entry: T) => string, publicVote: boolean,
): NamedSide[] {
  return (['pour', 'contre', 'abstention'] as const)
    .filter((choice) => named[choice].length > 0)
    .map((choice) => {
      const names = named[choice].map(nameOf);
      const label = SIDE_LABEL[choice];
      const sentence = publicVote ? `${label} (${names.length}) : ${names.join(', ')}` : `${label} : ${names.join(', ')}`;
      return { choice, label, count: names.length, names, sentence };
    });
}

/** "Le vote a lieu au scrutin public (article L2121-21 du CGCT)."; null for a show of hands, named or not. */
export function modeSentence(mode: string, ballotArticle: string): string | null {
  if (mode === 'roll_call') return `Le vote a lieu au scrutin public (article ${ballotArticle} du CGCT).`;
  if (mode === 'secret') return `Le vote a lieu au scrutin secret (article ${ballotArticle} du CGCT).`;
  return null;
}

/** The console's short name of a vote's mode. */
export function modeLabel(mode: string, named: boolean): string | null {
  if (mode === 'roll_call') return 'Scrutin public';
  if (mode === 'secret') return 'Scrutin secret';
  if (mode === 'show_of_hands') return named ? 'Vote à main levée, noms consignés' : 'Vote à main levée';
  return null;
}

/** L2121-21: "Le scrutin public a été demandé par M. Jean GARDIN et Mme … (article L2121-21 du CGCT)." */
export function requestSentence(mode: string, requesterNames: string[], ballotArticle: string): string | null {
  if (requesterNames.length === 0 || (mode !== 'roll_call' && mode !== 'secret')) return null;
  return `Le scrutin ${mode === 'roll_call' ? 'public' : 'secret'} a été demandé par ${joinFrench(requesterNames)} (article ${ballotArticle} du CGCT).`;
}

/** "Les voix étant partagées (6 pour, 6 contre), la voix de la présidente est prépondérante (article L2121-20 du CGCT)." */
export function tieSentence(pour: number, contre: number, president: Civility | null | undefined, majorityArticle: string): string {
  return `Les voix étant partagées (${pour} pour, ${contre} contre), la voix ${ofPresident(president)} est prépondérante (article ${majorityArticle} du CGCT).`;
}

/**
 * "Après en avoir délibéré, le conseil communautaire, à l'unanimité," introduces the operative part. With nothing
 * to introduce (an empty operative part), the sentence ends: "…, à l'unanimité, adopte la proposition."
 */
export function deliberatedSentence(deliberating: string, wording: string, adopted: boolean, hasOperativePart: boolean): string {
  if (!adopted) return `Après en avoir délibéré, ${deliberating}, ${wording}, **REJETTE** la proposition.`;
  if (!hasOperativePart) return `Après en avoir délibéré, ${deliberating}, ${wording}, **ADOPTE** la proposition.`;
  return `Après en avoir délibéré, ${deliberating}, ${wording},`;
}

/** "Élue : Mme Anne FOURNIER": the console's label of an election. */
export const electedLabel = (civility: Civility | null, name: string): string => `${civility === 'Mme' ? 'Élue' : 'Élu'} : ${name}`;

export interface WordableRound {
  round: number;
  relative: boolean;
  cast: number;
  absoluteMajority: number;
  electedId: string | null;
  decidedByAge: boolean;
  votes: { candidateId: string; votes: number }[];
}

/**
 * L2122-7: "Élue au 1er tour à la majorité absolue : Mme Anne DURAND (25 voix)". `civilityOf` gives the
 * candidate's civility (from the member, else from the name as entered); unknown → masculine, as the law writes.
 */
export function electionWording(rounds: WordableRound[], nameOf: (id: string) => string, civilityOf: (id: string) => Civility | null): string {
  const last = rounds[rounds.length - 1];
  const tour = `${ordinalFrench(last.round)} tour`;
  if (last.electedId === null) {
    if (last.relative && last.cast === 0) return `Aucun candidat élu au ${tour} : aucun suffrage exprimé`;
    if (last.relative) return `Aucun candidat élu au ${tour} : égalité de voix entre candidats nés le même jour`;
    return `Aucun candidat n'a obtenu la majorité absolue (${last.absoluteMajority} voix) au ${tour}`;
  }
  const id = last.electedId;
  const votes = last.votes.find((x) => x.candidateId === id)?.votes ?? 0;
  const who = `${nameOf(id)} (${votes} voix)`;
  const word = civilityOf(id) === 'Mme' ? 'Élue' : 'Élu';
  if (!last.relative) return `${word} au ${tour} à la majorité absolue : ${who}`;
  return `${word} au ${tour} à la majorité relative${last.decidedByAge ? ", au bénéfice de l'âge" : ''} : ${who}`;
}

/** "Mme Anne FOURNIER obtient la majorité absolue et, à égalité de suffrages, est la plus âgée." */
export function roundOutcome(r: WordableRound, nameOf: (id: string) => string, civilityOf: (id: string) => Civility | null, nextRoundInWords: string): string {
  if (!r.electedId) return `Aucun candidat n'ayant obtenu la majorité absolue, il est procédé à un ${nextRoundInWords} tour.`;
  const oldest = civilityOf(r.electedId) === 'Mme' ? 'la plus âgée' : 'le plus âgé';
  return `${nameOf(r.electedId)} obtient ${r.relative ? 'la majorité relative' : 'la majorité absolue'}${r.decidedByAge ? ` et, à égalité de suffrages, est ${oldest}` : ''}.`;
}

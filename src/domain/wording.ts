// French wording of a vote result as extracts print it ("à l'unanimité", "par 30 voix pour, ...").
import { Outcome } from './types';

export interface WordableResult {
  pour: number;
  contre: number;
  abstention: number;
  castingVote: boolean;
  outcome: Outcome;
}

const CASTING_VOTE = ', la voix du président étant prépondérante';

function voix(n: number, side: 'pour' | 'contre'): string {
  return `${n} voix ${side}`;
}

function abstentions(n: number): string {
  return n === 1 ? '1 abstention' : `${n} abstentions`;
}

/** Joins "a", "a et b", "a, b et c". */
export function joinFrench(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

/**
 * L2121-20: unanimity is that of the votes cast; abstentions, when there are some, are stated.
 * Otherwise each side is given, zero sides omitted except "pour".
 */
export function resultWording(r: WordableResult): string {
  const unanimous = r.outcome === 'adopted' && r.pour > 0 && r.contre === 0;
  let text: string;
  if (unanimous) {
    text = r.abstention === 0 ? "à l'unanimité" : `à l'unanimité des suffrages exprimés (${abstentions(r.abstention)})`;
  } else {
    const parts = [voix(r.pour, 'pour')];
    if (r.contre > 0) parts.push(voix(r.contre, 'contre'));
    if (r.abstention > 0) parts.push(abstentions(r.abstention));
    text = `par ${joinFrench(parts)}`;
  }
  return r.castingVote ? text + CASTING_VOTE : text;
}

/** "1er", "2e", "3e": ordinal of an election round. */
export function ordinalFrench(n: number): string {
  return n === 1 ? '1er' : `${n}e`;
}

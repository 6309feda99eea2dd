// Random French paragraphs for the page's property specs: long words, URLs, every letter French
// uses, non-breaking spaces around names, numbers and punctuation, compounds and elisions.
import fc from 'fast-check';

const NBSP = '\u00A0';
const LOWER = 'abcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿ'.split('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ'.split('');

const letters = (chars: string[], min: number, max: number) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((a) => a.join(''));
const ordinary = letters(LOWER, 1, 14);
const longWord = letters([...LOWER, ...LOWER, ...UPPER], 20, 160);
const capitals = letters(UPPER, 2, 12);
const url = fc
  .array(letters([...LOWER.slice(0, 26), '0', '1', '9'], 1, 30), { minLength: 1, maxLength: 12 })
  .chain((segments) => fc.constantFrom('', '?id=42', '.pdf', '-v2').map((end) => `https://www.exemple-collectivite.fr/${segments.join('/')}${end}`.slice(0, 261)));
const nbspGroup = fc.oneof(
  fc.tuple(capitals, capitals, fc.constantFrom(...UPPER)).map(([a, b, i]) => `${a}${NBSP}${b}${NBSP}${i}.`),
  fc.nat(999).map((n) => `n°${NBSP}${n}`),
  ordinary.map((w) => `«${NBSP}${w}${NBSP}»`),
  fc.tuple(ordinary, fc.constantFrom(':', ';', '?', '!')).map(([w, p]) => `${w}${NBSP}${p}`),
);
const compound = fc.tuple(ordinary, ordinary).map(([a, b]) => `${a}-${b}`);
const elided = fc.tuple(fc.constantFrom("l'", 'd’', "qu'"), ordinary).map(([a, b]) => a + b);
const word = fc.oneof(
  { arbitrary: ordinary, weight: 10 },
  { arbitrary: longWord, weight: 2 },
  { arbitrary: url, weight: 1 },
  { arbitrary: nbspGroup, weight: 2 },
  { arbitrary: compound, weight: 2 },
  { arbitrary: elided, weight: 2 },
  { arbitrary: capitals, weight: 1 },
);
export const paragraph = fc.array(word, { minLength: 1, maxLength: 120 }).map((words) => `Début ${words.join(' ')} fin.`);


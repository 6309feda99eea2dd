// Where a word may break at a line end. French hyphenation comes from the TeX patterns of the
// `hyphen` package (hyph-fr), memoized per word since the same words return in every act.
// Breaks keep every character: a break at a pattern point or a forced one adds a hyphen at the line
// end; a break after a hyphen already in the word, or inside a URL, adds nothing.
import { hyphenateSync } from 'hyphen/fr';

/**
 * The hyphen a break adds is U+2010 (same glyph as "-"): a reader of the PDF's text tells it from a
 * hyphen of the text and joins the word back.
 */
export const BREAK_HYPHEN = '\u2010';

/** PDF text as extracted (one line per line): words cut at a line end joined back, compounds keep their hyphen. */
export function joinBrokenWords(text: string): string {
  return text.replace(/\u2010[ \t]*\r?\n\s*/g, '').replace(/-[ \t]*\r?\n\s*/g, '-');
}

export interface BreakPoint {
  /** Characters before the break. */
  at: number;
  /** A hyphen is drawn at the line end. */
  hyphen: boolean;
}

const SOFT = '\u00AD';
// French usage (and TeX's \lefthyphenmin / \righthyphenmin for French): two letters before, three after.
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
const LETTER = /\p{L}/u;
const MAX_MEMO = 50_000;
const memo = new Map<string, number[]>();

const isUrlLike = (word: string): boolean => /:\/\/|^www\.|@|\/.*\/|\.[a-z]{2,4}\//i.test(word);

/** Pattern hyphenation points of a word (offsets in the word), none for acronyms, numbers and URLs. */
export function hyphenationPoints(word: string): number[] {
  let points = memo.get(word);
  if (points !== undefined) return points;
  points = [];
  // Names in capitals (DENUNCQ, CAPSO), numbers and addresses are never hyphenated.
  if (!/\d/.test(word) && !isUrlLike(word) && /\p{Ll}/u.test(word) && !/\p{Lu}{2}/u.test(word)) {
    // Each letter run between punctuation is hyphenated alone ("l'intercommunalité", "Saint-Omer").
    const re = /\p{L}+/gu;
    for (let m = re.exec(word); m; m = re.exec(word)) {
      if (m[0].length < LEFT_MIN + RIGHT_MIN) continue;
      const marked = hyphenateSync(m[0], { hyphenChar: SOFT, minWordLength: LEFT_MIN + RIGHT_MIN });
      let offset = 0;
      for (const ch of marked) {
        if (ch === SOFT) {
          if (offset >= LEFT_MIN && m[0].length - offset >= RIGHT_MIN) points.push(m.index + offset);
        } else offset += ch.length;
      }
    }
  }
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(word, points);
  return points;
}

/**
 * Every break point of a word, in order: after a hyphen already there, in a URL after "/" or before
 * "." and "-", (when `hyphenate`) the pattern points, and (when `wide`: wider than a line) after a
 * non-breaking space.
 */
export function breakPoints(word: string, hyphenate: boolean, wide = false): BreakPoint[] {
  const points = new Map<number, boolean>();
  const url = isUrlLike(word);
  for (let i = 1; i < word.length - 1; i++) {
    const ch = word[i];
    const prev = word[i - 1];
    // A non-breaking space is one only while the group fits a line.
    if (prev === '\u00A0' || prev === '\u202F') {
      if (wide) points.set(i, false);
    }
    // URLs (Chicago Manual, and French usage alike): after a slash, before a dot, hyphen or other punctuation.
    else if (url) {
      if ((prev === '/' && ch !== '/') || (/[.\-_?&=#~]/.test(ch) && prev !== '/')) points.set(i, false);
    } else if ((prev === '-' || prev === '\u2010') && LETTER.test(ch) && LETTER.test(word[i - 2] ?? '')) points.set(i, false);
  }
  if (hyphenate) for (const at of hyphenationPoints(word)) if (!points.has(at)) points.set(at, true);
  return [...points.entries()].sort((a, b) => a[0] - b[0]).map(([at, hyphen]) => ({ at, hyphen }));
}

/** Forced breaks of a word wider than the column: between any two characters (not inside a surrogate pair). */
export function forcedBreak(word: string, at: number): BreakPoint {
  let cut = at;
  // Never between a surrogate pair or before a combining accent.
  while (cut > 1 && (/\p{M}/u.test(word[cut]) || (word.charCodeAt(cut) >= 0xdc00 && word.charCodeAt(cut) <= 0xdfff))) cut--;
  return { at: cut, hyphen: !isUrlLike(word) };
}

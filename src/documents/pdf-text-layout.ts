// Line breaking of rich text (bold, italic, superscript runs) with cached measurements.
// Done here rather than by pdfkit so that heights are known before drawing: headings kept with
// what follows, signature blocks kept whole, no line alone at the bottom of a page.
import type { Run } from './markdown-blocks';
import { type FontStyle, type LoadedFont, styleOf, widthOf } from './pdf-fonts';
import { BREAK_HYPHEN, type BreakPoint, breakPoints, forcedBreak } from './word-breaks';

export const SUP_SCALE = 0.65;

export interface Piece {
  text: string;
  style: FontStyle;
  sup: boolean;
  /** Points at the block's font size. */
  width: number;
}

export interface Word {
  pieces: Piece[];
  width: number;
  /** Width of the space that follows (0 at a line end). */
  spaceAfter: number;
  hardBreakAfter: boolean;
}

export interface Line {
  words: Word[];
  /** Natural width, without justification. */
  width: number;
  /** Justification adds this to each space between words. */
  extraSpace: number;
  /** Last line of a paragraph or before a forced break: never justified. */
  last: boolean;
}

function toWords(runs: Run[], fonts: Record<FontStyle, LoadedFont>, size: number): Word[] {
  const words: Word[] = [];
  let current: Piece[] = [];
  const scale = size / 1000;
  const measure = (text: string, style: FontStyle, sup: boolean): number =>
    widthOf(fonts[style], text) * scale * (sup ? SUP_SCALE : 1);
  const close = (spaceStyle: FontStyle | null, hard: boolean): void => {
    if (current.length === 0) {
      if (!hard) return;
      const last = words[words.length - 1];
      if (last && !last.hardBreakAfter) last.hardBreakAfter = true;
      else words.push({ pieces: [], width: 0, spaceAfter: 0, hardBreakAfter: true }); // an empty line
      return;
    }
    const width = current.reduce((sum, p) => sum + p.width, 0);
    words.push({ pieces: current, width, spaceAfter: spaceStyle ? measure(' ', spaceStyle, false) : 0, hardBreakAfter: hard });
    current = [];
  };
  const add = (text: string, style: FontStyle, sup: boolean): void => {
    const last = current[current.length - 1];
    if (last && last.style === style && last.sup === sup) {
      last.text += text;
      last.width = measure(last.text, style, sup);
    } else {
      current.push({ text, style, sup, width: measure(text, style, sup) });
    }
  };
  for (const run of runs) {
    const style = styleOf(run.bold, run.italic);
    if (run.text === '\n') {
      close(null, true);
      continue;
    }
    const parts = run.text.split(/( +)/);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.length === 0) continue;
      // Only ordinary spaces break: French spacing (typography.ts) made the others non-breaking.
      if (part.startsWith(' ')) close(style, false);
      else {
        add(part, style, run.sup);
      }
    }
  }
  close(null, false);
  return words;
}

export interface LineOptions {
  justify?: boolean;
  /** French hyphenation of words that do not fit (justified text). */
  hyphenate?: boolean;
}

type Measure = (text: string, style: FontStyle, sup: boolean) => number;

const wordText = (word: Word): string => word.pieces.map((p) => p.text).join('');

/** Cuts a word at `bp`: the head (with its line-end hyphen when the break adds one) and the tail. */
function cutWord(word: Word, bp: BreakPoint, measure: Measure): [Word, Word] {
  const head: Piece[] = [];
  const tail: Piece[] = [];
  let offset = 0;
  for (const piece of word.pieces) {
    const end = offset + piece.text.length;
    if (end <= bp.at) head.push(piece);
    else if (offset >= bp.at) tail.push(piece);
    else {
      const a = piece.text.slice(0, bp.at - offset);
      const b = piece.text.slice(bp.at - offset);
      head.push({ ...piece, text: a, width: measure(a, piece.style, piece.sup) });
      tail.push({ ...piece, text: b, width: measure(b, piece.style, piece.sup) });
    }
    offset = end;
  }
  if (bp.hyphen) {
    const last = head[head.length - 1];
    const text = last.text + BREAK_HYPHEN;
    head[head.length - 1] = { ...last, text, width: measure(text, last.style, last.sup) };
  }
  const sum = (pieces: Piece[]): number => pieces.reduce((w, p) => w + p.width, 0);
  return [
    { pieces: head, width: sum(head), spaceAfter: 0, hardBreakAfter: false },
    { pieces: tail, width: sum(tail), spaceAfter: word.spaceAfter, hardBreakAfter: word.hardBreakAfter },
  ];
}

/**
 * The longest head of `word` that fits `room`, cut at a break point, or at any character when
 * `force` (a word wider than the column: no text may run off the page).
 */
function fitHead(word: Word, room: number, hyphenate: boolean, force: boolean, measure: Measure): [Word, Word] | null {
  const text = wordText(word);
  // Heads grow with the break offset: a binary search measures a handful of them, not every one.
  const longestFitting = (count: number, at: (i: number) => BreakPoint, atLeastOne: boolean): BreakPoint | null => {
    let lo = 0;
    let hi = count - 1;
    let best: BreakPoint | null = atLeastOne && count > 0 ? at(0) : null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headWidth(word, at(mid), measure) <= room + 0.01) {
        best = at(mid);
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
  const candidates = breakPoints(text, hyphenate, force);
  const found = longestFitting(candidates.length, (i) => candidates[i], false);
  if (found) return cutWord(word, found, measure);
  if (!force || text.length < 2) return null;
  // Any character, keeping at least one on the line.
  const forced = longestFitting(text.length - 1, (i) => forcedBreak(text, i + 1), true);
  if (!forced || forced.at < 1) return null;
  const parts = cutWord(word, forced, measure);
  return parts[0].pieces.length > 0 && parts[1].pieces.length > 0 ? parts : null;
}

/** Width of the head of `word` cut at `bp`, hyphen included. */
function headWidth(word: Word, bp: BreakPoint, measure: Measure): number {
  let width = 0;
  let offset = 0;
  for (const piece of word.pieces) {
    const end = offset + piece.text.length;
    if (end < bp.at || (end === bp.at && !bp.hyphen)) width += piece.width;
    else return width + measure(piece.text.slice(0, bp.at - offset) + (bp.hyphen ? BREAK_HYPHEN : ''), piece.style, piece.sup);
    offset = end;
  }
  return width;
}

/**
 * Greedy line filling, as every word processor does. A word that does not fit is hyphenated
 * (French patterns) when `hyphenate`; a word wider than the column is always cut, so no text
 * ever runs off the page.
 */
export function layoutLines(runs: Run[], maxWidth: number, fonts: Record<FontStyle, LoadedFont>, size: number, options: LineOptions | boolean = {}): Line[] {
  const { justify = false, hyphenate = false } = typeof options === 'boolean' ? { justify: options } : options;
  const scale = size / 1000;
  const measure: Measure = (text, style, sup) => widthOf(fonts[style], text) * scale * (sup ? SUP_SCALE : 1);
  const words = toWords(runs, fonts, size);
  const lines: Line[] = [];
  let lineWords: Word[] = [];
  let lineWidth = 0;
  const flush = (last: boolean): void => {
    const gaps = Math.max(0, lineWords.length - 1);
    lines.push({ words: lineWords, width: lineWidth, extraSpace: justify && !last && gaps > 0 ? (maxWidth - lineWidth) / gaps : 0, last });
    lineWords = [];
    lineWidth = 0;
  };
  const place = (word: Word): void => {
    const previous = lineWords[lineWords.length - 1];
    lineWidth = previous ? lineWidth + previous.spaceAfter + word.width : word.width;
    lineWords.push(word);
  };
  for (let word of words) {
    for (;;) {
      const previous = lineWords[lineWords.length - 1];
      const room = previous ? maxWidth - lineWidth - previous.spaceAfter : maxWidth;
      if (word.width <= room + 0.01) {
        place(word);
        break;
      }
      const tooWide = word.width > maxWidth + 0.01;
      const parts = hyphenate || tooWide ? fitHead(word, room, hyphenate || tooWide, tooWide && !previous, measure) : null;
      if (parts) {
        place(parts[0]);
        flush(false);
        word = parts[1];
      } else if (previous) {
        flush(false);
      } else {
        place(word); // a single character wider than the column: nothing narrower exists
        break;
      }
    }
    if (word.hardBreakAfter) flush(true);
  }
  if (lineWords.length > 0 || lines.length === 0) flush(true);
  return lines;
}

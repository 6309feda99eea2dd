// Line breaking of rich text (bold, italic, superscript runs) with cached measurements.
// Done here rather than by pdfkit so that heights are known before drawing: headings kept with
// what follows, signature blocks kept whole, no line alone at the bottom of a page.
import type { Run } from './markdown-blocks';
import { type FontStyle, type LoadedFont, styleOf, widthOf } from './pdf-fonts';

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

// French typography: no break before ; : ! ? » nor after « (the space belongs to the word).
const NO_BREAK_BEFORE = /^[;:!?»]/;
const NO_BREAK_AFTER = /«$/;

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
      if (part.startsWith(' ')) {
        const before = current.map((p) => p.text).join('');
        const next = parts[i + 1] ?? '';
        const glued = current.length > 0 && (NO_BREAK_BEFORE.test(next) || NO_BREAK_AFTER.test(before));
        if (glued) add(' ', style, run.sup);
        else close(style, false);
      } else {
        add(part, style, run.sup);
      }
    }
  }
  close(null, false);
  return words;
}

/** Greedy line filling, as every word processor does; overlong words overflow rather than split. */
export function layoutLines(runs: Run[], maxWidth: number, fonts: Record<FontStyle, LoadedFont>, size: number, justify = false): Line[] {
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
  for (const word of words) {
    const previous = lineWords[lineWords.length - 1];
    const widthWith = previous ? lineWidth + previous.spaceAfter + word.width : word.width;
    if (previous && widthWith > maxWidth + 0.01) {
      flush(false);
      lineWords.push(word);
      lineWidth = word.width;
    } else {
      lineWords.push(word);
      lineWidth = widthWith;
    }
    if (word.hardBreakAfter) flush(true);
  }
  if (lineWords.length > 0 || lines.length === 0) flush(true);
  return lines;
}

// Measuring blocks before drawing them: every block knows its height, so the page flow can keep
// a heading with what follows and the closing formula with the signatures.
import type { Align, Block, Run } from './markdown-blocks';
import { type FontStyle, type LoadedFont, widthOf, styleOf } from './pdf-fonts';
import { type Line, layoutLines } from './pdf-text-layout';

export const PAGE = { width: 595.28, height: 841.89, top: 64, bottom: 54, left: 54, right: 54 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const BODY_SIZE = 9.5;
export const LINE_FACTOR = 1.2;
const INDENT = 16;
const CELL_PAD = 3.5;

export interface TextBox {
  lines: Line[];
  size: number;
  lineHeight: number;
  align: Align;
  width: number;
}

export type Laid =
  | { type: 'text'; box: TextBox; x: number; before: number; after: number; marker: { text: Line; x: number } | null; heading: boolean }
  | { type: 'table'; columns: number[]; rows: { cells: TextBox[]; height: number; header: boolean }[]; plain: boolean; before: number; after: number }
  | { type: 'hr'; before: number; after: number };

const HEADING_SIZE: Record<number, number> = { 1: 14, 2: 10.5, 3: 10, 4: 10, 5: 10, 6: 10 };

/** How text is set: French hyphenation of justified text is on unless turned off (the benchmark compares both). */
export interface SetOptions {
  hyphenate: boolean;
}

function textBox(runs: Run[], width: number, size: number, align: Align, fonts: Record<FontStyle, LoadedFont>, set: SetOptions): TextBox {
  const justify = align === 'justify';
  return { lines: layoutLines(runs, width, fonts, size, { justify, hyphenate: justify && set.hyphenate }), size, lineHeight: size * LINE_FACTOR, align, width };
}

export function boxHeight(box: TextBox): number {
  return box.lines.length * box.lineHeight;
}

export function lineOffset(box: TextBox, line: Line): number {
  if (box.align === 'center') return (box.width - line.width) / 2;
  if (box.align === 'right') return box.width - line.width;
  return 0;
}

/** Widths like a browser's automatic table layout: no column narrower than its longest word. */
function columnWidths(block: Extract<Block, { type: 'table' }>, size: number, fonts: Record<FontStyle, LoadedFont>): number[] {
  const count = Math.max(...block.rows.map((r) => r.cells.length));
  if (block.plain) return Array.from({ length: count }, () => CONTENT_WIDTH / count);
  const min = new Array<number>(count).fill(0);
  const max = new Array<number>(count).fill(0);
  for (const row of block.rows) {
    row.cells.forEach((runs, c) => {
      let longest = 0;
      let total = 0;
      for (const run of runs) {
        const font = fonts[styleOf(run.bold || row.header, run.italic)];
        for (const word of run.text.split(/ +/)) longest = Math.max(longest, (widthOf(font, word) * size) / 1000);
        total += (widthOf(font, run.text) * size) / 1000;
      }
      min[c] = Math.max(min[c], longest + 2 * CELL_PAD + 1);
      max[c] = Math.max(max[c], total + 2 * CELL_PAD + 1);
    });
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (sumMax <= CONTENT_WIDTH) return max.map((w) => w + (CONTENT_WIDTH - sumMax) / count);
  if (sumMin >= CONTENT_WIDTH) return min.map((w) => (w * CONTENT_WIDTH) / sumMin);
  // Columns whose whole content fits are given it, narrowest first ("Adoptée à l'unanimité" on one line),
  // as long as the others keep their longest word; the rest share what is left, as a browser would.
  const widths = [...min];
  const settled = new Array<boolean>(count).fill(false);
  let spare = CONTENT_WIDTH - sumMin;
  const order = min.map((_, c) => c).sort((a, b) => max[a] - max[b]);
  for (const c of order.slice(0, -1)) {
    const need = max[c] - min[c];
    if (need > spare) break;
    widths[c] = max[c];
    settled[c] = true;
    spare -= need;
  }
  const flexible = widths.reduce((sum, _w, c) => sum + (settled[c] ? 0 : max[c] - min[c]), 0);
  return widths.map((w, c) => (settled[c] || flexible <= 0 ? w : w + (spare * (max[c] - min[c])) / flexible));
}

export function layBlock(block: Exclude<Block, { type: 'keep' }>, fonts: Record<FontStyle, LoadedFont>, set: SetOptions = { hyphenate: true }): Laid {
  switch (block.type) {
    case 'heading': {
      const size = HEADING_SIZE[block.level] ?? BODY_SIZE;
      const runs = block.runs.map((r) => ({ ...r, bold: true }));
      const box = textBox(runs, CONTENT_WIDTH, size, block.align, fonts, set);
      return { type: 'text', box, x: PAGE.left, before: block.level === 1 ? 10 : 8, after: block.level === 1 ? 12 : 6, marker: null, heading: true };
    }
    case 'paragraph': {
      const size = block.small ? 8.5 : BODY_SIZE;
      const indent = block.indent * INDENT;
      const box = textBox(block.runs, CONTENT_WIDTH - indent, size, block.align, fonts, set);
      const marker = block.marker
        ? { text: layoutLines([{ text: block.marker, bold: false, italic: false, sup: false }], INDENT, fonts, size)[0], x: PAGE.left + indent - INDENT + 4 }
        : null;
      const inList = block.marker !== null || block.indent > 0;
      return { type: 'text', box, x: PAGE.left + indent, before: 0, after: inList && !block.listEnd ? 1.5 : 5, marker, heading: false };
    }
    case 'table': {
      const size = block.plain ? BODY_SIZE : 8.5;
      const columns = columnWidths(block, size, fonts);
      const rows = block.rows.map((row) => {
        const cells = columns.map((width, c) => {
          const runs = (row.cells[c] ?? []).map((r) => ({ ...r, bold: r.bold || (row.header && !block.plain) }));
          const align: Align = block.aligns[c] ?? 'left';
          return textBox(runs, width - 2 * CELL_PAD, size, align, fonts, set);
        });
        return { cells, height: Math.max(...cells.map(boxHeight)) + 2 * CELL_PAD, header: row.header };
      });
      return { type: 'table', columns, rows, plain: block.plain, before: 2, after: 8 };
    }
    case 'hr':
      return { type: 'hr', before: 4, after: 8 };
  }
}

/** Height the block needs before anything else can follow, keeping at least `minLines` of text. */
export function leadHeight(laid: Laid, minLines: number): number {
  if (laid.type === 'text') return laid.before + Math.min(laid.box.lines.length, minLines) * laid.box.lineHeight;
  if (laid.type === 'table') return laid.before + laid.rows.slice(0, 2).reduce((h, r) => h + r.height, 0);
  return laid.before + 1;
}

export function totalHeight(laid: Laid): number {
  if (laid.type === 'text') return laid.before + boxHeight(laid.box) + laid.after;
  if (laid.type === 'table') return laid.before + laid.rows.reduce((h, r) => h + r.height, 0) + laid.after;
  return laid.before + laid.after;
}

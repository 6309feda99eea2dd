// What must share a page with what follows it, decided before drawing (the blocks' heights are known):
// - the closing formula and the signatures (a keep region), and after the last such region the rest of
//   the document (exécutoire, recourse), never alone on a page: they take the last lines before them along;
// - a lead-in ("… le conseil, à l'unanimité,", "il est proposé :") with the first lines of what it introduces;
// - a list's first item with the second, its last item with the one before: a two-item list is not split.
import type { Block } from './markdown-blocks';
import { type Laid, leadHeight, totalHeight } from './pdf-layout';

type Item = Laid | { type: 'keep'; open: boolean };

export interface KeepPlan {
  /** By block index: the height that must follow the block's last lines on their page (0: none). */
  withNext: number[];
  /** By index of a keep opening: the height of the region to keep on one page. */
  region: Map<number, number>;
}

const textOf = (block: Block): string =>
  block.type === 'paragraph' || block.type === 'heading' ? block.runs.map((r) => r.text).join('').trim() : '';

export function planKeeps(blocks: Block[], laid: Item[], pageHeight: number): KeepPlan {
  const withNext = new Array<number>(blocks.length).fill(0);
  const region = new Map<number, number>();
  const drawable = (i: number): i is number => i >= 0 && i < laid.length && laid[i].type !== 'keep';
  const previous = (i: number): number => {
    for (let j = i - 1; j >= 0; j--) if (drawable(j)) return j;
    return -1;
  };
  const next = (i: number): number => {
    for (let j = i + 1; j < laid.length; j++) if (drawable(j)) return j;
    return -1;
  };
  const keepWith = (i: number, height: number): void => {
    if (i >= 0 && height < pageHeight / 2) withNext[i] = Math.max(withNext[i], height);
  };
  const heightOf = (from: number, to: number): number => {
    let h = 0;
    for (let j = from; j < to; j++) if (drawable(j)) h += totalHeight(laid[j] as Laid);
    return h;
  };

  // Keep regions; the last one takes the end of the document with it.
  const opens = blocks.flatMap((b, i) => (b.type === 'keep' && b.open ? [i] : []));
  opens.forEach((open, n) => {
    let close = blocks.findIndex((b, j) => j > open && b.type === 'keep');
    if (close < 0) close = blocks.length;
    const own = heightOf(open + 1, close);
    const withTail = n === opens.length - 1 ? heightOf(open + 1, blocks.length) : own;
    const height = withTail <= pageHeight ? withTail : own;
    region.set(open, height);
    keepWith(previous(open), height);
  });
  // No region: the last lines (the recourse in small print) are not left alone on a page either.
  const last = previous(blocks.length);
  if (opens.length === 0 && last >= 0 && blocks[last].type === 'paragraph' && (blocks[last] as { small: boolean }).small) {
    keepWith(previous(last), totalHeight(laid[last] as Laid));
  }

  blocks.forEach((block, i) => {
    if (block.type !== 'paragraph') return;
    const following = next(i);
    if (following < 0) return;
    const after = blocks[following];
    // A lead-in ends with a comma or a colon and introduces what follows.
    if (block.indent === 0 && /[,:]$/.test(textOf(block)) && after.type !== 'heading') keepWith(i, leadHeight(laid[following] as Laid, 2));
    // Lists: the item after this block's item, when this is the first item or that is the last one.
    if (block.indent > 0 && after.type === 'paragraph' && after.indent === block.indent && after.marker !== null && !block.listEnd) {
      let start = i;
      while (start > 0 && blocks[start].type === 'paragraph' && (blocks[start] as { marker: string | null }).marker === null) start--;
      const before = previous(start);
      const first = before < 0 || blocks[before].type !== 'paragraph' || (blocks[before] as { indent: number }).indent < block.indent;
      const lastItem = (() => {
        for (let j = following; j < blocks.length; j++) {
          const b = blocks[j];
          if (b.type !== 'paragraph' || b.indent < block.indent) return true;
          if (b.listEnd) return true;
          if (j > following && b.indent === block.indent && b.marker !== null) return false;
        }
        return true;
      })();
      if (first || lastItem) keepWith(i, leadHeight(laid[following] as Laid, 2));
    }
  });
  // Chains: a block kept with a short block (two lines at most) that is itself kept with the next
  // keeps the whole chain ("… à l'unanimité," with a first item kept with the second).
  for (let i = blocks.length - 1; i >= 0; i--) {
    const j = next(i);
    const after = j >= 0 ? laid[j] : null;
    if (withNext[i] > 0 && after && after.type === 'text' && after.box.lines.length <= 2 && withNext[j] > 0) {
      keepWith(i, totalHeight(after) + withNext[j]);
    }
  }
  return { withNext, region };
}

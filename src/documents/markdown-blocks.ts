// Markdown (the subset templates produce) → a flat list of blocks the PDF renderer lays out.
// Layout hints are HTML comments on their own line:
//   <!-- keep --> ... <!-- /keep -->   keep together on one page (closing formula + signatures)
//   <!-- plain -->                      next table without borders (signature block)
//   <!-- small -->                      next paragraph in small print (legal mentions)
//   <!-- left|center|right|justify -->  alignment of the next block
import MarkdownIt from 'markdown-it';
import { frenchSpacing } from './typography';

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Run {
  /** "\n" alone is a forced line break. */
  text: string;
  bold: boolean;
  italic: boolean;
  sup: boolean;
}

export type Block =
  | { type: 'heading'; level: number; runs: Run[]; align: Align }
  | { type: 'paragraph'; runs: Run[]; align: Align; indent: number; marker: string | null; small: boolean; listEnd?: boolean }
  | { type: 'table'; rows: { cells: Run[][]; header: boolean }[]; aligns: Align[]; plain: boolean }
  | { type: 'hr' }
  | { type: 'keep'; open: boolean };

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
type Token = MarkdownIt.Token;

const HINT = /^<!--\s*(\/?keep|plain|small|left|center|right|justify)\s*-->$/;

interface ListState {
  ordered: boolean;
  next: number;
  /** The marker goes on the first paragraph of an item only. */
  pendingMarker: string | null;
}

function inlineRuns(token: Token): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let sup = 0;
  const push = (text: string): void => {
    if (text.length === 0) return;
    const last = runs[runs.length - 1];
    const style = { bold: bold > 0, italic: italic > 0, sup: sup > 0 };
    if (last && last.text !== '\n' && text !== '\n' && last.bold === style.bold && last.italic === style.italic && last.sup === style.sup) {
      last.text += text;
    } else {
      runs.push({ text, ...style });
    }
  };
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        push(child.content);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'image':
        push(child.content);
        break;
      case 'html_inline': {
        const tag = child.content.toLowerCase().replace(/\s+/g, '');
        if (/^<br\/?>$/.test(tag)) push('\n');
        else if (tag === '<sup>') sup++;
        else if (tag === '</sup>') sup = Math.max(0, sup - 1);
        else if (tag === '<b>' || tag === '<strong>') bold++;
        else if (tag === '</b>' || tag === '</strong>') bold = Math.max(0, bold - 1);
        else if (tag === '<i>' || tag === '<em>') italic++;
        else if (tag === '</i>' || tag === '</em>') italic = Math.max(0, italic - 1);
        break; // other tags are dropped, their text kept
      }
      default:
        break;
    }
  }
  return runs;
}

function cellAlign(token: Token): Align {
  const style = String(token.attrGet('style') ?? '');
  if (style.includes('center')) return 'center';
  if (style.includes('right')) return 'right';
  return 'left';
}

const plainText = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/** The blocks of a document, their text set with French spacing (typography.ts) once, here. */
export function markdownToBlocks(source: string): Block[] {
  const blocks = parseBlocks(source);
  for (const block of blocks) {
    if (block.type === 'heading' || block.type === 'paragraph') spaceRuns(block.runs);
    else if (block.type === 'table') for (const row of block.rows) row.cells.forEach(spaceRuns);
  }
  return blocks;
}

function spaceRuns(runs: Run[]): void {
  for (const run of runs) if (run.text !== '\n') run.text = frenchSpacing(run.text);
}

function parseBlocks(source: string): Block[] {
  const tokens = markdown.parse(source, {});
  const blocks: Block[] = [];
  const lists: ListState[] = [];
  let nextAlign: Align | null = null;
  let nextPlain = false;
  let nextSmall = false;
  let quoteDepth = 0;
  let table: Extract<Block, { type: 'table' }> | null = null;
  let inHead = false;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'html_block': {
        const hint = HINT.exec(t.content.trim());
        if (hint) {
          const name = hint[1];
          if (name === 'keep' || name === '/keep') blocks.push({ type: 'keep', open: name === 'keep' });
          else if (name === 'plain') nextPlain = true;
          else if (name === 'small') nextSmall = true;
          else nextAlign = name as Align;
        } else if (plainText(t.content)) {
          const text = plainText(t.content);
          blocks.push({ type: 'paragraph', runs: [{ text, bold: false, italic: false, sup: false }], align: 'justify', indent: 0, marker: null, small: false });
        }
        break;
      }
      case 'heading_open': {
        const level = Number(t.tag.slice(1));
        blocks.push({ type: 'heading', level, runs: inlineRuns(tokens[i + 1]), align: nextAlign ?? (level === 1 ? 'center' : 'left') });
        nextAlign = null;
        i += 2;
        break;
      }
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 0, pendingMarker: null });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(t.attrGet('start') ?? 1), pendingMarker: null });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close': {
        lists.pop();
        const last = blocks[blocks.length - 1];
        if (lists.length === 0 && last?.type === 'paragraph') last.listEnd = true; // space after the list
        break;
      }
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        list.pendingMarker = list.ordered ? `${list.next++}.` : lists.length > 1 ? '–' : '•';
        break;
      }
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'paragraph_open': {
        const list = lists[lists.length - 1];
        const marker = list ? list.pendingMarker : null;
        if (list) list.pendingMarker = null;
        blocks.push({
          type: 'paragraph',
          runs: inlineRuns(tokens[i + 1]),
          align: nextAlign ?? 'justify',
          indent: lists.length + quoteDepth,
          marker,
          small: nextSmall,
        });
        nextAlign = null;
        nextSmall = false;
        i += 2;
        break;
      }
      case 'code_block':
      case 'fence':
        blocks.push({ type: 'paragraph', runs: [{ text: t.content.replace(/\n+$/, ''), bold: false, italic: false, sup: false }], align: 'left', indent: lists.length + quoteDepth, marker: null, small: true });
        break;
      case 'hr':
        blocks.push({ type: 'hr' });
        break;
      case 'table_open':
        table = { type: 'table', rows: [], aligns: [], plain: nextPlain };
        nextPlain = false;
        break;
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open':
        table?.rows.push({ cells: [], header: inHead });
        break;
      case 'th_open':
      case 'td_open': {
        if (!table) break;
        const row = table.rows[table.rows.length - 1];
        if (table.rows.length === 1) table.aligns.push(cellAlign(t));
        row.cells.push(inlineRuns(tokens[i + 1]));
        i += 2;
        break;
      }
      case 'table_close':
        if (table) blocks.push(table);
        table = null;
        break;
      default:
        break;
    }
  }
  return blocks;
}

/** The same Markdown as HTML, for previews and for printing with a browser. */
export function markdownToHtml(source: string): string {
  return markdown.render(source);
}

// Writes laid-out lines into a pdfkit page as raw text operators: one BT…ET per line, glyphs
// encoded by pdfkit's embedded font (so subsetting, widths and ToUnicode stay pdfkit's job).
// pdfkit's own text() re-measures and re-wraps every call, which is most of its cost.
import type PDFDocument from 'pdfkit';
import { type FontStyle, type LoadedFont, memoSubset } from './pdf-fonts';
import { type Line, SUP_SCALE } from './pdf-text-layout';

/** The parts of pdfkit's EmbeddedFont used here (stable since pdfkit 0.8). */
interface GlyphRun {
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; advanceWidth: number }[];
}

interface EmbeddedFontLike {
  id: string;
  ascender: number;
  scale: number;
  widths: number[];
  unicode: number[][];
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number }[]];
  /** The shaped run of one word, from the layout cache shared across documents. */
  layoutCached(text: string): GlyphRun;
  ref(): unknown;
  layoutCache?: Record<string, unknown>;
  subset: { glyphs: number[]; encode(): Uint8Array; includeGlyph(id: number): number };
}

const HEX4 = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, '0'));

/**
 * pdfkit's encode() for a word without spaces, as pdfkit does it (its layout of a word is the cached run of that
 * word), less the splitting and copying it does for any text: the glyphs join this document's subset.
 */
function encodeWord(font: EmbeddedFontLike, word: string): [string[], GlyphRun['positions']] {
  if (/[ \t]/.test(word) && word !== ' ') return font.encode(word);
  const run = font.layoutCached(word);
  const hex: string[] = new Array(run.glyphs.length);
  for (let i = 0; i < run.glyphs.length; i++) {
    const glyph = run.glyphs[i];
    const gid = font.subset.includeGlyph(glyph.id);
    hex[i] = HEX4[gid];
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
  }
  return [hex, run.positions];
}

type Doc = InstanceType<typeof PDFDocument> & {
  _font: EmbeddedFontLike;
  page: { fonts: Record<string, unknown>; height: number };
};

const num = (n: number): string => {
  const rounded = Math.round(n * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

/**
 * fontkit keeps one Glyph object per glyph id, with the characters of the text that first produced
 * it. The subsetter asks for glyphs without characters (the "I" inside the composite "Î"): cached,
 * they would give a later document an "I" with no Unicode mapping, and its text could not be read
 * or searched. The glyphs the subsetter creates are forgotten once it is done.
 */
function withoutGlyphLeaks(loaded: LoadedFont, encode: () => Uint8Array): Uint8Array {
  const cache = (loaded.font as unknown as { _glyphs?: Record<string, unknown> })._glyphs;
  if (!cache) return encode();
  const before = new Set(Object.keys(cache));
  try {
    return encode();
  } finally {
    for (const id of Object.keys(cache)) if (!before.has(id)) delete cache[id];
  }
}

export interface PaintStyle {
  size: number;
  /** Grey level 0 (black) to 1, for running heads. */
  grey?: number;
}

export class TextPainter {
  private readonly embedded = new Map<FontStyle, EmbeddedFontLike>();

  constructor(
    private readonly doc: Doc,
    private readonly fonts: Record<FontStyle, LoadedFont>,
  ) {
    for (const font of Object.values(fonts)) doc.registerFont(font.key, font.font as never);
  }

  private font(style: FontStyle): EmbeddedFontLike {
    let font = this.embedded.get(style);
    if (!font) {
      const loaded = this.fonts[style];
      this.doc.font(loaded.key);
      font = this.doc._font;
      // Share shaping results across documents: same fontkit Font, same glyph ids.
      font.layoutCache = loaded.layoutCache;
      const subset = font.subset;
      const encode = subset.encode.bind(subset);
      subset.encode = () => memoSubset(loaded, subset.glyphs, () => withoutGlyphLeaks(loaded, encode));
      this.embedded.set(style, font);
    }
    return font;
  }

  /** Ascent of the regular face in points at `size`: where the baseline sits below a line's top. */
  ascent(size: number): number {
    return (this.font('regular').ascender / 1000) * size;
  }

  private tj(font: EmbeddedFontLike, words: string[], extraUnits: number): string {
    const parts: string[] = [];
    let hex = '';
    const addText = (text: string): void => {
      const [encoded, positions] = encodeWord(font, text);
      for (let i = 0; i < encoded.length; i++) {
        hex += encoded[i];
        const kerning = positions[i].xAdvance - positions[i].advanceWidth;
        if (kerning > 0.001 || kerning < -0.001) {
          parts.push(`<${hex}>`, num(-kerning));
          hex = '';
        }
      }
    };
    words.forEach((word, index) => {
      if (index > 0) {
        addText(' ');
        if (extraUnits !== 0) {
          if (hex) parts.push(`<${hex}>`);
          hex = '';
          parts.push(num(-extraUnits));
        }
      }
      addText(word);
    });
    if (hex) parts.push(`<${hex}>`);
    return `[${parts.join(' ')}] TJ`;
  }

  /** Draws one line whose top is at (x, top) in pdfkit's top-left coordinates. */
  drawLine(line: Line, x: number, top: number, style: PaintStyle, offsetX = 0): void {
    if (line.words.length === 0) return;
    const { size } = style;
    const page = this.doc.page;
    const baseline = page.height - (top + this.ascent(size));
    const ops: string[] = ['q', `1 0 0 -1 0 ${num(page.height)} cm`];
    if (style.grey !== undefined) ops.push(`${num(style.grey)} g`);
    ops.push('BT');
    // Segments: consecutive words (or parts of words) in the same face, drawn in one TJ.
    let segment: { style: FontStyle; sup: boolean; words: string[]; x: number } | null = null;
    let currentFont = '';
    const flush = (): void => {
      if (!segment) return;
      const font = this.font(segment.style);
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      const fontSize = segment.sup ? size * SUP_SCALE : size;
      const tf = `/${font.id} ${num(fontSize)} Tf`;
      if (tf !== currentFont) ops.push(tf);
      currentFont = tf;
      const y = segment.sup ? baseline + size * 0.35 : baseline;
      ops.push(`1 0 0 1 ${num(x + offsetX + segment.x)} ${num(y)} Tm`);
      ops.push(this.tj(font, segment.words, (line.extraSpace * 1000) / fontSize));
      segment = null;
    };
    let cursor = 0;
    line.words.forEach((word, wordIndex) => {
      word.pieces.forEach((piece, pieceIndex) => {
        const startsWord = pieceIndex === 0 && wordIndex > 0;
        if (segment && segment.style === piece.style && segment.sup === piece.sup) {
          if (startsWord) segment.words.push(piece.text);
          else segment.words[segment.words.length - 1] += piece.text;
        } else {
          flush();
          segment = { style: piece.style, sup: piece.sup, words: [piece.text], x: cursor };
        }
        cursor += piece.width;
      });
      cursor += word.spaceAfter + line.extraSpace;
    });
    flush();
    ops.push('ET', 'Q');
    this.doc.addContent(ops.join('\n'));
  }
}

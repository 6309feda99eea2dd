// Fonts for the PDFs: DejaVu TrueType files, read and parsed once per process, embedded and
// subset by pdfkit in each document. Text measurement is cached across documents: the same
// names and formulas come back in every extract, and shaping them is most of pdfkit's time.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export type FontFamily = 'serif' | 'serif-condensed' | 'sans';

const FILES: Record<FontFamily, Record<FontStyle, string>> = {
  serif: { regular: 'DejaVuSerif', bold: 'DejaVuSerif-Bold', italic: 'DejaVuSerif-Italic', boldItalic: 'DejaVuSerif-BoldItalic' },
  'serif-condensed': {
    regular: 'DejaVuSerifCondensed',
    bold: 'DejaVuSerifCondensed-Bold',
    italic: 'DejaVuSerifCondensed-Italic',
    boldItalic: 'DejaVuSerifCondensed-BoldItalic',
  },
  sans: { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold', italic: 'DejaVuSans-Oblique', boldItalic: 'DejaVuSans-BoldOblique' },
};

/** The subset of fontkit's Font this module relies on. */
export interface ParsedFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  layout(text: string): { advanceWidth: number };
}

export interface LoadedFont {
  /** Name registered in each document, e.g. "serif-bold". */
  key: string;
  font: ParsedFont;
  /** Widths in thousandths of an em, by string. */
  widths: Map<string, number>;
  /** Handed to pdfkit's EmbeddedFont so it does not shape the same words again in every document. */
  layoutCache: Record<string, unknown>;
  /** Subset font programs by the ordered list of glyphs they hold (see memoSubset). */
  subsets: Map<string, Uint8Array>;
  scale: number;
}

const loaded = new Map<string, LoadedFont>();
// Bounds the caches: documents are made of words that repeat, but free text is unbounded.
const MAX_CACHED_STRINGS = 50_000;

export function fontFile(family: FontFamily, style: FontStyle): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${FILES[family][style]}.ttf`);
}

export function loadFont(family: FontFamily, style: FontStyle): LoadedFont {
  const key = `${family}-${style}`;
  let entry = loaded.get(key);
  if (!entry) {
    const font = fontkit.create(readFileSync(fontFile(family, style))) as unknown as ParsedFont;
    entry = { key, font, widths: new Map(), layoutCache: Object.create(null) as Record<string, unknown>, subsets: new Map(), scale: 1000 / font.unitsPerEm };
    loaded.set(key, entry);
  }
  return entry;
}

export function loadFamily(family: FontFamily): Record<FontStyle, LoadedFont> {
  return {
    regular: loadFont(family, 'regular'),
    bold: loadFont(family, 'bold'),
    italic: loadFont(family, 'italic'),
    boldItalic: loadFont(family, 'boldItalic'),
  };
}

/** Advance width of `text` at 1000 units per em, measured as pdfkit will draw it. */
export function widthOf(font: LoadedFont, text: string): number {
  let width = font.widths.get(text);
  if (width === undefined) {
    width = font.font.layout(text).advanceWidth * font.scale;
    if (font.widths.size >= MAX_CACHED_STRINGS) font.widths.clear();
    font.widths.set(text, width);
  }
  return width;
}

const MAX_CACHED_SUBSETS = 64;

/**
 * Building a subset font program is a third of a document's rendering time. It is a pure function
 * of the glyphs included, in their order of inclusion (which fixes the new glyph ids): rendering the
 * same act again (a re-download, a preview, the archive copy) reuses the bytes. Bounded, oldest first out.
 */
export function memoSubset(font: LoadedFont, glyphs: readonly number[], encode: () => Uint8Array): Uint8Array {
  const key = glyphs.join(',');
  let bytes = font.subsets.get(key);
  if (!bytes) {
    bytes = encode();
    if (font.subsets.size >= MAX_CACHED_SUBSETS) font.subsets.delete(font.subsets.keys().next().value!);
    font.subsets.set(key, bytes);
  }
  return bytes;
}

let documentsSinceTrim = 0;

/** Keeps pdfkit's shared shaping caches bounded too; checked every few hundred documents. */
export function trimLayoutCaches(): void {
  if (++documentsSinceTrim < 256) return;
  documentsSinceTrim = 0;
  for (const font of loaded.values()) {
    if (Object.keys(font.layoutCache).length > MAX_CACHED_STRINGS) font.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}

export function styleOf(bold: boolean, italic: boolean): FontStyle {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

// What the procès-verbal adds to the session's record (L2121-15): the debates per item, and its own
// lifecycle (draft, adopted at a later session, published). Pure: record in, Markdown-ready strings out.
import { formatDateLong } from './french-format';
import type { MinutesRecord } from './types';
import type { BodyVm } from './view-model.types';

export const BLANK_MINUTES_RECORD: MinutesRecord = { status: 'draft', adoptedAtSessionId: null, adoptedOn: null, publishedOn: null, debates: {} };

/**
 * Blocks that a blank line does not end: a code fence, or raw HTML of the kinds <pre>, <script>, <style>,
 * <textarea>, <?...?>, <!...> (CommonMark HTML blocks 1 to 5). Left open, they would swallow the rest of the
 * procès-verbal; escaped, they print as typed.
 */
const UNBOUNDED_BLOCK = /^( {0,3})(`{3,}|~{3,}|<(?:pre|script|style|textarea)(?=[\s>]|$)|<[?!])/i;

/**
 * The secretary's Markdown, fitted into the document: layout hints (HTML comments) belong to the templates
 * and headings would compete with the deliberations' own, so they become bold lines; blocks that would run
 * past the debates are escaped. Null when empty.
 */
export function debatesMarkdown(text: string | undefined): string | null {
  if (!text) return null;
  const fitted = text
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .split('\n')
    .map((line) => line.replace(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/, (_m, title: string) => (title ? `**${title}**` : '')))
    .map((line) => line.replace(UNBOUNDED_BLOCK, '$1\\$2'))
    .join('\n')
    .trim();
  return fitted === '' ? null : fitted;
}

export interface MinutesStatusVm {
  draft: boolean;
  documentTitle: string;
  draftNotice: string | null;
  adoptionSentence: string | null;
  publicationSentence: string | null;
}

/** Until adopted the document says it is a draft; once adopted it states where and, when known, its publication. */
export function minutesStatus(minutes: MinutesRecord, body: BodyVm, minutesArticle = 'L2121-15'): MinutesStatusVm {
  const adopted = minutes.status === 'adopted' && minutes.adoptedOn !== null;
  return {
    draft: !adopted,
    documentTitle: adopted ? 'PROCÈS-VERBAL DE LA SÉANCE' : 'PROJET DE PROCÈS-VERBAL DE LA SÉANCE',
    draftNotice: adopted ? null : `Projet soumis à l'approbation ${of(body.deliberating)} lors de sa prochaine séance (article ${minutesArticle} du CGCT).`,
    adoptionSentence: adopted ? `Procès-verbal adopté lors de la séance du ${formatDateLong(minutes.adoptedOn!)}.` : null,
    publicationSentence: adopted && minutes.publishedOn ? `Publié le ${formatDateLong(minutes.publishedOn)}.` : null,
  };
}

/** "de le conseil" → "du conseil", "de la commission", "de l'assemblée". */
function of(deliberating: string): string {
  return deliberating.startsWith('le ') ? `du ${deliberating.slice(3)}` : `de ${deliberating}`;
}

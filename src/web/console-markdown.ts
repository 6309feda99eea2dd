// The secretary's Markdown (the debates of the procès-verbal) as HTML for the console. Pure, no Nest.
// Safety rests on markdown-it itself: `html: false` prints any raw HTML as text (escaped), and its link
// validation drops javascript:, vbscript:, file: and data: targets. The view inserts the result unescaped.
import MarkdownIt from 'markdown-it';
import { debatesMarkdown } from '../documents/minutes-parts';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
// No remote images in a register page: a text cannot make the reader's browser fetch another site.
// An image becomes a link to it, named by its description (or its address).
markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
  return `<a href="${markdown.utils.escapeHtml(src)}">${markdown.utils.escapeHtml(alt)}</a>`;
};

/**
 * HTML of the debates of an item, or null when nothing is written. The text is fitted as the procès-verbal
 * fits it (layout comments dropped, headings made bold lines), so the page and the PDF say the same.
 */
export function debatesHtml(text: string | null | undefined): string | null {
  const fitted = debatesMarkdown(text ?? undefined);
  return fitted === null ? null : markdown.render(fitted).trim();
}

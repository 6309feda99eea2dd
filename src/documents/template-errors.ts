// Handlebars' and JavaScript's own error texts never reach a client: each failure of a template is
// told in a stable sentence of ours, with the template and the line at fault.
import { DomainError } from '../domain/errors';
import { lineOfPartial, TemplateRuleError } from './template-check';

interface Classified {
  /** Loops nested too deep cost too much whatever the data: refused like a runaway render. */
  tooExpensive?: boolean;
  reason: string;
  field: string | null;
  line: number | null;
}

type Raw = Error & { lineNumber?: number; column?: number; templateName?: string };

function classify(e: Raw, source: string): Classified {
  const message = String(e.message ?? '');
  const line = typeof e.lineNumber === 'number' ? e.lineNumber : null;
  if (e instanceof TemplateRuleError) return { reason: e.reason, field: null, line, tooExpensive: e.rule === 'loops_too_deep' };
  const field = /^"([^"]+)" not defined/.exec(message)?.[1];
  if (field !== undefined) return { reason: `unknown field "${field}"`, field, line };
  const syntax = /^(?:Parse|Lexical) error on line (\d+)/.exec(message);
  if (syntax) return { reason: 'syntax error (a {{...}} not closed, or a block not ended)', field: null, line: line ?? Number(syntax[1]) };
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) return { reason: `{{#${mismatch[1]}}} is closed by {{/${mismatch[2]}}}`, field: null, line };
  const helper = /unknown helper (\S+)/.exec(message)?.[1] ?? /^Missing helper: "?([^"\s]+)"?/.exec(message)?.[1];
  if (helper) return { reason: `unknown helper "${helper}"`, field: null, line };
  const partial = /^The partial (\S+) could not be found/.exec(message)?.[1];
  if (partial) return { reason: `unknown partial "${partial}"`, field: null, line: line ?? lineOfPartial(source, partial) };
  if (e instanceof RangeError) return { reason: 'the template calls itself or nests too deeply', field: null, line };
  return { reason: 'the template cannot be rendered with this data', field: null, line };
}

/**
 * TEMPLATE_INVALID (or TEMPLATE_TOO_EXPENSIVE for loops nested too deep) for any failure of a template: `name` is the template being rendered or checked,
 * `sourceOf` gives the source of a template by name (to find the line of a missing partial).
 */
export function templateError(error: unknown, name: string, sourceOf: (template: string) => string): DomainError {
  if (error instanceof DomainError) return error;
  const e = (error instanceof Error ? error : new Error(String(error))) as Raw;
  const template = e.templateName ?? name;
  const { reason, field, line, tooExpensive } = classify(e, sourceOf(template));
  return new DomainError(tooExpensive ? 'TEMPLATE_TOO_EXPENSIVE' : 'TEMPLATE_INVALID', `Template ${template}${line !== null ? `, line ${line}` : ''}: ${reason}`, {
    line,
    column: typeof e.column === 'number' ? e.column : null,
    template,
    field,
  });
}

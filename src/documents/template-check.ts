// Static check of a template's fields against a sample view model. Strict mode only fails on the
// branches a sample happens to render, and never on {{#if typo}}: this walk covers every branch.

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type PathExpression = hbs.AST.PathExpression;

const UNKNOWN = Symbol('unknown');
type Ctx = unknown;

export class TemplateFieldError extends Error {
  constructor(
    readonly field: string,
    readonly lineNumber: number,
    readonly column: number,
    readonly templateName: string | undefined,
  ) {
    super(`"${field}" not defined - ${lineNumber}:${column}`);
  }
}

/** Line of the first `{{> name}}` in a source (1-based), for "partial not found" errors. */
export function lineOfPartial(source: string, partial: string): number | null {
  const escaped = partial.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const index = source.split('\n').findIndex((line) => new RegExp(`{{~?#?>\\s*${escaped}\\b`).test(line));
  return index === -1 ? null : index + 1;
}

function firstElement(value: Ctx): Ctx {
  if (Array.isArray(value)) return value.length > 0 ? value[0] : UNKNOWN;
  if (value && typeof value === 'object') {
    const values = Object.values(value);
    return values.length > 0 ? values[0] : UNKNOWN;
  }
  return UNKNOWN;
}

/**
 * Walks the AST; throws TemplateFieldError at the first path the sample does not have.
 * `partialAst` gives the AST of a partial by name (null when unknown: Handlebars reports it at render).
 */
export function checkTemplatePaths(ast: Program, sample: object, partialAst: (name: string) => Program | null): void {
  const walk = (node: Node | undefined | null, stack: Ctx[], template: string | undefined, depth: number): void => {
    if (!node) return;
    const resolve = (path: Node): Ctx => {
      if (path.type !== 'PathExpression') {
        if (path.type === 'SubExpression') visitCall(path as hbs.AST.SubExpression);
        return UNKNOWN;
      }
      const p = path as PathExpression;
      if (p.data) return UNKNOWN; // @index, @root...: not checked
      let ctx: Ctx = stack[stack.length - 1 - p.depth];
      if (ctx === undefined) ctx = UNKNOWN;
      for (const part of p.parts) {
        if (ctx === UNKNOWN || ctx === null || typeof ctx !== 'object') return UNKNOWN;
        if (!(part in (ctx as object))) {
          throw new TemplateFieldError(part, p.loc.start.line, p.loc.start.column, template);
        }
        ctx = (ctx as Record<string, unknown>)[part];
      }
      return ctx;
    };
    const visitCall = (call: { path: Node; params: Node[]; hash?: hbs.AST.Hash }): void => {
      for (const param of call.params) resolve(param);
      for (const pair of call.hash?.pairs ?? []) resolve(pair.value);
    };
    switch (node.type) {
      case 'Program':
        for (const statement of (node as Program).body) walk(statement, stack, template, depth);
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0) visitCall(m);
        else resolve(m.path);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const helper = b.path.type === 'PathExpression' ? (b.path as PathExpression).original : '';
        let inner: Ctx = stack[stack.length - 1];
        if (helper === 'each' || helper === 'with') {
          const value = b.params[0] ? resolve(b.params[0]) : UNKNOWN;
          inner = helper === 'each' ? firstElement(value) : value ?? UNKNOWN;
        } else if (b.params.length > 0 || (b.hash?.pairs.length ?? 0) > 0) {
          visitCall(b);
        } else {
          // {{#field}}: a section, iterating or narrowing like each/with
          const value = resolve(b.path);
          inner = Array.isArray(value) ? firstElement(value) : value && typeof value === 'object' ? value : stack[stack.length - 1];
        }
        const pushes = helper === 'each' || helper === 'with' || b.params.length === 0;
        walk(b.program, pushes ? [...stack, inner] : stack, template, depth);
        walk(b.inverse, stack, template, depth);
        return;
      }
      case 'PartialStatement': {
        const p = node as hbs.AST.PartialStatement;
        const name = p.name.type === 'PathExpression' ? (p.name as PathExpression).original : null;
        const context = p.params[0] ? resolve(p.params[0]) : stack[stack.length - 1];
        const partial = name && depth < 8 ? partialAst(name) : null;
        if (partial) walk(partial, [context], `partials/${name}`, depth + 1);
        return;
      }
      default:
        return;
    }
  };
  walk(ast, [sample], undefined, 0);
}

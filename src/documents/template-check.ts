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

/** A rule of the static check broken at a line: a forbidden lookup, loops or partials nested too deep. */
export class TemplateRuleError extends Error {
  constructor(
    readonly rule: 'forbidden_lookup' | 'loops_too_deep' | 'partials_too_deep' | 'unsupported_syntax',
    readonly reason: string,
    readonly lineNumber: number,
    readonly column: number,
    readonly templateName: string | undefined,
  ) {
    super(reason);
  }
}

/**
 * Lookups that reach an object's prototype or constructor: Handlebars denies them at run time, but a
 * template using them is refused when it is saved, with its line, like any unknown field.
 */
const FORBIDDEN_LOOKUPS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Loops inside loops multiply: five {{#each}} over 44 names are 165 million iterations. The shipped
 * templates nest three (items, election rounds, candidates); a fourth level is refused when saved.
 */
export const MAX_LOOP_DEPTH = 3;
/** Partials including partials: deeper than this is a partial including itself. */
export const MAX_PARTIAL_DEPTH = 8;

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
  const walk = (node: Node | undefined | null, stack: Ctx[], template: string | undefined, depth: number, loops = 0): void => {
    if (!node) return;
    const resolve = (path: Node): Ctx => {
      if (path.type !== 'PathExpression') {
        if (path.type === 'SubExpression') visitCall(path as hbs.AST.SubExpression);
        return UNKNOWN;
      }
      const p = path as PathExpression;
      const forbidden = p.parts.find((part) => FORBIDDEN_LOOKUPS.has(part));
      if (forbidden) throw forbiddenLookup(forbidden, p, template);
      if (p.data) return UNKNOWN; // @index, @root...: not checked
      let ctx: Ctx = stack[stack.length - 1 - p.depth];
      if (ctx === undefined) ctx = UNKNOWN;
      for (const part of p.parts) {
        if (ctx === UNKNOWN || ctx === null || typeof ctx !== 'object') return UNKNOWN;
        // Own fields only: "toString" or "hasOwnProperty" are inherited, not fields of the document.
        if (!Object.hasOwn(ctx as object, part)) {
          throw new TemplateFieldError(part, p.loc.start.line, p.loc.start.column, template);
        }
        ctx = (ctx as Record<string, unknown>)[part];
      }
      return ctx;
    };
    const visitCall = (call: { path: Node; params: Node[]; hash?: hbs.AST.Hash }): void => {
      for (const param of call.params) {
        // {{lookup this "constructor"}}: the key is a string, not a path.
        if (param.type === 'StringLiteral' && FORBIDDEN_LOOKUPS.has((param as hbs.AST.StringLiteral).value)) {
          throw forbiddenLookup((param as hbs.AST.StringLiteral).value, param, template);
        }
        resolve(param);
      }
      for (const pair of call.hash?.pairs ?? []) resolve(pair.value);
    };
    switch (node.type) {
      case 'Program':
        for (const statement of (node as Program).body) walk(statement, stack, template, depth, loops);
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
        // {{#each}} loops, and so may a section {{#field}} over a list.
        const loop = helper === 'each' || (helper !== 'with' && b.params.length === 0 && (b.hash?.pairs.length ?? 0) === 0);
        if (loop && loops + 1 > MAX_LOOP_DEPTH) {
          throw new TemplateRuleError('loops_too_deep', `loops nested deeper than ${MAX_LOOP_DEPTH} levels`, b.loc.start.line, b.loc.start.column, template);
        }
        walk(b.program, pushes ? [...stack, inner] : stack, template, depth, loop ? loops + 1 : loops);
        walk(b.inverse, stack, template, depth, loops);
        return;
      }
      case 'PartialStatement': {
        const p = node as hbs.AST.PartialStatement;
        const name = p.name.type === 'PathExpression' ? (p.name as PathExpression).original : null;
        const context = p.params[0] ? resolve(p.params[0]) : stack[stack.length - 1];
        if (name && depth >= MAX_PARTIAL_DEPTH) {
          throw new TemplateRuleError('partials_too_deep', `partials nested deeper than ${MAX_PARTIAL_DEPTH} levels (does "${name}" include itself?)`, p.loc.start.line, p.loc.start.column, template);
        }
        const partial = name ? partialAst(name) : null;
        if (partial) walk(partial, [context], `partials/${name}`, depth + 1, loops);
        return;
      }
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        // Their content escapes this check (and inline partials may recurse): the templates need neither.
        throw new TemplateRuleError('unsupported_syntax', 'partial blocks ({{#> ...}}) and inline partials ({{#*inline}}) are not supported', node.loc.start.line, node.loc.start.column, template);
      default:
        return;
    }
  };
  walk(ast, [sample], undefined, 0);
}

function forbiddenLookup(name: string, node: Node, template: string | undefined): TemplateRuleError {
  return new TemplateRuleError('forbidden_lookup', `"${name}" may not be looked up`, node.loc.start.line, node.loc.start.column, template);
}

/** Every partial a template includes, directly or through other partials. */
export function partialsUsed(ast: Program, partialAst: (name: string) => Program | null): Set<string> {
  const found = new Set<string>();
  const visit = (node: Node | undefined | null): void => {
    if (!node) return;
    if (node.type === 'Program') (node as Program).body.forEach(visit);
    else if (node.type === 'BlockStatement') {
      visit((node as hbs.AST.BlockStatement).program);
      visit((node as hbs.AST.BlockStatement).inverse);
    } else if (node.type === 'PartialStatement') {
      const p = node as hbs.AST.PartialStatement;
      const name = p.name.type === 'PathExpression' ? (p.name as PathExpression).original : null;
      if (name && !found.has(name)) {
        found.add(name);
        visit(partialAst(name));
      }
    }
  };
  visit(ast);
  return found;
}

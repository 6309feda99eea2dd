// The one place where Handlebars is set up: helpers, partials, strict compilation, overrides.
// Templates produce a small Markdown subset; the PDF renderer lays it out.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { DomainError } from '../domain/errors';
import { numberToFrenchWords } from './french-format';
import { checkTemplatePaths, lineOfPartial } from './template-check';
import type { TemplateOverrides } from './types';

export const DOCUMENT_TEMPLATES = ['extract', 'minutes', 'deliberations-list'] as const;
export const PARTIALS = ['header', 'counts', 'attendance', 'vote-result', 'signatures', 'executoire'] as const;
export type DocumentTemplateName = (typeof DOCUMENT_TEMPLATES)[number];

/** Every name an override may use: "extract", ..., "partials/header", ... */
export const TEMPLATE_NAMES: readonly string[] = [...DOCUMENT_TEMPLATES, ...PARTIALS.map((p) => `partials/${p}`)];

export interface TemplateEngineConfig {
  /** Folder holding extract.hbs, minutes.hbs, deliberations-list.hbs and partials/*.hbs. */
  templateDir: string;
}

const HELPERS = {
  /** {{join names " ; "}} */
  join: (list: unknown, separator: unknown): string =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
  /** A count, or a dash when not applicable (null). */
  num: (value: unknown): string => (value === null || value === undefined ? '—' : String(value)),
  upper: (value: unknown): string => String(value ?? '').toLocaleUpperCase('fr-FR'),
  eq: (a: unknown, b: unknown): boolean => a === b,
  /** {{words 44}} → "quarante-quatre". */
  words: (value: unknown): string => (typeof value === 'number' ? numberToFrenchWords(value) : String(value ?? '')),
};

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
  noEscape: true, // the output is Markdown, escaped by the view models, not HTML
  preventIndent: true,
};

type Compiled = (context: unknown, options?: RuntimeOptions) => string;
type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type RuntimeOptions = Handlebars.RuntimeOptions;

export interface RenderedMarkdown {
  markdown: string;
  templateVersion: string;
}

/** Marks errors with the template they come from, so that the line number means something. */
function named(name: string, template: Compiled): Compiled {
  return (context, options) => {
    try {
      return template(context, options);
    } catch (error) {
      if (error instanceof Error && !(error as { templateName?: string }).templateName) {
        (error as { templateName?: string }).templateName = name;
      }
      throw error;
    }
  };
}

export class TemplateEngine {
  private readonly hb = Handlebars.create();
  private readonly defaults = new Map<string, { source: string; compiled: Compiled }>();
  private readonly overrideCache = new Map<string, Compiled>();
  readonly defaultVersion: string;

  constructor(private readonly config: TemplateEngineConfig) {
    for (const [name, helper] of Object.entries(HELPERS)) this.hb.registerHelper(name, helper);
    const hash = createHash('sha256');
    for (const name of TEMPLATE_NAMES) {
      const source = readFileSync(join(config.templateDir, `${name}.hbs`), 'utf8');
      hash.update(`${name}\0${source}\0`);
      const compiled = named(name, this.hb.compile(source, COMPILE_OPTIONS) as Compiled);
      this.defaults.set(name, { source, compiled });
      if (name.startsWith('partials/')) this.hb.registerPartial(name.slice('partials/'.length), compiled);
    }
    this.defaultVersion = `default@${hash.digest('hex').slice(0, 12)}`;
  }

  /** The shipped source of a template, e.g. to start an override from. */
  defaultSource(name: string): string {
    const found = this.defaults.get(name);
    if (!found) throw new DomainError('NOT_FOUND', `No template named ${name}`, { template: name });
    return found.source;
  }

  /** Files present in the folder that no name covers (a typo in a partial's file name, say). */
  unknownFiles(): string[] {
    const files = [
      ...readdirSync(this.config.templateDir).filter((f) => f.endsWith('.hbs')),
      ...readdirSync(join(this.config.templateDir, 'partials')).map((f) => `partials/${f}`),
    ];
    return files.filter((f) => !TEMPLATE_NAMES.includes(f.replace(/\.hbs$/, '')));
  }

  /** Renders a document template with the collectivity's overrides of it and of any partial. */
  render(name: DocumentTemplateName, viewModel: object, overrides: TemplateOverrides = {}): RenderedMarkdown {
    const used: string[] = [];
    const partials: Record<string, Compiled> = {};
    for (const [key, override] of Object.entries(overrides)) {
      if (!key.startsWith('partials/')) continue;
      partials[key.slice('partials/'.length)] = this.compileOverride(key, override.source, override.version);
      used.push(`${key}@${override.version}`);
    }
    const own = overrides[name];
    const template = own ? this.compileOverride(name, own.source, own.version) : this.mustGet(name).compiled;
    if (own) used.push(`${name}@${own.version}`);
    try {
      const markdown = template(viewModel, { partials });
      return { markdown, templateVersion: [this.defaultVersion, ...used.sort()].join(';') };
    } catch (error) {
      throw this.toDomainError(error, name, own?.source ?? this.mustGet(name).source, overrides);
    }
  }

  /**
   * Checks an override before it is saved: it must compile, use only known fields and helpers,
   * and render against a sample view model. Throws TEMPLATE_INVALID with the line at fault.
   */
  validateTemplate(name: string, source: string, sampleViewModel: object): void {
    if (!TEMPLATE_NAMES.includes(name)) {
      throw new DomainError('TEMPLATE_INVALID', `Unknown template name ${name}; expected one of ${TEMPLATE_NAMES.join(', ')}`, { line: null, template: name });
    }
    const overrides: TemplateOverrides = { [name]: { source, version: 'draft' } };
    try {
      const ast = this.hb.parse(source);
      const partialSources = (partial: string): string | null => this.defaults.get(`partials/${partial}`)?.source ?? null;
      checkTemplatePaths(ast, sampleViewModel, (partial) => {
        const src = partial === name.replace(/^partials\//, '') && name.startsWith('partials/') ? source : partialSources(partial);
        return src === null ? null : this.hb.parse(src);
      });
      const compiled = this.hb.compile(source, COMPILE_OPTIONS) as Compiled;
      compiled(sampleViewModel, {});
    } catch (error) {
      throw this.toDomainError(error, name, source, overrides);
    } finally {
      this.overrideCache.delete(this.cacheKey(name, source, 'draft'));
    }
  }

  private mustGet(name: string): { source: string; compiled: Compiled } {
    const found = this.defaults.get(name);
    if (!found) throw new DomainError('NOT_FOUND', `No template named ${name}`, { template: name });
    return found;
  }

  private cacheKey(name: string, source: string, version: string): string {
    return `${name}\0${version}\0${createHash('sha1').update(source).digest('hex')}`;
  }

  private compileOverride(name: string, source: string, version: string): Compiled {
    const key = this.cacheKey(name, source, version);
    let compiled = this.overrideCache.get(key);
    if (!compiled) {
      compiled = named(name, this.hb.compile(source, COMPILE_OPTIONS) as Compiled);
      if (this.overrideCache.size >= 500) this.overrideCache.delete(this.overrideCache.keys().next().value as string);
      this.overrideCache.set(key, compiled);
    }
    return compiled;
  }

  private toDomainError(error: unknown, name: string, source: string, overrides: TemplateOverrides): DomainError {
    if (error instanceof DomainError) return error;
    const e = error as Error & { lineNumber?: number; column?: number; templateName?: string };
    const template = e.templateName ?? name;
    const message = String(e.message ?? error);
    let line: number | null = typeof e.lineNumber === 'number' ? e.lineNumber : null;
    const parse = /Parse error on line (\d+)/.exec(message);
    if (line === null && parse) line = Number(parse[1]);
    const missingPartial = /The partial (\S+) could not be found/.exec(message);
    if (line === null && missingPartial) line = lineOfPartial(overrides[template]?.source ?? source, missingPartial[1]);
    const field = /"([^"]+)" not defined/.exec(message)?.[1] ?? null;
    const reason = field ? `unknown field "${field}"` : message.split('\n')[0].replace(/ - \d+:\d+$/, '');
    return new DomainError('TEMPLATE_INVALID', `Template ${template}${line !== null ? `, line ${line}` : ''}: ${reason}`, {
      line,
      column: typeof e.column === 'number' ? e.column : null,
      template,
      field,
    });
  }
}

// The one place where Handlebars is set up: helpers, partials, strict compilation, overrides.
// Templates produce a small Markdown subset; the PDF renderer lays it out.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { DomainError } from '../domain/errors';
import { numberToFrenchWords } from './french-format';
import { checkTemplatePaths, lineOfPartial, partialsUsed } from './template-check';
import { templateError } from './template-errors';
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

  /**
   * Checks an override before it is saved, as the documents will use it: a document with the
   * collectivity's current partials; a partial inside EVERY document that includes it (a partial
   * fine in the extract may break the procès-verbal). Returns the documents checked, which the
   * caller renders on the demo act. TEMPLATE_INVALID names the template, its line and the document.
   */
  validateOverride(name: string, source: string, samples: Record<DocumentTemplateName, object>, current: TemplateOverrides = {}): DocumentTemplateName[] {
    if (!TEMPLATE_NAMES.includes(name)) this.validateTemplate(name, source, {});
    const overrides: TemplateOverrides = { ...current, [name]: { source, version: 'draft' } };
    try {
      this.hb.parse(source);
    } catch (error) {
      throw this.toDomainError(error, name, source, overrides);
    }
    const documents = DOCUMENT_TEMPLATES.filter((doc) => doc === name || this.partialsOf(doc, overrides).has(name.replace(/^partials\//, '')));
    try {
      for (const doc of documents) this.checkDocument(doc, samples[doc], overrides, name);
      if (documents.length === 0) this.hb.precompile(source, COMPILE_OPTIONS); // a partial no document includes yet
    } finally {
      for (const [key, value] of Object.entries(overrides)) this.overrideCache.delete(this.cacheKey(key, value.source, value.version));
    }
    return documents;
  }

  /** The partials a document includes with these overrides, directly or through other partials. */
  partialsOf(doc: DocumentTemplateName, overrides: TemplateOverrides = {}): Set<string> {
    const ast = (template: string): hbs.AST.Program | null => {
      const src = overrides[template]?.source ?? this.defaults.get(template)?.source;
      try {
        return src === undefined ? null : this.hb.parse(src);
      } catch {
        return null; // a broken partial is reported by the check itself
      }
    };
    return partialsUsed(ast(doc) ?? this.hb.parse(''), (partial) => ast(`partials/${partial}`));
  }

  private checkDocument(doc: DocumentTemplateName, sample: object, overrides: TemplateOverrides, changed: string): void {
    const sourceOf = (template: string): string => overrides[template]?.source ?? this.mustGet(template).source;
    try {
      const parse = (template: string): hbs.AST.Program => {
        try {
          return this.hb.parse(sourceOf(template));
        } catch (error) {
          throw Object.assign(error as Error, { templateName: template });
        }
      };
      checkTemplatePaths(parse(doc), sample, (partial) => (TEMPLATE_NAMES.includes(`partials/${partial}`) ? parse(`partials/${partial}`) : null));
      this.render(doc, sample, overrides);
    } catch (error) {
      const invalid = this.toDomainError(error, doc, sourceOf(doc), overrides);
      if (doc === changed) throw invalid;
      // L2121-15 and the extract share partials: say which document the change breaks, and where it includes it.
      const includedAt = lineOfPartial(sourceOf(doc), changed.replace(/^partials\//, ''));
      throw new DomainError('TEMPLATE_INVALID', `${invalid.message} (in the document ${doc}${includedAt !== null ? `, included at line ${includedAt}` : ''})`, {
        ...invalid.details, document: doc, documentLine: includedAt,
      });
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
    return templateError(error, name, (template) => (template === name ? source : overrides[template]?.source ?? this.defaults.get(template)?.source ?? ''));
  }

}

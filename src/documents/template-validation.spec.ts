import { demoSessionRecord } from '../../test/fixtures/demo-session-record';
import { ccplRecord } from '../../test/fixtures/ccpl-record';
import { DomainError } from '../domain/errors';
import { defaultTemplateDir } from './render';
import { TemplateEngine } from './template-engine';
import type { TemplateOverrides } from './types';
import { deliberationsListViewModel, extractViewModel, minutesViewModel } from './view-models';

const engine = new TemplateEngine({ templateDir: defaultTemplateDir() });
const samples = {
  extract: extractViewModel(ccplRecord()),
  minutes: minutesViewModel(demoSessionRecord()),
  'deliberations-list': deliberationsListViewModel(demoSessionRecord()),
};

function refusal(name: string, source: string, current: TemplateOverrides = {}): DomainError {
  try {
    engine.validateOverride(name, source, samples, current);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('template was accepted');
}

describe('TemplateEngine.validateOverride: an override checked as the documents will use it', () => {
  it('checks a partial inside every document that includes it, and names the document and the line it breaks', () => {
    // {{closingFormula}} exists in the extract's view model only: every procès-verbal would fail.
    const source = `${engine.defaultSource('partials/signatures')}\n{{closingFormula}}\n`;
    const line = source.split('\n').length - 1;
    const error = refusal('partials/signatures', source);
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.details).toMatchObject({ template: 'partials/signatures', line, field: 'closingFormula', document: 'minutes' });
    expect(error.details.documentLine).toEqual(expect.any(Number));
    expect(error.message).toMatch(/partials\/signatures, line \d+: unknown field "closingFormula" \(in the document minutes, included at line \d+\)/);
  });

  it('accepts the shipped sources, and tells which documents a partial changes', () => {
    expect(engine.validateOverride('partials/signatures', engine.defaultSource('partials/signatures'), samples)).toEqual(['extract', 'minutes', 'deliberations-list']);
    expect(engine.validateOverride('partials/counts', engine.defaultSource('partials/counts'), samples)).toEqual(['extract']);
    expect(engine.validateOverride('minutes', engine.defaultSource('minutes'), samples)).toEqual(['minutes']);
  });

  it("checks a document with the collectivity's current partials", () => {
    const current = { 'partials/counts': { source: '{{counts.voters}}', version: '2' } };
    expect(engine.validateOverride('extract', '{{> counts}}', samples, current)).toEqual(['extract']);
    expect(refusal('minutes', 'a\n{{> counts}}', { 'partials/counts': { source: '{{item.number}}', version: '2' } }).details).toMatchObject({ template: 'partials/counts', field: 'item' });
  });

  it('follows partials included by other partials', () => {
    // Only the extract includes counts, and has an item; through this header the procès-verbal includes it too.
    const current = { 'partials/header': { source: `${engine.defaultSource('partials/header')}\n{{> counts}}`, version: '1' } };
    expect(engine.validateOverride('partials/counts', '{{item.number}}', samples)).toEqual(['extract']);
    expect(refusal('partials/counts', '{{item.number}}', current).details).toMatchObject({ template: 'partials/counts', document: 'minutes', field: 'item', documentLine: null });
  });

  it.each(['__proto__', '__defineGetter__', '__lookupSetter__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'])('refuses a lookup of %s like an unknown field', (name) => {
    for (const source of [`a\n{{item.${name}}}`, `a\n{{#with item}}{{${name}}}{{/with}}`, `a\n{{lookup item "${name}"}}`]) {
      const error = refusal('extract', source);
      expect(error.code).toBe('TEMPLATE_INVALID');
      expect(error.details).toMatchObject({ line: 2, template: 'extract' });
    }
  });

  it('refuses loops nested four deep as too expensive, with the line of the fourth', () => {
    const error = refusal('extract', `{{#each signatures}}\n{{#each @root.signatures}}\n{{#each @root.signatures}}\n{{#each @root.signatures}}{{role}}{{/each}}{{/each}}{{/each}}{{/each}}`);
    expect(error.code).toBe('TEMPLATE_TOO_EXPENSIVE');
    expect(error.details).toMatchObject({ line: 4 });
  });

  it('refuses a partial that includes itself, partial blocks and inline partials', () => {
    expect(refusal('partials/header', '{{> header}}').details).toMatchObject({ template: 'partials/header' });
    expect(refusal('extract', 'a\n{{#> header}}x{{/header}}').details).toMatchObject({ line: 2 });
    expect(refusal('extract', '{{#*inline "x"}}y{{/inline}}{{> x}}').code).toBe('TEMPLATE_INVALID');
  });

  it.each([
    ['a syntax error', 'a\n{{#if item.number}}\nc\n', /syntax error/],
    ['a mismatched block', 'a\n{{#if item.number}}\n{{/each}}', /\{\{#if\}\} is closed by \{\{\/each\}\}/],
    ['an unknown helper', '{{frobnicate item.number}}', /unknown helper "frobnicate"/],
    ['a missing partial', '{{> nope}}', /unknown partial "nope"/],
  ])("words %s in its own terms, never Handlebars' or JavaScript's", (_, source, reason) => {
    const { message } = refusal('extract', source);
    expect(message).toMatch(reason);
    expect(message).not.toMatch(/Expecting|knownHelpersOnly|not defined in|\[object|could not be found|doesn't match|Error:|TypeError|undefined/);
  });
});

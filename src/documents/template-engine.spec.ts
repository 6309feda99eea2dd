import { ccplRecord } from '../../test/fixtures/ccpl-record';
import { demoSessionRecord } from '../../test/fixtures/demo-session-record';
import { DomainError } from '../domain/errors';
import { defaultTemplateDir } from './render';
import { TEMPLATE_NAMES, TemplateEngine } from './template-engine';
import { extractViewModel, minutesViewModel } from './view-models';

const engine = new TemplateEngine({ templateDir: defaultTemplateDir() });
const sample = extractViewModel(ccplRecord());

function refusal(name: string, source: string, viewModel: object = sample): DomainError {
  try {
    engine.validateTemplate(name, source, viewModel);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('template was accepted');
}

describe('TemplateEngine', () => {
  it('ships every template and partial, and nothing else', () => {
    for (const name of TEMPLATE_NAMES) expect(engine.defaultSource(name).length).toBeGreaterThan(0);
    expect(engine.unknownFiles()).toEqual([]);
  });

  it('accepts the shipped templates against their view models', () => {
    expect(() => engine.validateTemplate('extract', engine.defaultSource('extract'), sample)).not.toThrow();
    const minutes = minutesViewModel(demoSessionRecord());
    expect(() => engine.validateTemplate('minutes', engine.defaultSource('minutes'), minutes)).not.toThrow();
    for (const item of demoSessionRecord().items) {
      const vm = extractViewModel(item);
      expect(() => engine.validateTemplate('extract', engine.defaultSource('extract'), vm)).not.toThrow();
    }
  });

  it.each([
    ['an unknown field', 'extract', 'Ligne un\n{{item.number}}\n\n{{item.nope}}\n', 4, 'nope'],
    ['an unknown top-level field', 'extract', '{{header.documentTitle}}\n{{numero}}', 2, 'numero'],
    ['an unknown field in a branch the sample does not render', 'extract', 'a\n{{#unless result.adopted}}\n{{result.nothing}}\n{{/unless}}', 3, 'nothing'],
    ['a misspelt condition (strict mode alone lets it pass)', 'extract', 'a\nb\n{{#if executoir}}x{{/if}}', 3, 'executoir'],
    ['an unknown field inside each', 'extract', 'a\n{{#each signatures}}\n{{role}} {{nom}}\n{{/each}}', 3, 'nom'],
    ['an unknown field in a partial', 'partials/header', '**{{header.collectivityName}}**\n{{header.logo}}', 2, 'logo'],
  ])('refuses %s with TEMPLATE_INVALID and its line', (_, name, source, line, field) => {
    const error = refusal(name, source);
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.details).toMatchObject({ line, template: name, field });
    expect(error.message).toContain(`line ${line}`);
    expect(error.message).toContain(field);
  });

  it.each([
    ['an unclosed mustache', 'a\nb\n{{ item.number }\nc', 3],
    ['a mismatched block', 'a\n{{#if result.adopted}}\nb\n{{/each}}', 2],
    ['an unknown helper', 'a\n\n{{frobnicate item.number}}', 3],
    ['a missing partial', 'a\n\n\n{{> pied-de-page}}', 4],
  ])('refuses %s with its line', (_, source, line) => {
    const error = refusal('extract', source);
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.details).toMatchObject({ line, template: 'extract' });
  });

  it('refuses an unknown template name', () => {
    expect(refusal('entete', '{{header.documentTitle}}').code).toBe('TEMPLATE_INVALID');
  });

  it('renders with a collectivity override of a template and a partial, and records their versions', () => {
    const rendered = engine.render('extract', sample, {
      extract: { source: '{{> header}}\n\nDélibération {{item.number}} : {{item.object}}\n', version: '7' },
      'partials/header': { source: '# {{upper header.collectivityName}}\n', version: '3' },
    });
    expect(rendered.markdown).toBe(
      '# COMMUNAUTÉ DE COMMUNES DU PAYS DE LUMBRES\n\nDélibération 19-09-107 : CREATION DU CAMPUS DES METIERS ET DES QUALIFICATIONS INDUSTRIE ET TRANSITION NUMERIQUE\n',
    );
    expect(rendered.templateVersion).toMatch(/^default@[0-9a-f]{12};extract@7;partials\/header@3$/);
    expect(engine.render('extract', sample).templateVersion).toBe(engine.defaultVersion);
  });

  it('fails a render with a broken override as TEMPLATE_INVALID naming the partial', () => {
    expect(() => engine.render('extract', sample, { 'partials/counts': { source: 'x\n{{counts.membres}}', version: '1' } })).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_INVALID', details: expect.objectContaining({ template: 'partials/counts', line: 2 }) }),
    );
  });

  it('registers its helpers once: join, num, words', () => {
    const rendered = engine.render('extract', sample, {
      extract: { source: '{{join attendance.absent.0.names " ; "}}|{{num counts.pour}}|{{num null}}|{{words counts.voters}}', version: 'h' },
    });
    expect(rendered.markdown).toBe('GARENAUX M.|44|—|quarante-quatre');
  });
});

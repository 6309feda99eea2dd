// The document pipeline, Nest-free: record → view model → Handlebars (Markdown) → PDF.
import { join } from 'node:path';
import { projectRoot } from '../config/project-root';
import type { DeliberationRecord } from '../domain/types';
import { formatDateLong, withoutSuperscriptTags } from './french-format';
import { markdownToHtml } from './markdown-blocks';
import { type PdfMetadata, renderMarkdownToPdf } from './pdf-renderer';
import { type DocumentTemplateName, type RenderedMarkdown, TemplateEngine } from './template-engine';
import type { RenderOptions, RenderedDocument, SessionRecord } from './types';
import { deliberationsListViewModel, extractViewModel, minutesViewModel } from './view-models';

export interface DocumentRenderOptions extends RenderOptions {
  /** The engine to use (the app builds one from its config); defaults to the shipped templates. */
  engine?: TemplateEngine;
}


/** templates/ beside package.json, whether running from src/ or from dist/src/. */
export function defaultTemplateDir(from: string = __dirname): string {
  return join(projectRoot(from), 'templates');
}

let shippedEngine: TemplateEngine | null = null;

export function defaultEngine(): TemplateEngine {
  shippedEngine ??= new TemplateEngine({ templateDir: defaultTemplateDir() });
  return shippedEngine;
}

const engineOf = (opts: DocumentRenderOptions): TemplateEngine => opts.engine ?? defaultEngine();

// The act's own date and time: the PDF's dates come from it, never from the clock.
const actDate = (session: DeliberationRecord['session']): Date => new Date(session.startsAt);

export function extractMarkdown(record: DeliberationRecord, opts: DocumentRenderOptions = {}): RenderedMarkdown {
  return engineOf(opts).render('extract', extractViewModel(record, opts), opts.overrides);
}

export function minutesMarkdown(sessionRecord: SessionRecord, opts: DocumentRenderOptions = {}): RenderedMarkdown {
  return engineOf(opts).render('minutes', minutesViewModel(sessionRecord, opts), opts.overrides);
}

export function deliberationsListMarkdown(sessionRecord: SessionRecord, opts: DocumentRenderOptions = {}): RenderedMarkdown {
  return engineOf(opts).render('deliberations-list', deliberationsListViewModel(sessionRecord, opts), opts.overrides);
}

function extractMetadata(record: DeliberationRecord): PdfMetadata {
  const number = record.item.number;
  return {
    title: `Extrait du registre des délibérations n°${number}`,
    subject: withoutSuperscriptTags(record.item.object),
    author: record.collectivity.name,
    keywords: ['délibération', number, record.body.name, record.session.localDate, record.item.acteId].filter(Boolean).join(', '),
    date: actDate(record.session),
    headLeft: `${record.collectivity.name} — ${record.body.name}`,
    headRight: `Délibération n°${number}`,
  };
}

function sessionMetadata(sessionRecord: SessionRecord, kind: string): PdfMetadata {
  const date = formatDateLong(sessionRecord.session.localDate);
  const numbers = sessionRecord.items.map((it) => it.item.number);
  return {
    title: `${kind} — séance du ${date}`,
    subject: `${sessionRecord.body.name}, séance du ${date}`,
    author: sessionRecord.collectivity.name,
    keywords: [kind.toLowerCase(), sessionRecord.body.name, sessionRecord.session.localDate, ...numbers].join(', '),
    date: actDate(sessionRecord.session),
    headLeft: `${sessionRecord.collectivity.name} — ${sessionRecord.body.name}`,
    headRight: `Séance du ${date}`,
  };
}

export async function renderExtract(record: DeliberationRecord, opts: DocumentRenderOptions = {}): Promise<RenderedDocument> {
  const { markdown, templateVersion } = extractMarkdown(record, opts);
  const text = opts.issuance ? `${markdown}\n\n${opts.issuance.signaturesMarkdown}\n` : markdown;
  return { pdf: await renderMarkdownToPdf(text, extractMetadata(record), { pdfa: opts.pdfa, hyphenate: opts.hyphenate, stamp: opts.issuance?.stamp }), templateVersion };
}

export async function renderMinutes(sessionRecord: SessionRecord, opts: DocumentRenderOptions = {}): Promise<RenderedDocument> {
  const { markdown, templateVersion } = minutesMarkdown(sessionRecord, opts);
  // L2121-15: until a later session adopts it, the document is a draft and says so in its metadata too.
  const kind = sessionRecord.minutes?.status === 'adopted' ? 'Procès-verbal' : 'Projet de procès-verbal';
  return { pdf: await renderMarkdownToPdf(markdown, sessionMetadata(sessionRecord, kind), { pdfa: opts.pdfa, hyphenate: opts.hyphenate }), templateVersion };
}

export async function renderDeliberationsList(sessionRecord: SessionRecord, opts: DocumentRenderOptions = {}): Promise<RenderedDocument> {
  const { markdown, templateVersion } = deliberationsListMarkdown(sessionRecord, opts);
  return { pdf: await renderMarkdownToPdf(markdown, sessionMetadata(sessionRecord, 'Liste des délibérations'), { pdfa: opts.pdfa, hyphenate: opts.hyphenate }), templateVersion };
}

const PRINT_CSS = `@page { size: A4; margin: 22mm 22mm 20mm 22mm; }
body { font-family: 'DejaVu Serif', serif; font-size: 10.5pt; line-height: 1.3; text-align: justify; }
h1 { font-size: 15pt; text-align: center; } h2 { font-size: 11.5pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; } td, th { border: 0.5pt solid #555; padding: 3pt; }`;

/** The same document as HTML with a print style sheet: previews, and printing by a browser. */
export function documentHtml(markdown: string, title: string): string {
  const escapedTitle = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapedTitle}</title><style>${PRINT_CSS}</style></head><body>${markdownToHtml(markdown)}</body></html>`;
}

export type { DocumentTemplateName };

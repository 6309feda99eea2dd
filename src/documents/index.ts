// The document pipeline's public surface, Nest-free: wire it to the database, API, ZIP and CLI.
export { renderExtract, renderMinutes, renderDeliberationsList, extractMarkdown, minutesMarkdown, deliberationsListMarkdown, documentHtml, defaultEngine, defaultTemplateDir } from './render';
export type { DocumentRenderOptions } from './render';
export { TemplateEngine, TEMPLATE_NAMES, DOCUMENT_TEMPLATES, PARTIALS } from './template-engine';
export type { TemplateEngineConfig, DocumentTemplateName, RenderedMarkdown } from './template-engine';
export { extractViewModel, minutesViewModel, deliberationsListViewModel } from './view-models';
export type { ExtractViewModel, MinutesViewModel, DeliberationsListViewModel, AnyViewModel } from './view-model.types';
export type { SessionRecord, MinutesRecord, TemplateOverride, TemplateOverrides, RenderOptions, RenderedDocument, ExtractOptions, DocumentKind } from './types';
export { renderMarkdownToPdf } from './pdf-renderer';
export type { PdfMetadata, PdfOptions } from './pdf-renderer';

// Runs in a worker thread of the render pool: the document pipeline, away from the event loop of the
// app, with a heap limit of its own. A runaway template costs this thread, which the pool kills.
import { workerData } from 'node:worker_threads';
import { DomainError } from '../domain/errors';
import { renderDeliberationsList, renderExtract, renderMinutes } from '../documents/render';
import { TemplateEngine } from '../documents/template-engine';
import type { RenderedDocument } from '../documents/types';
import { deliberationsListViewModel, extractViewModel, minutesViewModel } from '../documents/view-models';
import { demoRecord, demoSessionRecord } from '../extracts/demo-record';
import type { DocumentKind, RenderOutcome, RenderTask } from './render-task';

const engines = new Map<string, TemplateEngine>();

function engineFor(templateDir: string): TemplateEngine {
  let engine = engines.get(templateDir);
  if (!engine) {
    engine = new TemplateEngine({ templateDir });
    engines.set(templateDir, engine);
  }
  return engine;
}

/**
 * A new worker renders the demo extract once before its first task (fonts parsed, templates compiled,
 * code paths warm): a document's deadline measures the document, not the worker's start.
 */
const warm: Promise<unknown> = (async () => {
  const templateDir = (workerData as { templateDir?: string } | undefined)?.templateDir;
  if (templateDir) await renderExtract(demoRecord(), { engine: engineFor(templateDir) });
})().catch(() => undefined);

async function run(task: RenderTask): Promise<RenderOutcome> {
  const engine = engineFor(task.templateDir);
  if (task.op === 'check') {
    const session = demoSessionRecord();
    const samples = { extract: extractViewModel(demoRecord()), minutes: minutesViewModel(session), 'deliberations-list': deliberationsListViewModel(session) };
    const documents = engine.validateOverride(task.name, task.source, samples, task.overrides);
    // The trial render: the whole document on the demo act, within the same budget as any document.
    if (task.trial) for (const doc of documents) await renderKind(doc, engine, task.overrides);
    return { ok: true, documents };
  }
  const opts = { ...task.options, engine, overrides: task.overrides };
  const doc = task.kind === 'extract' ? await renderExtract(task.record, opts)
    : task.kind === 'minutes' ? await renderMinutes(task.record, opts)
    : await renderDeliberationsList(task.record, opts);
  return { ok: true, pdf: doc.pdf, templateVersion: doc.templateVersion };
}

function renderKind(kind: DocumentKind, engine: TemplateEngine, overrides: RenderTask['overrides']): Promise<RenderedDocument> {
  if (kind === 'minutes') return renderMinutes(demoSessionRecord(), { engine, overrides });
  if (kind === 'deliberations-list') return renderDeliberationsList(demoSessionRecord(), { engine, overrides });
  return renderExtract(demoRecord(), { engine, overrides });
}

/** The task handler piscina calls; errors come back as data, since a thrown error loses its code on the way. */
export default async function renderInWorker(task: RenderTask): Promise<RenderOutcome> {
  await warm;
  task.started?.postMessage('started');
  task.started?.close();
  try {
    return await run(task);
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'TEMPLATE_INVALID' || error.code === 'TEMPLATE_TOO_EXPENSIVE')) {
      return { ok: false, code: error.code, message: error.message, details: error.details };
    }
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, code: 'INTERNAL', message: e.message, stack: e.stack };
  }
}

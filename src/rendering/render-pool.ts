// The pool of worker threads that renders documents (piscina). Each document gets a deadline and a
// heap scaled to its size: past the deadline, or out of heap, its worker is terminated and the request
// answers 422 TEMPLATE_TOO_EXPENSIVE; the app's event loop and memory are never the template's.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { DomainError } from '../domain/errors';
import type { DeliberationRecord } from '../domain/types';
import type { RenderedDocument, RenderOptions, SessionRecord, TemplateOverrides } from '../documents/types';
import { demoSessionRecord } from '../extracts/demo-record';
import { type RenderBudget, type RenderLimits, DEFAULT_LIMITS, budgetFor, extractSize, sessionSize } from './render-budget';
import type { DocumentKind, RenderOutcome, RenderTask } from './render-task';

/** The document pipeline's options (overrides, PDF/A...), plain data that crosses to the worker. */
export type DocumentOptions = RenderOptions;

export interface RenderPoolOptions {
  /** Folder of the default templates. */
  templateDir: string;
  limits?: RenderLimits;
  /** Threads per pool; default: one per core. */
  threads?: number;
  /** How long an idle worker is kept (ms). */
  idleTimeoutMs?: number;
}

/** The client went away: nothing to answer, and nothing more to render for it. */
export class RenderAborted extends Error {
  constructor() {
    super('The client went away; rendering stopped');
    this.name = 'RenderAborted';
  }
}

/**
 * From dist/ (npm start) the worker is compiled JavaScript. From the TypeScript sources (Jest), the
 * worker thread, which Jest's transform does not reach, strips the types with sucrase's require hook
 * (a dev dependency; a second per worker, where ts-node took four).
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  if (__filename.endsWith('.js')) return { filename: join(__dirname, 'render-worker.js'), execArgv: [] };
  return { filename: join(__dirname, 'render-worker.ts'), execArgv: ['--require', require.resolve('sucrase/register/ts')] };
}

export class RenderPool {
  readonly limits: RenderLimits;
  private readonly pools = new Map<number, Piscina<RenderTask, RenderOutcome>>();
  private readonly threads: number;
  private started = 0;
  private closed = false;

  constructor(private readonly options: RenderPoolOptions) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.threads = Math.max(1, options.threads ?? availableParallelism());
  }

  /** Threads of a pool: how many documents render at once (a ZIP keeps them all busy). */
  get concurrency(): number {
    return this.threads;
  }

  /** Tasks handed to a worker since the pool was made (for tests and benchmarks). */
  get startedTasks(): number {
    return this.started;
  }

  /** The certified extract of an act. */
  async extract(record: DeliberationRecord, opts: DocumentOptions = {}, signal?: AbortSignal): Promise<RenderedDocument> {
    const task: RenderTask = { op: 'render', kind: 'extract', record, templateDir: this.options.templateDir, overrides: opts.overrides ?? {}, options: { ...opts, overrides: undefined } };
    const budget = budgetFor(extractSize(record), this.limits);
    // An act is issued once, at its last signature, with the collectivity's checked templates: a busy
    // machine (or a cold worker) must not refuse it, so its deadline is ten times an ordinary render's.
    const issuing = opts.issuance ? { ...budget, deadlineMs: budget.deadlineMs * 10 } : budget;
    return asDocument(await this.run(task, issuing, signal));
  }

  /** The procès-verbal or the list of deliberations of a session. */
  async session(kind: 'minutes' | 'deliberations-list', record: SessionRecord, opts: DocumentOptions = {}, signal?: AbortSignal): Promise<RenderedDocument> {
    const task: RenderTask = { op: 'render', kind, record, templateDir: this.options.templateDir, overrides: opts.overrides ?? {}, options: { ...opts, overrides: undefined } };
    return asDocument(await this.run(task, budgetFor(sessionSize(record), this.limits), signal));
  }

  /**
   * Checks a template or partial before it is saved, with the collectivity's other overrides: the
   * static check and a render of its Markdown on the demo act's view model, then (`trial`) the PDF of
   * every document it changes on the demo act, within the budget of the demo procès-verbal. Returns the
   * documents checked.
   */
  async check(name: string, source: string, current: TemplateOverrides, trial = true): Promise<DocumentKind[]> {
    const task: RenderTask = { op: 'check', name, source, trial, templateDir: this.options.templateDir, overrides: { ...current, [name]: { source, version: 'draft' } } };
    // The demo procès-verbal's budget covers the check and the few renders of the demo act (tens of ms each).
    const outcome = await this.run(task, budgetFor(sessionSize(demoSessionRecord()), this.limits));
    return outcome.documents ?? [];
  }

  /**
   * Runs a task within its budget. `signal`: the client's request; when it aborts, a task still
   * queued is dropped and one running is stopped (RenderAborted).
   */
  async run(task: RenderTask, budget: RenderBudget, signal?: AbortSignal): Promise<Extract<RenderOutcome, { ok: true }>> {
    if (this.closed) throw new Error('The render pool is closed');
    if (signal?.aborted) throw new RenderAborted();
    const abort = new AbortController();
    const channel = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    let overDeadline = false;
    channel.port1.once('message', () => {
      this.started++;
      timer = setTimeout(() => {
        overDeadline = true;
        abort.abort();
      }, budget.deadlineMs);
    });
    const onClientGone = () => abort.abort();
    signal?.addEventListener('abort', onClientGone, { once: true });
    try {
      const outcome = await this.poolFor(budget.memoryMb).run({ ...task, started: channel.port2 }, { signal: abort.signal, transferList: [channel.port2] });
      if (outcome.ok) return outcome;
      if (outcome.code !== 'INTERNAL') throw new DomainError(outcome.code, outcome.message, outcome.details);
      throw Object.assign(new Error(`Rendering failed: ${outcome.message}`), { stack: outcome.stack });
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (overDeadline) throw tooExpensive(task, budget, 'deadline');
      if (signal?.aborted) throw new RenderAborted();
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw tooExpensive(task, budget, 'memory');
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onClientGone);
      channel.port1.close();
    }
  }

  /** Nest calls it when the app closes (duck-typed: this file stays Nest-free). */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.pools.values()].map((p) => p.destroy()));
    this.pools.clear();
  }

  /** One pool per heap size (a few steps), so that a long document gets the heap its size warrants. */
  private poolFor(memoryMb: number): Piscina<RenderTask, RenderOutcome> {
    let pool = this.pools.get(memoryMb);
    if (!pool) {
      pool = new Piscina<RenderTask, RenderOutcome>({
        ...workerEntry(),
        workerData: { templateDir: this.options.templateDir },
        minThreads: 0,
        maxThreads: this.threads,
        idleTimeout: this.options.idleTimeoutMs ?? 60_000,
        resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      });
      this.pools.set(memoryMb, pool);
    }
    return pool;
  }
}

function asDocument(outcome: Extract<RenderOutcome, { ok: true }>): RenderedDocument {
  const pdf = outcome.pdf!;
  return { pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), templateVersion: outcome.templateVersion! };
}

function tooExpensive(task: RenderTask, budget: RenderBudget, what: 'deadline' | 'memory'): DomainError {
  const doc = task.op === 'check' ? `the check of ${task.name}` : `the ${task.kind} document`;
  const limit = what === 'deadline' ? `${budget.deadlineMs} ms` : `${budget.memoryMb} MB of memory`;
  return new DomainError('TEMPLATE_TOO_EXPENSIVE', `Rendering ${doc} went past its budget (${limit} for about ${budget.pages} pages): the template does too much work (loops inside loops?)`, {
    template: task.op === 'check' ? task.name : task.kind, limit: what, deadlineMs: budget.deadlineMs, memoryMb: budget.memoryMb, pages: budget.pages,
  });
}

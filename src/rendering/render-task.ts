// What crosses between the app and a render worker: plain data only (structured clone).
import type { MessagePort } from 'node:worker_threads';
import type { DeliberationRecord } from '../domain/types';
import type { RenderOptions, TemplateOverrides, SessionRecord } from '../documents/types';

export type DocumentKind = 'extract' | 'minutes' | 'deliberations-list';

interface Common {
  templateDir: string;
  overrides: TemplateOverrides;
  /** The worker says on it when it starts the task: the deadline runs from then, not while queued. */
  started?: MessagePort;
}

export type RenderTask =
  | (Common & { op: 'render'; kind: 'extract'; record: DeliberationRecord; options: RenderOptions })
  | (Common & { op: 'render'; kind: 'minutes' | 'deliberations-list'; record: SessionRecord; options: RenderOptions })
  /** Validate `name` (already in `overrides` as a draft); with `trial`, render every document it changes on the demo act. */
  | (Common & { op: 'check'; name: string; source: string; trial: boolean });

export type RenderOutcome =
  | { ok: true; pdf: Uint8Array; templateVersion: string; documents?: undefined }
  | { ok: true; documents: DocumentKind[]; pdf?: undefined; templateVersion?: undefined }
  | { ok: false; code: 'TEMPLATE_INVALID' | 'TEMPLATE_TOO_EXPENSIVE'; message: string; details: Record<string, unknown> }
  /** An unexpected failure (a bug, not a template): the app logs it and answers 500. */
  | { ok: false; code: 'INTERNAL'; message: string; stack?: string };

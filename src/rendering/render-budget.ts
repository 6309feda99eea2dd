// What a document may cost: a deadline and a heap, both growing with its size, so that a long
// procès-verbal or a yearly register renders while a runaway template is stopped. Pure.
import type { DeliberationRecord } from '../domain/types';
import type { SessionRecord } from '../documents/types';

export interface RenderLimits {
  /** Deadline of a one-page document, from the moment a worker starts it. */
  deadlineBaseMs: number;
  deadlinePerPageMs: number;
  deadlineMaxMs: number;
  /** Old-generation heap of a worker rendering a one-page document (pdfkit, fonts and templates included). */
  memoryBaseMb: number;
  memoryPerPageMb: number;
  memoryMaxMb: number;
}

export const DEFAULT_LIMITS: RenderLimits = {
  deadlineBaseMs: 2000,
  deadlinePerPageMs: 40,
  deadlineMaxMs: 120_000,
  memoryBaseMb: 256,
  memoryPerPageMb: 1,
  memoryMaxMb: 2048,
};

/** Workers are pooled by heap size in steps of this many MB: a few pools, not one per document. */
export const MEMORY_STEP_MB = 128;

export interface DocumentSize {
  items: number;
  members: number;
  /** Characters of free text (reasons, decisions, debates). */
  textChars: number;
}

export interface RenderBudget {
  pages: number;
  deadlineMs: number;
  memoryMb: number;
}

// An attendance list prints about 40 names a page, and a page holds about 3,000 characters of text.
const NAMES_PER_PAGE = 40;
const CHARS_PER_PAGE = 3000;

/** Pages a document of this size may fill with the shipped templates, generously rounded up. */
export function estimatedPages(size: DocumentSize): number {
  const items = Math.max(1, size.items);
  return Math.ceil(items * (1 + size.members / NAMES_PER_PAGE) + size.textChars / CHARS_PER_PAGE);
}

export function budgetFor(size: DocumentSize, limits: RenderLimits = DEFAULT_LIMITS): RenderBudget {
  const pages = estimatedPages(size);
  const deadlineMs = Math.min(limits.deadlineMaxMs, limits.deadlineBaseMs + pages * limits.deadlinePerPageMs);
  const extraMb = Math.ceil((pages * limits.memoryPerPageMb) / MEMORY_STEP_MB) * MEMORY_STEP_MB;
  const memoryMb = Math.min(limits.memoryMaxMb, limits.memoryBaseMb + extraMb);
  return { pages, deadlineMs, memoryMb };
}

const textOf = (r: DeliberationRecord): number => r.item.reasonsMd.length + r.item.decisionMd.length + r.item.object.length;

export function extractSize(record: DeliberationRecord): DocumentSize {
  return { items: 1, members: record.attendance.inOffice, textChars: textOf(record) };
}

export function sessionSize(record: SessionRecord): DocumentSize {
  const members = Math.max(0, ...record.items.map((r) => r.attendance.inOffice), record.opening?.attendance.inOffice ?? 0);
  const debates = Object.values(record.minutes?.debates ?? {}).reduce((n, d) => n + d.length, 0);
  return { items: record.items.length, members, textChars: debates + record.items.reduce((n, r) => n + textOf(r), 0) };
}

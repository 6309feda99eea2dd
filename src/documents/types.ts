// Inputs and options of the document pipeline. The view models are in view-model.types.ts.
import type { DeliberationRecord } from '../domain/types';
import type { VerificationStamp } from './pdf-verification-stamp';

/** A whole session as the procès-verbal and the list of deliberations need it (L2121-15, L2121-25). */
export interface SessionRecord {
  collectivity: DeliberationRecord['collectivity'];
  body: DeliberationRecord['body'];
  session: DeliberationRecord['session'];
  /** In agenda order; each carries the attendance at the moment it was voted. */
  items: DeliberationRecord[];
  /** The procès-verbal's own record (L2121-15); absent = a blank draft. */
  minutes?: MinutesRecord;
  /** The attendance at the opening, for a session with no item (a quorum not met, L2121-17). */
  opening?: DeliberationRecord;
}

/** The procès-verbal: a draft until a later session of the body adopts it, then published within a week. */
export interface MinutesRecord {
  status: 'draft' | 'adopted';
  adoptedAtSessionId: string | null;
  /** Local date of the adopting session (YYYY-MM-DD). */
  adoptedOn: string | null;
  publishedOn: string | null;
  /** Substance of the debates (Markdown), by item id. */
  debates: Record<string, string>;
}

export type DocumentKind = 'extract' | 'minutes' | 'deliberations-list';

/** A collectivity's version of a template or partial ("extract", "partials/header"...). */
export interface TemplateOverride {
  source: string;
  version: string;
}

export type TemplateOverrides = Record<string, TemplateOverride>;

export interface ExtractOptions {
  /** "deux mil dix-neuf" as older registers write it (default: "deux mille"). */
  yearWithMil?: boolean;
  /** Place of signature, e.g. "Lumbres"; defaults to the session's place. */
  signedAt?: string | null;
}

export interface RenderOptions extends ExtractOptions {
  overrides?: TemplateOverrides;
  /** PDF/A-2b for the archived version. */
  pdfa?: boolean;
  /** French hyphenation of justified text (default on; off only to measure its cost). */
  hyphenate?: boolean;
  /** An extract being issued (src/issuing): its signatures and verification stamp. */
  issuance?: IssuanceOptions;
}

/** What issuing adds to the extract: who signed and how (Markdown after the template's text), and the stamp. */
export interface IssuanceOptions {
  signaturesMarkdown: string;
  stamp: VerificationStamp;
}

export interface RenderedDocument {
  pdf: Buffer;
  /** Which templates made it: "default@<hash>" plus "name@version" for each override used. */
  templateVersion: string;
}

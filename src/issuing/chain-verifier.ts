// Recomputes a collectivity's chain link by link: the sequence, each link's hash and its previous one,
// the issued PDF's and the annexes' digests. Pure: fed rows in sequence order from the database or a bench.
import { RECORD_FORMAT, sha256Hex } from './sealed-record';

/** What the checks read in a sealed record. */
export interface SealedFields {
  seq: number;
  previousHash: string | null;
  itemId: string;
  number: string;
  issuedActId: string;
  verificationCode: string;
  pdfSha256: string;
  annexes: { id: string; sha256: string }[];
}

export interface ChainRow {
  collectivityId: string;
  seq: number;
  itemId: string;
  issuedActId: string;
  /** The record, whole; or, when it was read from its tail alone (recordTail), its fields in `sealed`. */
  canonical?: string;
  sealed?: SealedFields;
  /** SHA-256 of the record when computed next to the data (PostgreSQL); else it is computed here from `canonical`. */
  canonicalDigest?: string;
  recordHash: string;
  previousHash: string | null;
  /** The act's number as the register has it now (to name the act even when its record is unreadable). */
  number: string | null;
  /** SHA-256 of the stored issued PDF as it is now (null when its row is gone), and its size. */
  pdfDigest: string | null;
  pdfBytes: number;
  verificationCode: string | null;
  /** Digests recomputed from the stored annex files, by annex id. */
  annexDigests: Map<string, string>;
}

export interface ChainProblem {
  collectivityId: string;
  seq: number;
  itemId: string;
  number: string | null;
  /** What differs, in words. */
  what: string;
}

interface SealedDoc {
  seq: number;
  previousHash: string | null;
  act?: { item?: { id: string; number: string } };
  issued?: { itemId?: string; number?: string; issuedActId: string; verificationCode: string; pdf?: { sha256: string }; annexes?: { id: string; sha256: string }[] };
}

const fieldsOf = (doc: SealedDoc, itemId: string | undefined, number: string | undefined): SealedFields => ({
  seq: doc.seq, previousHash: doc.previousHash, itemId: itemId as string, number: number as string, issuedActId: doc.issued?.issuedActId as string,
  verificationCode: doc.issued?.verificationCode as string, pdfSha256: doc.issued?.pdf?.sha256 as string, annexes: doc.issued?.annexes ?? [],
});

/** The fields of a whole record, or null when it is not readable JSON. */
export function wholeRecordFields(canonical: string): SealedFields | null {
  try {
    const doc = JSON.parse(canonical) as SealedDoc;
    return fieldsOf(doc, doc.act?.item?.id, doc.act?.item?.number);
  } catch {
    return null;
  }
}

// Canonical JSON orders keys: the record is {"act":{…},"format":"registre-sealed-act/N","issued":{…},"previousHash":…,"seq":N}.
export const RECORD_TAIL_MARK = `},"format":"${RECORD_FORMAT.slice(0, RECORD_FORMAT.indexOf('/') + 1)}`;

/**
 * The fields of a record read from its tail (what follows its act: format, issued, previousHash, seq), a tenth of its
 * length, when the record names its act there too (issued.itemId, from format 3); else null: read it whole. Only for a
 * record whose hash matches, so whose text is the one issuing wrote.
 */
export function recordTailFields(tail: string | null | undefined): SealedFields | null {
  if (!tail) return null;
  try {
    const doc = JSON.parse(tail) as SealedDoc & { format?: string };
    if (typeof doc.issued?.itemId !== 'string' || typeof doc.issued.number !== 'string' || typeof doc.seq !== 'number') return null;
    return fieldsOf(doc, doc.issued.itemId, doc.issued.number);
  } catch {
    return null;
  }
}

/** Where a part of a chain starts: the link before it, so that parts are checked apart (in parallel) as one chain. */
export interface ChainStart {
  collectivityId: string;
  /** The sequence number the first row must have: the one after the link before it. */
  expectedSeq: number;
  /** That link's stored hash (null at the head of the chain). */
  previousHash: string | null;
}

export class ChainVerifier {
  readonly problems: ChainProblem[] = [];
  records = 0;
  pdfBytes = 0;
  private expectedSeq = 1;
  private previousHash: string | null = null;
  private collectivity: string | null = null;

  constructor(start?: ChainStart) {
    if (start) Object.assign(this, { collectivity: start.collectivityId, expectedSeq: start.expectedSeq, previousHash: start.previousHash });
  }

  push(row: ChainRow): void {
    if (row.collectivityId !== this.collectivity) {
      this.collectivity = row.collectivityId;
      this.expectedSeq = 1;
      this.previousHash = null;
    }
    this.records++;
    const problem = (what: string, number = row.number) => this.problems.push({ collectivityId: row.collectivityId, seq: row.seq, itemId: row.itemId, number, what });
    if (row.seq !== this.expectedSeq) {
      problem(row.seq > this.expectedSeq
        ? `link${row.seq - this.expectedSeq > 1 ? 's' : ''} ${this.expectedSeq}${row.seq - this.expectedSeq > 1 ? `–${row.seq - 1}` : ''} missing before this one (a sealed record was removed)`
        : `sequence number ${row.seq} repeated or out of order (expected ${this.expectedSeq})`);
    }
    if (row.previousHash !== this.previousHash) {
      problem(`its link to the previous record does not match (previous hash ${short(row.previousHash)}, chain has ${short(this.previousHash)}): the chain was cut or reordered`);
    }
    if ((row.canonicalDigest ?? sha256Hex(row.canonical ?? '')) !== row.recordHash) problem('its sealed record was changed: the record no longer matches its hash');
    const doc = row.sealed ?? wholeRecordFields(row.canonical ?? '');
    if (!doc) problem('its sealed record is not readable JSON');
    else this.check(row, doc, (what) => problem(what, doc.number ?? row.number));
    this.expectedSeq = Math.max(this.expectedSeq, row.seq) + 1;
    this.previousHash = row.recordHash;
  }

  private check(row: ChainRow, doc: SealedFields, problem: (what: string) => void): void {
    if (doc.seq !== row.seq || doc.previousHash !== row.previousHash) {
      problem(`its record was sealed at position ${doc.seq} and is now at position ${row.seq}: links were swapped or moved`);
    }
    if (doc.itemId !== row.itemId || doc.issuedActId !== row.issuedActId) problem('its record names another act than the one it is attached to');
    this.pdfBytes += row.pdfBytes;
    if (row.pdfDigest === null) problem('its issued PDF is missing');
    else if (row.pdfDigest !== doc.pdfSha256) problem(`its issued PDF was changed (SHA-256 ${short(row.pdfDigest)}, sealed ${short(doc.pdfSha256 ?? null)})`);
    if (row.verificationCode !== null && row.verificationCode !== doc.verificationCode) problem('its verification code was changed');
    for (const annex of doc.annexes) {
      const now = row.annexDigests.get(annex.id);
      if (now === undefined) problem(`its annex ${annex.id} is missing`);
      else if (now !== annex.sha256) problem(`its annex ${annex.id} was changed (SHA-256 ${short(now)}, sealed ${short(annex.sha256)})`);
    }
  }
}

const short = (h: string | null) => (h ? `${h.slice(0, 12)}…` : 'none');

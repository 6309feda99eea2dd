// Recomputes a collectivity's chain link by link: the sequence, each link's hash and its previous one,
// the issued PDF's and the annexes' digests. Pure: fed rows in sequence order from the database or a bench.
import { sha256Hex } from './sealed-record';

export interface ChainRow {
  collectivityId: string;
  seq: number;
  itemId: string;
  issuedActId: string;
  canonical: string;
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
  act: { item: { id: string; number: string } };
  issued: { issuedActId: string; verificationCode: string; pdf: { sha256: string; bytes: number }; annexes: { id: string; sha256: string }[] };
}

export class ChainVerifier {
  readonly problems: ChainProblem[] = [];
  records = 0;
  pdfBytes = 0;
  private expectedSeq = 1;
  private previousHash: string | null = null;
  private collectivity: string | null = null;

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
    if (sha256Hex(row.canonical) !== row.recordHash) problem('its sealed record was changed: the record no longer matches its hash');
    let doc: SealedDoc | null = null;
    try {
      doc = JSON.parse(row.canonical) as SealedDoc;
    } catch {
      problem('its sealed record is not readable JSON');
    }
    if (doc) {
      const number = doc.act?.item?.number ?? row.number;
      if (doc.seq !== row.seq || doc.previousHash !== row.previousHash) {
        problem(`its record was sealed at position ${doc.seq} and is now at position ${row.seq}: links were swapped or moved`, number);
      }
      if (doc.act?.item?.id !== row.itemId || doc.issued?.issuedActId !== row.issuedActId) problem('its record names another act than the one it is attached to', number);
      this.pdfBytes += row.pdfBytes;
      if (row.pdfDigest === null) problem('its issued PDF is missing', number);
      else if (row.pdfDigest !== doc.issued?.pdf?.sha256) {
        problem(`its issued PDF was changed (SHA-256 ${short(row.pdfDigest)}, sealed ${short(doc.issued?.pdf?.sha256 ?? null)})`, number);
      }
      if (row.verificationCode !== null && row.verificationCode !== doc.issued?.verificationCode) problem('its verification code was changed', number);
      for (const annex of doc.issued?.annexes ?? []) {
        const now = row.annexDigests.get(annex.id);
        if (now === undefined) problem(`its annex ${annex.id} is missing`, number);
        else if (now !== annex.sha256) problem(`its annex ${annex.id} was changed (SHA-256 ${short(now)}, sealed ${short(annex.sha256)})`, number);
      }
    }
    this.expectedSeq = Math.max(this.expectedSeq, row.seq) + 1;
    this.previousHash = row.recordHash;
  }
}

const short = (h: string | null) => (h ? `${h.slice(0, 12)}…` : 'none');

import { ccplRecord } from '../../test/fixtures/ccpl-record';
import { ChainVerifier, RECORD_TAIL_MARK, recordTailFields, wholeRecordFields, type ChainProblem, type ChainRow } from './chain-verifier';
import { chainParts, SEQ_MAX } from './sealed-chain.service';
import { canonicalRecord, sha256Hex } from './sealed-record';

/** A chain of `n` links as issuing makes it: each record names its position and the hash of the link before. */
function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let previousHash: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const pdf = sha256Hex(`pdf ${seq}`);
    const canonical = JSON.stringify({ act: { item: { id: `item-${seq}`, number: `N-${seq}` } }, issued: { issuedActId: `act-${seq}`, verificationCode: `C${seq}`, pdf: { sha256: pdf, bytes: 10 }, annexes: [] }, previousHash, seq });
    const row: ChainRow = {
      collectivityId: 'c', seq, itemId: `item-${seq}`, issuedActId: `act-${seq}`, canonical, recordHash: sha256Hex(canonical), previousHash,
      number: `N-${seq}`, pdfDigest: pdf, pdfBytes: 10, verificationCode: `C${seq}`, annexDigests: new Map(),
    };
    rows.push(row);
    previousHash = row.recordHash;
  }
  return rows;
}

const whole = (rows: ChainRow[]): ChainProblem[] => {
  const v = new ChainVerifier();
  rows.forEach((r) => v.push(r));
  return v.problems;
};

/** The same rows read in parts, each from the link stored before it, as SealedChainService reads them side by side. */
function inParts(rows: ChainRow[], parts: number): ChainProblem[] {
  const last = Math.max(0, ...rows.map((r) => r.seq));
  return chainParts(last, parts, 1).flatMap(([after, upTo]) => {
    const before = rows.filter((r) => r.seq <= after).at(-1);
    const v = new ChainVerifier({ collectivityId: 'c', expectedSeq: before ? before.seq + 1 : 1, previousHash: before?.recordHash ?? null });
    rows.filter((r) => r.seq > after && r.seq <= upTo).forEach((r) => v.push(r));
    return v.problems;
  });
}

const tampers: [string, (rows: ChainRow[]) => ChainRow[]][] = [
  ['untouched', (rows) => rows],
  ['a record changed', (rows) => rows.map((r) => (r.seq === 4 ? { ...r, canonical: r.canonical!.replace('N-4', 'N-9') } : r))],
  ['a PDF changed', (rows) => rows.map((r) => (r.seq === 5 ? { ...r, pdfDigest: sha256Hex('other') } : r))],
  ['a link removed', (rows) => rows.filter((r) => r.seq !== 4)],
  ['two links removed at a part boundary', (rows) => rows.filter((r) => r.seq !== 3 && r.seq !== 4)],
  ['the first link removed', (rows) => rows.filter((r) => r.seq !== 1)],
  ['two links swapped across a boundary', (rows) => rows.map((r) => (r.seq === 3 ? { ...rows[3], seq: 3 } : r.seq === 4 ? { ...rows[2], seq: 4 } : r))],
];

describe('the chain verified in parts reads as the whole chain', () => {
  it.each(tampers)('%s: the same problems, in the same order, however the chain is cut', (_name, tamper) => {
    const rows = tamper(chain(9));
    const expected = whole(rows);
    for (const parts of [1, 2, 3, 4, 9]) expect(inParts(rows, parts)).toEqual(expected);
  });

  it('finds each kind of tampering', () => {
    expect(whole(chain(9))).toEqual([]);
    const what = (i: number) => whole(tampers[i][1](chain(9))).map((p) => `${p.seq}: ${p.what}`);
    expect(what(1)).toEqual([expect.stringMatching(/^4: its sealed record was changed/)]);
    expect(what(2)).toEqual([expect.stringMatching(/^5: its issued PDF was changed/)]);
    expect(what(3)).toEqual([expect.stringMatching(/^5: link 4 missing/), expect.stringMatching(/^5: its link to the previous record does not match/)]);
    expect(what(6)).toEqual(expect.arrayContaining([expect.stringMatching(/^3: its record was sealed at position 4 and is now at position 3/)]));
  });

  it('cuts a chain into contiguous parts that cover it, the last one open-ended', () => {
    expect(chainParts(100_000, 3, 2_000)).toEqual([[0, 33_333], [33_333, 66_666], [66_666, SEQ_MAX]]);
    expect(chainParts(3_000, 3, 2_000)).toEqual([[0, SEQ_MAX]]);
    expect(chainParts(0, 3, 2_000)).toEqual([[0, SEQ_MAX]]);
  });

  it('reads a record from its tail as from the whole record, and asks for the whole record otherwise', () => {
    const record = ccplRecord();
    const canonical = canonicalRecord(record, {
      issuedActId: 'act-7', verificationCode: 'ABCD-EFGH-JKMN', issuedAt: '2026-03-12T21:00:00.000Z', templateVersions: { extract: '1' }, signatureMode: 'development',
      signers: [], pdf: { sha256: 'b'.repeat(64), bytes: 1 }, annexes: [{ id: 'x', position: 1, title: 'Plan', sha256: 'c'.repeat(64), bytes: 2 }], rectifies: null,
    }, { seq: 7, previousHash: 'a'.repeat(64) });
    expect(canonical.split(RECORD_TAIL_MARK)).toHaveLength(2);
    const tail = `{${canonical.slice(canonical.indexOf(RECORD_TAIL_MARK) + 2)}`;
    expect(tail.length).toBeLessThan(canonical.length / 5);
    expect(recordTailFields(tail)).toEqual(wholeRecordFields(canonical));
    expect(wholeRecordFields(canonical)).toEqual(expect.objectContaining({ seq: 7, itemId: record.item.id, number: record.item.number, pdfSha256: 'b'.repeat(64) }));
    // A record of an earlier format (no issued.itemId), or not JSON: read whole.
    expect(recordTailFields(tail.replace('"itemId"', '"item"'))).toBeNull();
    expect(recordTailFields('{"format":')).toBeNull();
    expect(wholeRecordFields('not json')).toBeNull();
  });
});

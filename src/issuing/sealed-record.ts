// The sealed record of an issued act: its canonical JSON (RFC 8785) and its place in the collectivity's chain.
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { DeliberationRecord } from '../domain/types';
import type { IssuedSigner, SignatureMode } from './issuing.entities';
import type { SealedRectification } from './rectifications.service';

// 2: `issued.rectifies` names the act a rectificative rectifies (1 had `rectifiesItemId`, always null).
// 3: `issued.itemId` and `issued.number` repeat the act's: verification reads the record's tail alone (chain-verifier.ts).
export const RECORD_FORMAT = 'registre-sealed-act/3';

export interface AnnexDigest {
  id: string;
  position: number;
  title: string;
  sha256: string;
  bytes: number;
}

export interface IssuedFacts {
  issuedActId: string;
  verificationCode: string;
  issuedAt: string;
  templateVersions: Record<string, string>;
  signatureMode: SignatureMode;
  signers: IssuedSigner[];
  pdf: { sha256: string; bytes: number };
  annexes: AnnexDigest[];
  /** The issued act this one rectifies (issue 9), by its id and its PDF's digest. */
  rectifies: SealedRectification | null;
}

export interface ChainPosition {
  seq: number;
  previousHash: string | null;
}

const ids = (refs: { id: string }[]) => refs.map((r) => r.id);

/** What the act is, as adopted: its text, the attendance at the vote, each ballot, the figures; then how it was issued. */
export function actContent(record: DeliberationRecord) {
  const a = record.attendance;
  const v = record.vote;
  return {
    collectivity: { id: record.collectivity.id, siren: record.collectivity.siren, name: record.collectivity.name },
    body: { id: record.body.id, name: record.body.name },
    session: { id: record.session.id, startsAt: record.session.startsAt, localDate: record.session.localDate, place: record.session.place,
      presidentId: record.session.president?.id ?? null, secretaryIds: ids(record.session.secretaries) },
    item: { id: record.item.id, number: record.item.number, object: record.item.object, nature: record.item.actesNature, matiere: record.item.matiereCode,
      rapporteurId: record.item.rapporteur?.id ?? null, presidentId: record.item.president?.id ?? null, reasonsMd: record.item.reasonsMd, decisionMd: record.item.decisionMd },
    attendance: {
      inOffice: a.inOffice, present: a.present.map((p) => p.member.id), presentTitulaires: a.presentTitulaires,
      presentSuppleants: a.presentSuppleants, represented: a.represented.map((r) => [r.giver.id, r.holder.id]),
      excused: a.excused.map((e) => e.member.id), absent: a.absent.map((e) => e.member.id),
      notTakingPart: a.notTakingPart.map((n) => n.member.id), voters: a.voters, quorum: a.quorum,
    },
    vote: v && {
      mode: v.mode, pour: v.pour, contre: v.contre, abstention: v.abstention, notTakingPart: v.notTakingPart, cast: v.cast, outcome: v.outcome,
      castingVote: v.castingVote, unanimous: v.unanimous, wording: v.wording,
      ballots: v.named && (['pour', 'contre', 'abstention'] as const).flatMap((side) => v.named![side].map((n) => [n.member.id, n.castBy?.id ?? null, side])),
      requestedBy: ids(v.requestedBy ?? []),
    },
    election: record.election,
  };
}

export function canonicalRecord(record: DeliberationRecord, issued: IssuedFacts, at: ChainPosition): string {
  const doc = { format: RECORD_FORMAT, seq: at.seq, previousHash: at.previousHash, act: actContent(record), issued: { ...issued, itemId: record.item.id, number: record.item.number } };
  // undefined members are dropped as JSON.stringify drops them; canonicalize then orders keys (RFC 8785).
  return canonicalize(JSON.parse(JSON.stringify(doc)))!;
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

// Where an act stands, from adoption to enforceability: its issuing (signed), then the write-once facts of
// transmission and publication judged by src/domain/act-status.ts (L2131-1, L2131-2). Pure.
import { actStatus, mustBeTransmitted, type ActFacts, type ActStatus } from '../domain/act-status';

export type ActStage = 'draft' | 'adopted' | 'signed' | 'transmitted' | 'received' | 'published' | 'executoire';

export interface ActStageFacts extends ActFacts {
  voted: boolean;
  issued: boolean;
  /** Sent to the préfecture, not yet acknowledged (when the transmission records it apart from receipt). */
  sentOn?: string | null;
  exemptFromTransmission?: boolean | null;
}

export type ActStageView = ActStatus & { stage: ActStage };

export function actStage(f: ActStageFacts): ActStageView {
  const status = actStatus(f, mustBeTransmitted(f));
  const stage: ActStage = !f.voted ? 'draft'
    : status.enforceable ? 'executoire'
    : status.publishedOn ? 'published'
    : status.transmission ? 'received'
    : f.sentOn ? 'transmitted'
    : f.issued ? 'signed'
    : 'adopted';
  return { ...status, stage };
}

// A correction is a new act (issue 9): a later deliberation of the same body that rectifies an issued one, which
// stays as it was. Withdrawing or changing a deliberation is for the body that adopted it (parallélisme des
// compétences); a material error (a wrong figure, a misspelt name, a wrong reference) is rectified the same way.
import { DomainError } from './errors';

export const RECTIFICATION_KINDS = ['material-error', 'replacement'] as const;
/** `material-error`: corrects an erreur matérielle, the rest standing; `replacement`: withdraws the act and replaces it. */
export type RectificationKind = (typeof RECTIFICATION_KINDS)[number];

export interface RectificationCandidate {
  itemId: string;
  bodyId: string;
  number: string;
  status: string;
  /** The session's local date (YYYY-MM-DD). */
  sessionDate: string;
}

/** Refuses a rectification the rules do not allow; the original must be an issued act. */
export function assertRectification(rectifying: RectificationCandidate, original: RectificationCandidate & { issued: boolean }): void {
  const invalid = (message: string, details: Record<string, unknown> = {}) => {
    throw new DomainError('RECTIFICATION_INVALID', message, { field: 'rectifies', itemId: rectifying.itemId, rectifiesItemId: original.itemId, ...details });
  };
  if (rectifying.itemId.toLowerCase() === original.itemId.toLowerCase()) invalid(`Deliberation ${rectifying.number} cannot rectify itself`);
  if (rectifying.status !== 'draft') {
    throw new DomainError('ITEM_SEALED', `Item ${rectifying.number} is ${rectifying.status}: what it rectifies is part of its text, fixed before the vote`, { itemId: rectifying.itemId });
  }
  if (rectifying.bodyId !== original.bodyId) {
    invalid(`Deliberation ${original.number} was adopted by another body: an act is rectified by the body that adopted it`, { bodyId: original.bodyId });
  }
  if (rectifying.sessionDate < original.sessionDate) {
    invalid(`Deliberation ${original.number} was adopted on ${original.sessionDate}, after this session (${rectifying.sessionDate}): a rectification comes after the act`);
  }
  if (!original.issued) {
    throw new DomainError('RECTIFIED_ACT_NOT_ISSUED', `Deliberation ${original.number} is not issued yet: until it is signed, it is corrected before its signature, not by a new act`, {
      field: 'rectifies', rectifiesItemId: original.itemId,
    });
  }
}

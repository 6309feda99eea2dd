// When an act is enforceable (L2131-1, L3131-1, L4141-1): once published and, for the acts L2131-2 (L3131-2, L4141-2)
// lists — the council's deliberations but a few — once received by the préfet as well. Pure, from the write-once facts
// of transmission and publication, so that the extract and the issuing of acts judge alike.

export interface ActFacts {
  /** Date the préfecture received the act (its acknowledgement), YYYY-MM-DD; until known, the date of transmission. */
  receivedOn: string | null;
  /** The identifier the transmission platform returned, as given. */
  acteId: string | null;
  /** Date of publication (or notification for an individual act), YYYY-MM-DD. */
  publishedOn: string | null;
}

export interface ActStatus {
  /** Known as soon as the préfecture has it, even before publication. */
  transmission: { receivedOn: string; acteId: string | null } | null;
  publishedOn: string | null;
  /** L2131-2: whether the act is of those that must reach the préfet to be enforceable. */
  mustBeTransmitted: boolean;
  enforceable: boolean;
  /** The day it became enforceable: the later of receipt and publication (publication alone when not transmitted). */
  enforceableOn: string | null;
  /** What it still waits for. */
  missing: ('transmission' | 'publication')[];
}

/**
 * L2131-2 lists the council's deliberations (with a few exceptions: tariffs of voirie and parking, classement of
 * roads…, and some decisions on staff), its regulatory acts, and most individual acts and contracts. A deliberation
 * is transmitted unless the secretary marks it as one of the exceptions.
 */
export function mustBeTransmitted(act: { exemptFromTransmission?: boolean | null }): boolean {
  return !act.exemptFromTransmission;
}

const day = (d: string | null): string | null => (d ? d.slice(0, 10) : null);

export function actStatus(facts: ActFacts, transmitted = true): ActStatus {
  const receivedOn = day(facts.receivedOn);
  const publishedOn = day(facts.publishedOn);
  const missing: ActStatus['missing'] = [];
  if (transmitted && !receivedOn) missing.push('transmission');
  if (!publishedOn) missing.push('publication');
  const enforceable = missing.length === 0;
  const enforceableOn = !enforceable ? null : transmitted && receivedOn! > publishedOn! ? receivedOn : publishedOn;
  return {
    transmission: receivedOn ? { receivedOn, acteId: facts.acteId } : null,
    publishedOn,
    mustBeTransmitted: transmitted,
    enforceable,
    enforceableOn,
    missing,
  };
}

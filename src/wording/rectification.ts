// The words of a rectificative act (issue 9): the new deliberation says which act it rectifies, and the
// verification pages say which act rectified which. A correction never touches the act it corrects.
import { formatDateLong } from '../documents/french-format';
import type { RectificationKind } from '../domain/rectification';

export interface RectifiedActWords {
  /** The number of the other act, Markdown-escaped where it goes into a document. */
  number: string;
  /** Its session's local date, YYYY-MM-DD. */
  sessionDate: string;
}

const act = (ref: RectifiedActWords) => `la délibération n°${ref.number} du ${formatDateLong(ref.sessionDate)}`;

/** In the rectificative act, under its object: "La présente délibération rectifie l'erreur matérielle entachant …". */
export function rectificationSentence(kind: RectificationKind, ref: RectifiedActWords & { object: string }): string {
  return kind === 'material-error'
    ? `La présente délibération rectifie l'erreur matérielle entachant ${act(ref)} (« ${ref.object} »), dont les autres dispositions demeurent inchangées.`
    : `La présente délibération retire ${act(ref)} (« ${ref.object} ») et la remplace.`;
}

/** On the rectificative's verification page: "Rectifie l'erreur matérielle entachant la délibération n°… du …". */
export function rectifiesLine(kind: RectificationKind, ref: RectifiedActWords): string {
  return kind === 'material-error' ? `Rectifie l'erreur matérielle entachant ${act(ref)}` : `Retire et remplace ${act(ref)}`;
}

/** On the original's verification page: "Rectifiée (erreur matérielle) par la délibération n°… du …". */
export function rectifiedByLine(kind: RectificationKind, ref: RectifiedActWords): string {
  return kind === 'material-error' ? `Rectifiée (erreur matérielle) par ${act(ref)}` : `Retirée et remplacée par ${act(ref)}`;
}

// Mentions at the foot of a document: the recourse (R421-1 of the code de justice administrative), whose subject is
// the document itself, and the year in words as the collectivity writes it.
import { numberToFrenchWords, openingDateFormula, yearInWords } from '../documents/french-format';

export { numberToFrenchWords, openingDateFormula, yearInWords };

export type DocumentSubject = 'deliberation' | 'minutes';

/**
 * Two months before the tribunal administratif (R421-1 CJA), from publication or notification. A procès-verbal is
 * not itself an act that can be challenged: its mention speaks of the deliberations it reports.
 */
export function recourseMention(subject: DocumentSubject): string {
  const tail = "peu{v} faire l'objet d'un recours pour excès de pouvoir devant le tribunal administratif dans un délai de deux mois";
  return subject === 'minutes'
    ? `Les délibérations dont rend compte le présent procès-verbal ${tail.replace('{v}', 'vent')} à compter de leur publication ou de leur notification.`
    : `La présente délibération ${tail.replace('{v}', 't')} à compter de sa publication ou de sa notification.`;
}

/** The collectivity's way of writing the year in the opening formula: "deux mil dix-neuf" or "deux mille dix-neuf". */
export type YearStyle = 'mil' | 'mille';

/** "Reçu en préfecture le 2 octobre 2019, identifiant 062-246200364-20190930-19_09_107-DE.": as soon as it is known. */
export function receiptSentence(receivedOnLong: string, acteId: string | null): string {
  return `Reçu en préfecture le ${receivedOnLong}${acteId ? `, identifiant ${acteId}` : ''}.`;
}

/** L2131-1: "Certifié exécutoire compte tenu de la transmission en préfecture le … et de la publication le …". */
export function executoireSentence(receivedOnLong: string | null, publishedOnLong: string): string {
  return receivedOnLong
    ? `Certifié exécutoire compte tenu de la transmission en préfecture le ${receivedOnLong} et de la publication le ${publishedOnLong}.`
    : `Certifié exécutoire compte tenu de la publication le ${publishedOnLong}.`;
}

/** L2121-11, L2121-12: a convocation on a shorter notice, in urgency, on which the council rules at the opening. */
export function urgencyMention(article: string): string {
  return `convocation adressée en urgence (article ${article} du CGCT), l'assemblée s'étant prononcée sur l'urgence à l'ouverture de la séance`;
}

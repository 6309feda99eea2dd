// The way of a deliberation to enforceability, as the console lists it (L2131-1, L2131-2): sent to the préfecture,
// received there (the acknowledgement: with publication, what makes the act exécutoire), published.
import type { ActStatus } from '../domain/act-status';
import { formatDateLong, joinFrench } from '../documents/french-format';

export interface ActFactLine {
  label: string;
  value: string;
}

const MISSING: Record<ActStatus['missing'][number], string> = {
  transmission: 'de la réception en préfecture',
  publication: 'de la publication',
};

const on = (date: string | null, none: string): string => (date ? `le ${formatDateLong(date.slice(0, 10))}` : none);

/**
 * "Envoi en préfecture: le 1er octobre 2019", "Réception en préfecture: le 2 octobre 2019", "Publication: …", then for
 * a voted act "Caractère exécutoire: exécutoire depuis le …" or what it still waits for. `status` is
 * src/domain/act-status.ts's judgement of the receipt and the publication; `sentOn` is the day the act was sent.
 */
export function actFactLines(sentOn: string | null, status: ActStatus, voted: boolean): ActFactLine[] {
  const lines: ActFactLine[] = status.mustBeTransmitted
    ? [
        { label: 'Envoi en préfecture', value: on(sentOn, 'non envoyée') },
        { label: 'Réception en préfecture', value: on(status.transmission?.receivedOn ?? null, 'non reçue') },
      ]
    : [{ label: 'Transmission en préfecture', value: "non requise (acte que l'article L2131-2 du CGCT ne vise pas)" }];
  lines.push({ label: 'Publication', value: on(status.publishedOn, 'non publiée') });
  if (voted) {
    lines.push({
      label: 'Caractère exécutoire',
      value: status.enforceable
        ? `exécutoire depuis le ${formatDateLong(status.enforceableOn!)} (article L2131-1 du CGCT)`
        : `non exécutoire, en attente ${joinFrench(status.missing.map((m) => MISSING[m]))} (article L2131-1 du CGCT)`,
    });
  }
  return lines;
}

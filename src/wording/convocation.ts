// The convocation letter and its agenda (L2121-10 to L2121-12; L5211-1 for EPCI): pure, Markdown out.
import { escapeMarkdown as md, formatDateLong, formatDateWithWeekday, formatTimeInWords, memberFullName } from '../documents/french-format';
import type { MemberRef } from '../domain/types';

export interface ConvocationInput {
  collectivity: string;
  body: string;
  seat: string | null;
  sessionDate: string;
  sessionTime: string;
  place: string | null;
  /** The day it is sent; the session date when not yet recorded. */
  convocationDate: string | null;
  /** L2121-11, L2121-12: the article whose notice is shortened, when convened in urgency. */
  urgencyArticle: string | null;
  president: (MemberRef & { title?: string | null }) | null;
  items: { position: number; object: string; rapporteur: MemberRef | null }[];
}

/** "Le Président, Christian LEROY", "La Maire, …": the signer as he convenes. */
function signature(p: ConvocationInput['president']): string {
  if (!p) return 'Le Président';
  const title = p.title ?? (p.civility === 'Mme' ? 'Présidente' : 'Président');
  return `${p.civility === 'Mme' ? 'La' : 'Le'} ${md(title)},\n\n${md(memberFullName(p))}`;
}

export function convocationMarkdown(c: ConvocationInput): string {
  const where = c.place ? `, ${md(c.place)}` : '';
  const lines = [
    `# Convocation`,
    '',
    `**${md(c.collectivity)}** — ${md(c.body)}`,
    '',
    'Madame, Monsieur,',
    '',
    `J'ai l'honneur de vous convoquer à la séance du ${md(c.body)} qui se tiendra le ${formatDateWithWeekday(c.sessionDate)} à ${formatTimeInWords(c.sessionTime)}${where} (articles L2121-10 à L2121-12 du code général des collectivités territoriales).`,
    '',
  ];
  if (c.urgencyArticle) {
    lines.push(`La présente convocation vous est adressée en urgence, dans un délai abrégé (article ${c.urgencyArticle} du CGCT) : l'assemblée se prononcera sur l'urgence à l'ouverture de la séance.`, '');
  }
  lines.push('## Ordre du jour', '');
  if (c.items.length === 0) lines.push('*(ordre du jour à compléter)*', '');
  for (const i of c.items) {
    lines.push(`${i.position}. ${md(i.object)}${i.rapporteur ? ` — rapporteur : ${md(memberFullName(i.rapporteur))}` : ''}`);
  }
  lines.push('', `Si vous ne pouvez pas assister à la séance, vous pouvez donner pouvoir écrit de voter en votre nom à un autre membre de l'assemblée (article L2121-20 du CGCT).`, '');
  lines.push(`Fait${c.seat ? ` à ${md(c.seat)}` : ''}, le ${formatDateLong(c.convocationDate ?? c.sessionDate)}.`, '', signature(c.president), '');
  return lines.join('\n');
}

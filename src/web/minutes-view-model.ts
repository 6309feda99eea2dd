// The procès-verbal in the console (L2121-15): its status, adoption and publication on the session page,
// the debates of one item on the deliberation page. Pure: what MinutesService.get answers in, French out.
// Every field is always present (null when empty): the views compile in strict mode.
import { countNoun, formatDateWithWeekday } from '../wording';
import { Badge, paths } from './console-format';
import { debatesMarkdown } from '../documents/minutes-parts';
import { debatesHtml } from './console-markdown';

/** What MinutesService.get returns and the console reads. */
export interface MinutesInput {
  status: 'draft' | 'adopted';
  adoptedAtSessionId: string | null;
  adoptedOn: string | null;
  publishedOn: string | null;
  /** Last day to publish it (L2121-15: within the week after adoption); null until adopted. */
  publicationDue: string | null;
  items: { itemId: string; textMd: string }[];
}

export interface LinkVm {
  href: string;
  label: string;
}

export interface MinutesBlockVm {
  /** "projet" / "adopté". */
  status: Badge;
  /** The session that adopted it: "séance du lundi 14 octobre 2019". */
  adoptedAt: LinkVm | null;
  /** "publié le vendredi 18 octobre 2019", "à publier au plus tard le …", or, for a draft, when it will be. */
  publication: string;
  publicationTone: Badge['tone'];
  /** Set on a draft: it is submitted to a later session. */
  draftNotice: string | null;
  /** "Débats consignés pour 2 des 6 délibérations". */
  debates: string;
  /** Null without an agenda: the API renders the procès-verbal of a session with items only. */
  pdf: LinkVm | null;
}

/** A session that never sat has no procès-verbal: a planned or convened one not yet, a cancelled one never. */
export function hasMinutes(sessionStatus: string, minutes: Pick<MinutesInput, 'status'>): boolean {
  return minutes.status === 'adopted' || sessionStatus === 'open' || sessionStatus === 'closed';
}

const adopted = (m: MinutesInput): m is MinutesInput & { adoptedOn: string } => m.status === 'adopted' && m.adoptedOn !== null;

/**
 * The "Procès-verbal" block of a session page, or null when the session has none. `today` is the local date
 * (YYYY-MM-DD, in the collectivity's time zone) the page is read: an adopted procès-verbal still unpublished after its last day says so.
 */
export function minutesBlockVm(cid: string, sessionId: string, sessionStatus: string, minutes: MinutesInput, today: string): MinutesBlockVm | null {
  if (!hasMinutes(sessionStatus, minutes)) return null;
  const pdf = (label: string): LinkVm | null => (minutes.items.length ? { href: paths.minutesPdf(cid, sessionId), label } : null);
  const written = minutes.items.filter((i) => debatesMarkdown(i.textMd) !== null).length;
  const total = minutes.items.length;
  const debates = total === 0
    ? "Aucune délibération à l'ordre du jour."
    : written === 0
      ? 'Aucun débat consigné.'
      : `Débats consignés pour ${countNoun(written, 'délibération', 'délibérations')} sur ${total}.`;
  if (!adopted(minutes)) {
    return {
      status: { label: 'projet', tone: 'warn' },
      adoptedAt: null,
      publication: 'non publié : il le sera dans la semaine qui suit son adoption',
      publicationTone: 'neutral',
      draftNotice: "Projet soumis à l'approbation de l'assemblée lors d'une prochaine séance (art. L2121-15 du CGCT).",
      debates,
      pdf: pdf('Projet de procès-verbal (PDF)'),
    };
  }
  const due = minutes.publicationDue;
  const late = !minutes.publishedOn && due !== null && today > due;
  return {
    status: { label: 'adopté', tone: 'ok' },
    adoptedAt: minutes.adoptedAtSessionId
      ? { href: paths.session(cid, minutes.adoptedAtSessionId), label: `séance du ${formatDateWithWeekday(minutes.adoptedOn)}` }
      : null,
    publication: minutes.publishedOn
      ? `publié le ${formatDateWithWeekday(minutes.publishedOn)}`
      : due
        ? `à publier au plus tard le ${formatDateWithWeekday(due)}${late ? ' : délai dépassé' : ''}`
        : 'non publié',
    publicationTone: minutes.publishedOn ? 'ok' : late ? 'bad' : 'warn',
    draftNotice: null,
    debates,
    pdf: pdf('Procès-verbal de la séance (PDF)'),
  };
}

export interface DebatesVm {
  /** The secretary's Markdown as HTML, escaped by markdown-it (html: false); null when nothing is written. */
  html: string | null;
  /** Which procès-verbal the text comes from: a draft may still change. */
  source: string;
}

/** The debates of one item, or null when its session has no procès-verbal (never sat, or cancelled). */
export function debatesVm(itemId: string, sessionStatus: string, minutes: MinutesInput | null): DebatesVm | null {
  if (!minutes || !hasMinutes(sessionStatus, minutes)) return null;
  const text = minutes.items.find((i) => i.itemId === itemId)?.textMd ?? '';
  return {
    html: debatesHtml(text),
    source: adopted(minutes)
      ? `Extrait du procès-verbal adopté lors de la séance du ${formatDateWithWeekday(minutes.adoptedOn)} (art. L2121-15 du CGCT).`
      : "Extrait du projet de procès-verbal, non encore adopté : le texte peut encore changer (art. L2121-15 du CGCT).",
  };
}

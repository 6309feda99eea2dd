// The notice a convocation must give (L2121-11, L2121-12; EPCI likewise through L5211-1): pure.
import { DomainError } from './errors';

/** Kinds of collectivity whose councils follow the communal notice (départements and régions have their own rules). */
const COMMUNAL = new Set(['commune', 'communaute_communes', 'communaute_agglomeration', 'communaute_urbaine', 'metropole', 'syndicat']);

export interface NoticeRule {
  /** Clear days (jours francs) required between the convocation and the session. */
  days: number;
  article: 'L2121-11' | 'L2121-12';
}

/**
 * Three clear days under 3,500 inhabitants (L2121-11), five from 3,500 (L2121-12). For an EPCI or a syndicat,
 * `population` is that of its largest member commune (L5211-1 applies the rule of communes of 3,500 or more when one
 * has them). Unknown population: the three days every council owes at least. Départements and régions: null.
 */
export function noticeRule(kind: string, population: number | null): NoticeRule | null {
  if (!COMMUNAL.has(kind)) return null;
  return population !== null && population >= 3500 ? { days: 5, article: 'L2121-12' } : { days: 3, article: 'L2121-11' };
}

/** Days strictly between the two dates: neither the day the convocation is sent nor the day of the session counts. */
export function clearDaysBetween(convocationDate: string, sessionDate: string): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  return day(sessionDate) - day(convocationDate) - 1;
}

/** In urgency the notice may be shortened, to one clear day at least; the council rules on the urgency at the opening. */
export const URGENCY_MIN_DAYS = 1;

export function checkConvocationNotice(p: { kind: string; population: number | null; convocationDate: string | null; sessionDate: string; urgency: boolean }): void {
  const rule = noticeRule(p.kind, p.population);
  if (!rule || !p.convocationDate) return;
  const given = clearDaysBetween(p.convocationDate, p.sessionDate);
  const needed = p.urgency ? URGENCY_MIN_DAYS : rule.days;
  if (given >= needed) return;
  throw new DomainError(
    'CONVOCATION_NOTICE_TOO_SHORT',
    p.urgency
      ? `Convocation of ${p.convocationDate} for ${p.sessionDate}: ${given} clear day(s); even in urgency one clear day is needed (${rule.article})`
      : `Convocation of ${p.convocationDate} for ${p.sessionDate}: ${given} clear day(s), ${rule.days} needed (${rule.article}); in urgency set urgency: true`,
    { field: 'convocationDate', given, needed, article: rule.article, urgency: p.urgency },
  );
}

// What an RNE import will do to a collectivity's members: pure, so that the preview and the confirmed import
// compute the same plan from the same file and register.
import { createHash } from 'node:crypto';
import type { Civility } from '../domain/types';
import type { RneRow } from './rne-parser';

/** A member of the register, with his seat in the body the import fills (if any, on the mandate start). */
export interface RegisterPerson {
  id: string;
  civility: Civility;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  seatedInBody: boolean;
}

export interface PlannedPerson {
  civility: Civility;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  /** The first function the file gives him ("Maire", "Président"...), printed as the title of his seat. */
  title: string | null;
  mandateStart: string;
  lines: number[];
}

export interface RneChange {
  field: 'birthDate' | 'membership';
  from: string | null;
  to: string;
}

export interface RnePlan {
  create: PlannedPerson[];
  change: { memberId: string; person: PlannedPerson; changes: RneChange[] }[];
  unchanged: { memberId: string; person: PlannedPerson }[];
  /** Members seated in the body whom the file does not name: left as they are (an import never ends a mandate). */
  left: { memberId: string; name: string }[];
  /** SHA-256 of the plan: the confirmation carries it, so what is applied is what was previewed. */
  digest: string;
}

/** Case, accents, hyphens and spacing do not make two people. */
export const personKey = (lastName: string, firstName: string): string =>
  `${fold(lastName)}|${fold(firstName)}`;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[\s\-'’]+/g, ' ').trim().toUpperCase();

/**
 * The title of a seat as acts print it: "Président du conseil communautaire" is "Président" in the body's own
 * acts; "1er adjoint au maire" stays as it is.
 */
export function seatTitle(label: string | null): string | null {
  if (!label) return null;
  return label.replace(/\s+du conseil (communautaire|municipal|syndical|départemental|régional)$/i, '').trim() || null;
}

/** An élu with two functions (adjoint and maire délégué) is on two lines: one person. */
export function peopleOf(rows: RneRow[]): PlannedPerson[] {
  const byKey = new Map<string, PlannedPerson>();
  for (const r of rows) {
    const key = `${personKey(r.lastName, r.firstName)}|${r.birthDate ?? ''}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.lines.push(r.line);
      seen.title ??= seatTitle(r.functionLabel);
      if (r.mandateStart < seen.mandateStart) seen.mandateStart = r.mandateStart;
      continue;
    }
    byKey.set(key, {
      civility: r.civility, firstName: r.firstName, lastName: r.lastName, birthDate: r.birthDate, title: seatTitle(r.functionLabel),
      mandateStart: r.mandateStart, lines: [r.line],
    });
  }
  return [...byKey.values()];
}

/**
 * Matches each person of the file with a member of the register: same names and same birth date, or same names
 * when the register has no birth date for him (which the import then fills).
 */
export function planRneImport(people: PlannedPerson[], register: RegisterPerson[]): RnePlan {
  const create: RnePlan['create'] = [];
  const change: RnePlan['change'] = [];
  const unchanged: RnePlan['unchanged'] = [];
  const matched = new Set<string>();
  for (const person of people) {
    const key = personKey(person.lastName, person.firstName);
    const candidates = register.filter((m) => !matched.has(m.id) && personKey(m.lastName, m.firstName) === key);
    const member = candidates.find((m) => m.birthDate !== null && m.birthDate === person.birthDate)
      ?? candidates.find((m) => m.birthDate === null);
    if (!member) {
      create.push(person);
      continue;
    }
    matched.add(member.id);
    const changes: RneChange[] = [];
    if (member.birthDate === null && person.birthDate) changes.push({ field: 'birthDate', from: null, to: person.birthDate });
    if (!member.seatedInBody) changes.push({ field: 'membership', from: null, to: person.mandateStart });
    if (changes.length) change.push({ memberId: member.id, person, changes });
    else unchanged.push({ memberId: member.id, person });
  }
  const left = register
    .filter((m) => m.seatedInBody && !matched.has(m.id))
    .map((m) => ({ memberId: m.id, name: `${m.firstName} ${m.lastName}` }));
  const body = { create, change, unchanged, left };
  return { ...body, digest: createHash('sha256').update(JSON.stringify(body)).digest('hex') };
}

// The Répertoire national des élus (RNE), published by the Interior ministry on data.gouv.fr: one CSV per
// mandate, `;`-separated, UTF-8, one line per mandate and function. Pure: text in, rows and line errors out.
import { parse } from 'csv-parse/sync';
import type { Civility } from '../domain/types';

/** Header of the conseillers municipaux file (2026 release). */
export const RNE_MUNICIPAL_HEADER = [
  'Code du département', 'Libellé du département', 'Code de la collectivité à statut particulier',
  'Libellé de la collectivité à statut particulier', 'Code de la commune', 'Libellé de la commune', "Nom de l'élu",
  "Prénom de l'élu", 'Code sexe', 'Date de naissance', 'Code de la catégorie socio-professionnelle',
  'Libellé de la catégorie socio-professionnelle', 'Date de début du mandat', 'Libellé de la fonction',
  'Date de début de la fonction', 'Code nationalité',
] as const;

/**
 * Header of the conseillers communautaires file: the EPCI (its SIREN and name) and the councillor's commune
 * of attachment replace the collectivité à statut particulier and the commune.
 */
export const RNE_COMMUNITY_HEADER = [
  'Code du département', 'Libellé du département', 'N° SIREN', "Libellé de l'EPCI", 'Code de la commune de rattachement',
  'Libellé de la commune de rattachement', "Nom de l'élu", "Prénom de l'élu", 'Code sexe', 'Date de naissance',
  'Code de la catégorie socio-professionnelle', 'Libellé de la catégorie socio-professionnelle', 'Date de début du mandat',
  'Libellé de la fonction', 'Date de début de la fonction', 'Code nationalité',
] as const;

export type RneFileKind = 'municipal' | 'community';

export interface RneRow {
  /** Line in the file (the header is line 1). */
  line: number;
  civility: Civility;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  mandateStart: string;
  /** Empty for a plain councillor; else "Maire", "1er adjoint au maire", "Président"... */
  functionLabel: string | null;
  /** The commune (municipal file) or the EPCI's SIREN (community file) the mandate is held in. */
  unitCode: string;
  unitName: string;
}

export interface RneLineError {
  line: number;
  field: string;
  message: string;
}

export interface RneFile {
  kind: RneFileKind;
  rows: RneRow[];
  errors: RneLineError[];
}

export class RneFormatError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
  }
}

// Only the columns the import reads must be there; the order and the other columns may change between releases.
const COMMON = ["Nom de l'élu", "Prénom de l'élu", 'Code sexe', 'Date de naissance', 'Date de début du mandat', 'Libellé de la fonction'];
const UNIT: Record<RneFileKind, [code: string, name: string]> = {
  municipal: ['Code de la commune', 'Libellé de la commune'],
  community: ['N° SIREN', "Libellé de l'EPCI"],
};

/** Parses an RNE file (municipal or community, told by its header); a malformed line is reported, not fatal. */
export function parseRne(text: string): RneFile {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw new RneFormatError(`The file is not a semicolon-separated CSV: ${(e as Error).message.split('\n')[0]}`, 'file');
  }
  if (records.length === 0) throw new RneFormatError('The file is empty', 'file');
  const header = records[0];
  const kind: RneFileKind | null = header.includes('N° SIREN') ? 'community' : header.includes('Code de la commune') ? 'municipal' : null;
  if (!kind) throw new RneFormatError('The header names neither "Code de la commune" (conseillers municipaux) nor "N° SIREN" (conseillers communautaires)', 'header');
  const missing = [...COMMON, ...UNIT[kind]].filter((c) => !header.includes(c));
  if (missing.length) throw new RneFormatError(`The header lacks ${missing.map((m) => `"${m}"`).join(', ')}`, 'header');
  const col = (name: string) => header.indexOf(name);
  const at = (r: string[], name: string) => (r[col(name)] ?? '').trim();
  const rows: RneRow[] = [];
  const errors: RneLineError[] = [];
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    const fail = (field: string, message: string) => errors.push({ line, field, message });
    const sex = at(r, 'Code sexe').toUpperCase();
    const lastName = at(r, "Nom de l'élu");
    const firstName = at(r, "Prénom de l'élu");
    const birth = at(r, 'Date de naissance');
    const birthDate = birth ? rneDate(birth) : null;
    const mandateStart = rneDate(at(r, 'Date de début du mandat'));
    const unitCode = at(r, UNIT[kind][0]);
    if (!lastName) return fail("Nom de l'élu", 'empty');
    if (!firstName) return fail("Prénom de l'élu", 'empty');
    if (sex !== 'M' && sex !== 'F') return fail('Code sexe', `"${sex}" is neither M nor F`);
    if (birth && !birthDate) return fail('Date de naissance', `"${birth}" is not a date (yyyy-mm-dd or dd/mm/yyyy)`);
    if (!mandateStart) return fail('Date de début du mandat', `"${at(r, 'Date de début du mandat')}" is not a date (yyyy-mm-dd or dd/mm/yyyy)`);
    if (!unitCode) return fail(UNIT[kind][0], 'empty');
    rows.push({
      line, civility: sex === 'F' ? 'Mme' : 'M.', lastName, firstName, birthDate, mandateStart,
      functionLabel: at(r, 'Libellé de la fonction') || null, unitCode, unitName: at(r, UNIT[kind][1]),
    });
  });
  return { kind, rows, errors };
}

/** ISO (2026 releases) or dd/mm/yyyy (older ones) → yyyy-mm-dd; null when it is no real calendar date. */
export function rneDate(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = s.includes('/') ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return null;
  return `${y}-${mo}-${d}`;
}

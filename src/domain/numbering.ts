// Deliberation numbers ("19-09-107", "DEL2023-01", "2023/021") and @ctes act identifiers.
import { DomainError } from './errors';
import { assertIsoDate } from './iso-date';

export interface NumberValues {
  /** Session date, YYYY-MM-DD. */
  date: string;
  /** Order number of the item within its series (1-based). */
  seq: number;
  /** Short code of the body, for {body}. */
  bodyCode?: string;
}

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'yyyy' | 'yy' | 'mm' | 'dd' | 'body' }
  | { kind: 'seq'; width: number };

const TOKEN = /^(yyyy|yy|mm|dd|body|seq)(?::(\d+))?$/;
const MAX_SEQ_WIDTH = 9;

function invalidPattern(pattern: string, why: string): never {
  throw new DomainError('NUMBER_PATTERN_INVALID', `Number pattern "${pattern}" ${why}`, { pattern });
}

function parsePattern(pattern: string): Token[] {
  if (typeof pattern !== 'string' || pattern.length === 0) invalidPattern(String(pattern), 'is empty');
  const tokens: Token[] = [];
  let text = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '}') invalidPattern(pattern, `has an unmatched "}" at ${i + 1}`);
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const end = pattern.indexOf('}', i);
    if (end < 0) invalidPattern(pattern, `has an unclosed "{" at ${i + 1}`);
    const name = pattern.slice(i + 1, end);
    const m = TOKEN.exec(name);
    if (!m) invalidPattern(pattern, `uses unknown token {${name}} (known: {yyyy} {yy} {mm} {dd} {seq} {seq:N} {body})`);
    if (m[2] !== undefined && m[1] !== 'seq') invalidPattern(pattern, `gives a width to {${m[1]}}, only {seq:N} takes one`);
    if (text) tokens.push({ kind: 'text', text });
    text = '';
    if (m[1] === 'seq') {
      const width = m[2] === undefined ? 1 : Number(m[2]);
      if (width < 1 || width > MAX_SEQ_WIDTH) invalidPattern(pattern, `pads {seq} to ${width}; allowed 1 to ${MAX_SEQ_WIDTH}`);
      tokens.push({ kind: 'seq', width });
    } else {
      tokens.push({ kind: m[1] as 'yyyy' | 'yy' | 'mm' | 'dd' | 'body' });
    }
    i = end + 1;
  }
  if (text) tokens.push({ kind: 'text', text });
  // Without the sequence two items of the same day would get the same number.
  if (!tokens.some((t) => t.kind === 'seq')) invalidPattern(pattern, 'has no {seq}');
  return tokens;
}

/**
 * Throws NUMBER_PATTERN_INVALID when a body cannot number its items with the pattern. The sequence
 * restarts each year (one per body and year), so the year must be part of the number or numbers repeat.
 */
export function validateNumberPattern(pattern: string): void {
  const tokens = parsePattern(pattern);
  if (!tokens.some((t) => t.kind === 'yyyy' || t.kind === 'yy')) invalidPattern(pattern, 'has no {yyyy} or {yy}: the sequence restarts every year');
}

export function formatItemNumber(pattern: string, v: NumberValues): string {
  const tokens = parsePattern(pattern);
  assertIsoDate(v.date);
  if (!Number.isSafeInteger(v.seq) || v.seq < 1) {
    throw new DomainError('VALIDATION_FAILED', `seq must be an integer >= 1, got ${v.seq}`, { field: 'seq', value: v.seq });
  }
  const [yyyy, mm, dd] = v.date.split('-');
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'text':
        out += t.text;
        break;
      case 'yyyy':
        out += yyyy;
        break;
      case 'yy':
        out += yyyy.slice(2);
        break;
      case 'mm':
        out += mm;
        break;
      case 'dd':
        out += dd;
        break;
      case 'seq':
        out += String(v.seq).padStart(t.width, '0');
        break;
      case 'body':
        if (!v.bodyCode) {
          throw new DomainError('VALIDATION_FAILED', `Pattern "${pattern}" uses {body} but the body has no code`, {
            field: 'bodyCode',
          });
        }
        out += v.bodyCode;
        break;
    }
  }
  return out;
}

// @ctes natures (DOMAIN.md): code letters and their numeric codes.
export const ACTES_NATURES = { DE: 1, AR: 2, AI: 3, CC: 4, BF: 5, AU: 6 } as const;
export type ActesNature = keyof typeof ACTES_NATURES;

export const ACTE_INTERNAL_NUMBER_MAX = 15;
/** NumeroInterne of the @ctes message (actesv1_1.xsd). */
export const ACTE_INTERNAL_NUMBER = /^[0-9A-Z_]{2,15}$/;

/**
 * The @ctes internal number of a deliberation number: upper case, every other character "_"
 * ("19-09-107" → "19_09_107", "2023/009" → "2023_009", "DEL2023-2" → "DEL2023_2").
 */
export function acteInternalNumber(number: string): string {
  const out = String(number ?? '').toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  if (!ACTE_INTERNAL_NUMBER.test(out)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Act number "${number}" gives "${out}" for @ctes, which must have 2 to ${ACTE_INTERNAL_NUMBER_MAX} characters of [0-9A-Z_]`,
      { field: 'number', value: number, internal: out },
    );
  }
  return out;
}

/** A deliberation number as councils publish it ("19-09-107", "DEL2023-2", "01-02", "2023/009"). */
export const PUBLISHED_NUMBER = /^[0-9A-Za-z](?:[0-9A-Za-z_./-]{0,28}[0-9A-Za-z])?$/;

export function assertPublishedNumber(number: string, field = 'number'): string {
  if (!PUBLISHED_NUMBER.test(number)) {
    throw new DomainError('VALIDATION_FAILED', `${field} "${number}" must be 1 to 30 letters, digits and - _ . / (starting and ending with a letter or digit)`, { field, value: number });
  }
  acteInternalNumber(number);
  return number;
}

export interface ActeIdentifierParts {
  /** Three characters: "062", "974", "02A". */
  departement: string;
  siren: string;
  /** Decision date, YYYY-MM-DD. */
  date: string;
  /** The number as the platform wrote it; may hold hyphens ("2023-021"). */
  number: string;
  nature: ActesNature;
}

const IDENTIFIER_LEFT = /^(\d{3}|0?2[AB])-(\d{9})-(\d{4})(\d{2})(\d{2})-/;
const IDENTIFIER_RIGHT = /-(DE|AR|AI|CC|BF|AU)$/;
// At most the 15 characters of a NumeroInterne, but as the platform wrote them: hyphens and others kept.
const IDENTIFIER_NUMBER = /^[0-9A-Za-z_./-]{1,15}$/;

/**
 * Reads an identifier returned by the transmission platform from both ends: département, SIREN and date
 * from the left, nature from the right; what lies between is the number, hyphens included
 * ("065-200070787-20230216-2023-021-DE"). Null when it is not one.
 */
export function parseActeIdentifier(identifier: string): ActeIdentifierParts | null {
  if (typeof identifier !== 'string' || identifier.length > 80) return null;
  const left = IDENTIFIER_LEFT.exec(identifier);
  const right = IDENTIFIER_RIGHT.exec(identifier);
  if (!left || !right || left[0].length + right[0].length > identifier.length) return null;
  const number = identifier.slice(left[0].length, identifier.length - right[0].length);
  if (!IDENTIFIER_NUMBER.test(number)) return null;
  const date = `${left[3]}-${left[4]}-${left[5]}`;
  try {
    assertIsoDate(date);
  } catch {
    return null;
  }
  const departement = left[1].length === 2 ? `0${left[1]}` : left[1];
  return { departement, siren: left[2], date, number, nature: right[1] as ActesNature };
}

/**
 * An identifier the platform returned for this act: it must name the collectivity's département and SIREN,
 * the act's local date and nature. Stored as given; VALIDATION_FAILED naming `field` otherwise.
 */
export function assertActeIdentifierOf(identifier: string, expected: Omit<ActeIdentifierInput, 'number'>, field = 'acteId'): ActeIdentifierParts {
  const prefix = acteIdentifier({ ...expected, number: 'NN' }).split('-');
  const parts = parseActeIdentifier(identifier);
  const wanted = `${prefix[0]}-${prefix[1]}-${prefix[2]}-{number}-${prefix[4]}`;
  if (!parts) {
    throw new DomainError('VALIDATION_FAILED', `${field} must read ${wanted}, got "${identifier}"`, { field, expected: wanted });
  }
  const mismatch = ([
    ['département', parts.departement, prefix[0]],
    ['SIREN', parts.siren, prefix[1]],
    ['date', parts.date.replace(/-/g, ''), prefix[2]],
    ['nature', parts.nature, prefix[4]],
  ] as const).find(([, got, want]) => got !== want);
  if (mismatch) {
    throw new DomainError('VALIDATION_FAILED', `${field} "${identifier}" names the ${mismatch[0]} ${mismatch[1]}, this act's is ${mismatch[2]} (${wanted})`, {
      field, part: mismatch[0], expected: wanted,
    });
  }
  return parts;
}

export interface ActeIdentifierInput {
  departementCode: string;
  siren: string;
  /** Decision date, YYYY-MM-DD. */
  date: string;
  number: string;
  nature: ActesNature;
}

/** `{département, 3 chars}-{SIREN}-{YYYYMMDD}-{internal number}-{nature}`, e.g. 062-200000000-20190930-19_09_107-DE. */
export function acteIdentifier(i: ActeIdentifierInput): string {
  const dep = String(i.departementCode ?? '').toUpperCase();
  if (!/^(\d{1,3}|2[AB])$/.test(dep)) {
    throw new DomainError('VALIDATION_FAILED', `Département code "${i.departementCode}" is not valid`, {
      field: 'departementCode',
      value: i.departementCode,
    });
  }
  if (!/^\d{9}$/.test(String(i.siren))) {
    throw new DomainError('VALIDATION_FAILED', `SIREN "${i.siren}" must have 9 digits`, { field: 'siren', value: i.siren });
  }
  if (!(i.nature in ACTES_NATURES)) {
    throw new DomainError('VALIDATION_FAILED', `Nature "${i.nature}" is not one of ${Object.keys(ACTES_NATURES).join(', ')}`, {
      field: 'nature',
      value: i.nature,
    });
  }
  assertIsoDate(i.date);
  return [dep.padStart(3, '0'), i.siren, i.date.replace(/-/g, ''), acteInternalNumber(i.number), i.nature].join('-');
}

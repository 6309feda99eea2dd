// French legal formatting: the formulas councils have written in their registers for a century.
// Pure functions over plain data, no I/O.
import type { Civility, MemberRef } from '../domain/types';

const UNITS = [
  'zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
  'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf',
];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

/** 0..99, traditional spelling (hyphens below one hundred, "et" in 21, 31... 71). */
function belowHundred(n: number): string {
  if (n < 20) return UNITS[n];
  const ten = Math.floor(n / 10);
  let unit = n % 10;
  if (ten === 7 || ten === 9) unit += 10; // soixante-dix, quatre-vingt-dix
  if (unit === 0) return ten === 8 ? 'quatre-vingts' : TENS[ten];
  if ((unit === 1 || unit === 11) && ten !== 8 && ten !== 9) return `${TENS[ten]} et ${UNITS[unit]}`;
  return `${TENS[ten]}-${UNITS[unit]}`;
}

/** 0..999; `final` says whether "cents"/"quatre-vingts" ends the number (they keep their s only then). */
function belowThousand(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) {
    const cent = hundreds === 1 ? 'cent' : `${UNITS[hundreds]} cent`;
    parts.push(hundreds > 1 && rest === 0 && final ? `${cent}s` : cent);
  }
  if (rest > 0 || hundreds === 0) {
    const words = belowHundred(rest);
    parts.push(!final && words === 'quatre-vingts' ? 'quatre-vingt' : words);
  }
  return parts.join(' ');
}

/** A whole number in French words, 0 ≤ n < 10^12 ("mil" instead of "mille" on request, for years). */
export function numberToFrenchWords(n: number, options: { mil?: boolean } = {}): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`Cannot spell ${n} in French`);
  if (n < 1000) return belowThousand(n, true);
  const scales: [number, string, string][] = [
    [1e9, 'milliard', 'milliards'],
    [1e6, 'million', 'millions'],
  ];
  const parts: string[] = [];
  let rest = n;
  for (const [value, one, many] of scales) {
    const count = Math.floor(rest / value);
    rest %= value;
    if (count > 0) parts.push(`${belowThousand(count, true)} ${count > 1 ? many : one}`);
  }
  const thousands = Math.floor(rest / 1000);
  rest %= 1000;
  if (thousands > 0) {
    const mille = options.mil ? 'mil' : 'mille';
    parts.push(thousands === 1 ? mille : `${belowThousand(thousands, false)} ${mille}`);
  }
  if (rest > 0) parts.push(belowThousand(rest, true));
  return parts.join(' ');
}

/** The year as registers write it: "deux mille dix-neuf", or the older "deux mil dix-neuf". */
export function yearInWords(year: number, options: { mil?: boolean } = {}): string {
  return numberToFrenchWords(year, options);
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

function parseLocalDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new RangeError(`Not a date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "1er" for the first day of a month, as French usage wants; the number otherwise. */
export function dayOfMonth(day: number): string {
  return day === 1 ? '1er' : String(day);
}

export function weekdayOf(date: string): string {
  const { year, month, day } = parseLocalDate(date);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

/** "30 septembre 2019", "1er octobre 2019". */
export function formatDateLong(date: string): string {
  const { year, month, day } = parseLocalDate(date);
  return `${dayOfMonth(day)} ${MONTHS[month - 1]} ${year}`;
}

/** "lundi 30 septembre 2019". */
export function formatDateWithWeekday(date: string): string {
  return `${weekdayOf(date)} ${formatDateLong(date)}`;
}

/** "30/09/2019" for tables. */
export function formatDateShort(date: string): string {
  const { year, month, day } = parseLocalDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** "18 heures 30", "9 heures", "18 heures 05". */
export function formatTimeInWords(time: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) throw new RangeError(`Not a time: ${time}`);
  const hours = Number(match[1]);
  const minutes = match[2];
  const hourWord = hours <= 1 ? 'heure' : 'heures';
  return minutes === '00' ? `${hours} ${hourWord}` : `${hours} ${hourWord} ${minutes}`;
}

/** "L'an deux mil dix-neuf, le lundi 30 septembre à 18 heures 30". */
export function openingDateFormula(localDate: string, localTime: string, options: { mil?: boolean } = {}): string {
  const { year, month, day } = parseLocalDate(localDate);
  const weekday = weekdayOf(localDate);
  return `L'an ${yearInWords(year, options)}, le ${weekday} ${dayOfMonth(day)} ${MONTHS[month - 1]} à ${formatTimeInWords(localTime)}`;
}

/** Initials of a first name: "Jean-Marie" → "J.M.", "Guy Alain" → "G.A.", "Élise" → "É.". */
export function initials(firstName: string): string {
  return firstName
    .split(/[\s-]+/)
    .filter((part) => part.length > 0)
    .map((part) => `${part.charAt(0).toLocaleUpperCase('fr-FR')}.`)
    .join('');
}

export function upperName(lastName: string): string {
  return lastName.toLocaleUpperCase('fr-FR');
}

/** Attendance lists: "DELATTRE J." (surname first, initials keep namesakes apart). */
export function memberShortName(member: Pick<MemberRef, 'firstName' | 'lastName'>): string {
  return `${upperName(member.lastName)} ${initials(member.firstName)}`;
}

/** Proxy mentions: "R. DENUNCQ", "J.M. ALLOUCHERY". */
export function memberInitialName(member: Pick<MemberRef, 'firstName' | 'lastName'>): string {
  return `${initials(member.firstName)} ${upperName(member.lastName)}`;
}

/** Signatures and formulas (R2131-1 wants first name and surname): "Christian LEROY". */
export function memberFullName(member: Pick<MemberRef, 'firstName' | 'lastName'>): string {
  return `${member.firstName} ${upperName(member.lastName)}`;
}

export function civilityWord(civility: Civility): 'Monsieur' | 'Madame' {
  return civility === 'Mme' ? 'Madame' : 'Monsieur';
}

/** Agreement of a past participle or title with the member: élu / élue. */
export function agree(civility: Civility, masculine: string, feminine: string): string {
  return civility === 'Mme' ? feminine : masculine;
}

// Elision before a vowel or a mute h, accented capitals included: "d'H. CARVALHO", "d'E. BOIN".
const ELIDING = /^[aeiouyhàâäéèêëîïôöùûüÿœæ]/i;

export function startsWithVowelSound(word: string): boolean {
  return ELIDING.test(word.trim());
}

/** "de R. DENUNCQ" / "d'H. CARVALHO"; works for "le"/"la" too ("l'"). */
export function elide(particle: 'de' | 'le' | 'la' | 'que', next: string): string {
  if (!startsWithVowelSound(next)) return `${particle} ${next}`;
  const short = particle === 'que' ? 'qu' : particle.charAt(0);
  return `${short}'${next}`;
}

export function receivesProxyFrom(giver: MemberRef): string {
  return `reçoit pouvoir ${elide('de', memberInitialName(giver))}`;
}

export function givesProxyTo(holder: MemberRef): string {
  return `donne pouvoir à ${memberInitialName(holder)}`;
}

export interface CivilityGroup<T> {
  /** "Mesdames" / "Madame" / "Messieurs" / "Monsieur". */
  label: string;
  entries: T[];
}

/** Women then men, as registers list them; singular label for a single member. Order kept within a group. */
export function groupByCivility<T>(entries: T[], civilityOf: (entry: T) => Civility): CivilityGroup<T>[] {
  const women = entries.filter((entry) => civilityOf(entry) === 'Mme');
  const men = entries.filter((entry) => civilityOf(entry) !== 'Mme');
  const groups: CivilityGroup<T>[] = [];
  if (women.length > 0) groups.push({ label: women.length === 1 ? 'Madame' : 'Mesdames', entries: women });
  if (men.length > 0) groups.push({ label: men.length === 1 ? 'Monsieur' : 'Messieurs', entries: men });
  return groups;
}

/** "1er", "2e", feminine "1re" ("1re convocation"). */
export function ordinal(n: number, gender: 'm' | 'f' = 'm'): string {
  if (n === 1) return gender === 'f' ? '1re' : '1er';
  return `${n}e`;
}

/** "premier", "second"/"deuxième", "troisième": rounds of an election are written out. */
export function ordinalInWords(n: number, gender: 'm' | 'f' = 'm'): string {
  if (n === 1) return gender === 'f' ? 'première' : 'premier';
  const words = numberToFrenchWords(n);
  const stem = words.replace(/e$/, '').replace(/q$/, 'qu').replace(/f$/, 'v');
  return n === 5 ? 'cinquième' : n === 9 ? 'neuvième' : `${stem}ième`;
}

/** "1 voix", "2 voix", "1 abstention", "3 abstentions". */
export function countNoun(count: number, singular: string, plural: string): string {
  return `${count} ${count > 1 ? plural : singular}`;
}

/** Sentence of a vote result in the voice of the register: "par 30 voix pour, 3 voix contre et 2 abstentions". */
export function voteCountsWording(counts: { pour: number; contre: number; abstention: number }): string {
  const parts = [`${countNoun(counts.pour, 'voix', 'voix')} pour`];
  if (counts.contre > 0) parts.push(`${countNoun(counts.contre, 'voix', 'voix')} contre`);
  if (counts.abstention > 0) parts.push(countNoun(counts.abstention, 'abstention', 'abstentions'));
  const last = parts.pop() as string;
  return `par ${parts.length > 0 ? `${parts.join(', ')} et ${last}` : last}`;
}

/** Joins names the French way: "A, B et C". */
export function joinFrench(items: string[], separator = ', ', last = ' et '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)}${last}${items[items.length - 1]}`;
}

/** First letter up: used when a formula opens a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}

// Characters that would change meaning in the small Markdown subset the templates produce.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~#]/g;

const SUPERSCRIPT = /(<sup>[^<>]*<\/sup>)/i;

/**
 * Escapes plain text (names, objects) so that Markdown renders it literally, except a superscript typed
 * as a balanced <sup>…</sup> ("2<sup>e</sup> vice-président"), which the page prints raised.
 */
export function escapeMarkdown(text: string): string {
  const literal = (part: string): string => part.replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
  return text
    .split(SUPERSCRIPT)
    .map((part, i) => (i % 2 === 1 ? `<sup>${literal(part.slice(5, -6))}</sup>` : literal(part)))
    .join('');
}

/** The same text for plain-text places (PDF metadata, file names): superscript tags dropped, "2e". */
export function withoutSuperscriptTags(text: string): string {
  return text.replace(/<sup>([^<>]*)<\/sup>/gi, '$1');
}

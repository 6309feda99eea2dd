// French typography of the printed page, applied once to the text of every block before it is set:
// the wording (src/wording) says the words, this says where a line may not break. Only spaces that are
// already in the text become non-breaking; no character is added or removed.
const NBSP = '\u00A0';
const CAPS_WORD = "\\p{Lu}[\\p{Lu}'’\\-]+";
const INITIALS = '(?:\\p{Lu}\\.)+';
// Particles of surnames written in capitals after an initial: "N. DE JONGHE", "P. VAN DAMME".
const PARTICLE = "(?:DE|DU|DES|D'|D’|LE|LA|LES|VAN|VON|DER|DI|DA|DEL|DELLA|MAC|MC|SAINT|ST|SAINTE|STE)";

const RULES: [RegExp, string][] = [
  // Before the high punctuation and the closing guillemet, after the opening one (Lexique de l'Imprimerie nationale).
  [/ +(?=[:;?!»])/g, NBSP],
  [/(?<=«) +/g, NBSP],
  // "n° 107", "N° 19-09-107", "art. L2121-17", "M. Paul", "Mme Claire".
  [/(?<=(?:^|[\s(])(?:n°|N°|nos|art\.|M\.|MM\.|Mme|Mmes|Mlle)) +(?=\S)/g, NBSP],
  // An initial stays with its surname: "R. DENUNCQ", "J.M. ALLOUCHERY", "d'H. CARVALHO", "N. DE JONGHE".
  [new RegExp(`(?<=(?:^|[\\s'’(])${INITIALS}) +(?=\\p{Lu}{2})`, 'gu'), NBSP],
  [new RegExp(`(?<=${INITIALS}${NBSP}${PARTICLE}) +(?=\\p{Lu}{2})`, 'gu'), NBSP],
  // ...and a surname with its initials, particles included: "DE JONGHE N.", "FOURRIER B.", "ALLOUCHERY J.M.".
  [new RegExp(`(?<=(?:^|[\\s(])${CAPS_WORD}) +(?=(?:${CAPS_WORD} +)*${INITIALS}(?=$|[\\s,;:)]))`, 'gu'), NBSP],
  // Thousands and units: "4 500 €", "12 %".
  [/(?<=\d) (?=\d{3}(?!\d))/g, NBSP],
  [/(?<=\d) +(?=[€%])/g, NBSP],
];

// The same runs come back in every act of a body (names, formulas): nine regular expressions each, once.
const spaced = new Map<string, string>();
const MAX_CACHED_RUNS = 20_000;

/** Where French typography wants a non-breaking space, the spaces of `text` become non-breaking. */
export function frenchSpacing(text: string): string {
  if (!text.includes(' ')) return text; // every rule turns a space into a non-breaking one
  let out = spaced.get(text);
  if (out === undefined) {
    out = text;
    for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
    if (spaced.size >= MAX_CACHED_RUNS) spaced.clear();
    spaced.set(text, out);
  }
  return out;
}

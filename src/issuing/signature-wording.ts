// The words an issued act adds after its text: who signed and how (L2121-23), in French.
import type { DeliberationRecord, SeatedMember } from '../domain/types';
import type { IssuedSigner, SignatureMode } from './issuing.entities';

const PARIS = 'Europe/Paris';

// Making an Intl formatter costs a millisecond; formatting with one, microseconds: one pair per time zone.
const formatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/** "12 mars 2026 à 19 h 05", in the collectivity's time zone. */
export function frenchDateTime(iso: string, timeZone = PARIS): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat('fr-FR', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }),
      time: new Intl.DateTimeFormat('fr-FR', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    formatters.set(timeZone, f);
  }
  const d = new Date(iso);
  return `${f.date.format(d)} à ${f.time.format(d).replace(':', ' h ')}`;
}

export const displayName = (m: Pick<SeatedMember, 'civility' | 'firstName' | 'lastName'>) => `${m.civility} ${m.firstName} ${m.lastName}`;

export function signerLine(s: IssuedSigner, timeZone = PARIS): string {
  return `${s.name}, ${s.capacity === 'president' ? 'président(e) de séance' : 'secrétaire de séance'}, le ${frenchDateTime(s.signedAt, timeZone)}`;
}

/** Markdown appended to the extract when it is issued. */
export function signaturesMarkdown(record: DeliberationRecord, signers: IssuedSigner[], mode: SignatureMode, timeZone = PARIS): string {
  if (mode === 'paper') {
    return [
      '<!-- keep -->',
      '**Signature.** Conformément à l\'article L2121-23 du code général des collectivités territoriales dans sa rédaction alors en vigueur, '
        + `la délibération a été signée au registre par les membres présents à la séance du ${record.session.localDate.split('-').reverse().join('/')}.`,
      '<!-- /keep -->',
    ].join('\n\n');
  }
  const how = mode === 'signers' ? 'chacun avec son certificat'
    : mode === 'seal' ? 'sous le cachet électronique de la collectivité'
    : 'avec un certificat de DÉVELOPPEMENT, sans valeur légale';
  return [
    '<!-- keep -->',
    `**Signature électronique** (article L2121-23 du code général des collectivités territoriales), ${how} :`,
    signers.map((s) => `- ${signerLine(s, timeZone)}`).join('\n'),
    '<!-- /keep -->',
  ].join('\n\n');
}

/** The reason a seal's signature gives: the signers and their times. */
export function sealReason(signers: IssuedSigner[], timeZone = PARIS): string {
  return `Signé (L2121-23 CGCT) par ${signers.map((s) => signerLine(s, timeZone)).join(' ; ')}`;
}

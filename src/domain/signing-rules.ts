// Which signing rules an act falls under, by its date (L2121-23). Who signs: src/domain/signing.ts.

/**
 * Ordonnance 2021-1310 and décret 2021-1311, in force on 1 July 2022: deliberations are signed by the
 * president and the secretary or secretaries of the session. Before, by the members present, on the
 * paper register.
 */
export const ELECTRONIC_SIGNATURE_FROM = '2022-07-01';

export type SigningRegime = 'signatories' | 'paper-register';

export function signingRegime(sessionLocalDate: string): SigningRegime {
  return sessionLocalDate >= ELECTRONIC_SIGNATURE_FROM ? 'signatories' : 'paper-register';
}

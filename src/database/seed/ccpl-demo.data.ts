// Demo data: the Conseil de Communauté of the Communauté de Communes du Pays de Lumbres (CCPL),
// session of 30 September 2019, as its certified extract n°19-09-107 states it (test/fixtures).
// First names are given by initials in the extract; the full names here are the demo's own.
import type { Civility, OpeningStatus } from '../../domain/types';

export interface DemoMember {
  key: string;
  civility: Civility;
  firstName: string;
  lastName: string;
  birthDate: string;
  title?: string;
  /** Status at the session of 30 September 2019. */
  status: OpeningStatus;
  /** Key of the holder of his proxy on 30 September 2019. */
  proxyTo?: string;
}

const m = (key: string, civility: Civility, firstName: string, lastName: string, birthDate: string, status: OpeningStatus, proxyTo?: string, title?: string): DemoMember =>
  ({ key, civility, firstName, lastName, birthDate, status, proxyTo, title });

export const CCPL = {
  collectivity: { kind: 'communaute_communes' as const, name: 'Communauté de Communes du Pays de Lumbres', shortName: 'CCPL', siren: '246200364', departementCode: '62', seat: 'Lumbres', yearInWords: 'mil' as const },
  body: { kind: 'conseil' as const, name: 'Conseil de Communauté', code: 'CC', ruleProfile: 'epci' as const, numberPattern: '{yy}-{mm}-{seq}' },
  mandateStart: '2014-04-15',
};

export const CCPL_MEMBERS: DemoMember[] = [
  m('LEROY C.', 'M.', 'Christian', 'LEROY', '1955-03-12', 'present', undefined, 'Président'),
  m('POURCHEL I.', 'Mme', 'Isabelle', 'POURCHEL', '1962-06-02', 'present'),
  m('FOURNIER A.', 'Mme', 'Anne', 'FOURNIER', '1968-01-23', 'present', undefined, 'Vice-présidente'),
  m('DELRUE J.', 'Mme', 'Josiane', 'DELRUE', '1951-11-30', 'present'),
  m('DEGREMONT F.', 'Mme', 'Françoise', 'DEGREMONT', '1959-04-17', 'present'),
  m('WESTENHOEFFER V.', 'Mme', 'Véronique', 'WESTENHOEFFER', '1965-09-08', 'present'),
  m('BERQUEZ M.L.', 'Mme', 'Marie-Laure', 'BERQUEZ', '1963-12-19', 'present'),
  m('PRUVOST M.', 'M.', 'Michel', 'PRUVOST', '1950-02-14', 'present'),
  m('VASSEUR C.', 'M.', 'Claude', 'VASSEUR', '1949-07-03', 'present'),
  m('BOUFFART J.', 'M.', 'Jacques', 'BOUFFART', '1957-05-21', 'present'),
  m('DEVIGNE E.', 'M.', 'Eric', 'DEVIGNE', '1966-10-11', 'present'),
  m('GARDIN J.', 'M.', 'Jean', 'GARDIN', '1952-08-27', 'present'),
  m('LHEUREUX M.', 'M.', 'Marc', 'LHEUREUX', '1960-03-05', 'present'),
  m('FRANQUE G.A.', 'M.', 'Guy-André', 'FRANQUE', '1948-12-01', 'present'),
  m('SENECAT D.', 'M.', 'Daniel', 'SENECAT', '1958-06-16', 'present'),
  m('DELATTRE J.', 'M.', 'Jean', 'DELATTRE', '1954-01-09', 'present'),
  m('SAGNIER F.', 'M.', 'François', 'SAGNIER', '1961-04-28', 'present'),
  m('MAILLOT D.', 'M.', 'Daniel', 'MAILLOT', '1964-02-22', 'present'),
  m('CROQUELOIS J.M.', 'M.', 'Jean-Marie', 'CROQUELOIS', '1953-09-14', 'present'),
  m('CHARLEMAGNE V.', 'M.', 'Vincent', 'CHARLEMAGNE', '1970-05-30', 'present'),
  m('DUFOUR O.', 'M.', 'Olivier', 'DUFOUR', '1967-07-07', 'present'),
  m('CLABAUT A.', 'M.', 'Alain', 'CLABAUT', '1956-11-02', 'present'),
  m('COLIN G.', 'M.', 'Gérard', 'COLIN', '1950-10-25', 'present'),
  m('WALLET B.', 'M.', 'Bernard', 'WALLET', '1955-08-18', 'present'),
  m('WAUQUIER A.', 'M.', 'André', 'WAUQUIER', '1947-03-29', 'present'),
  m('WAVRANT M.', 'M.', 'Michel', 'WAVRANT', '1959-12-12', 'present'),
  m('CORDIER A.', 'M.', 'Alain', 'CORDIER', '1962-02-06', 'present'),
  m('BACQUET J.', 'M.', 'Joël', 'BACQUET', '1958-09-09', 'present'),
  m('GALLET J.M.', 'M.', 'Jean-Michel', 'GALLET', '1963-06-24', 'present'),
  m('TELLIER C.', 'M.', 'Christophe', 'TELLIER', '1971-01-15', 'present'),
  m('LEFEBVRE S.', 'M.', 'Serge', 'LEFEBVRE', '1952-04-03', 'present'),
  m('FOURRIER B.', 'M.', 'Bruno', 'FOURRIER', '1966-08-20', 'present'),
  m('DELANNOY J.', 'M.', 'Jacques', 'DELANNOY', '1951-05-11', 'present'),
  m('HOCHART J.L.', 'M.', 'Jean-Luc', 'HOCHART', '1960-10-31', 'present'),
  m('WYCKAERT G.', 'M.', 'Gilles', 'WYCKAERT', '1957-02-27', 'present'),
  m('BEE D.', 'M.', 'Didier', 'BEE', '1964-11-13', 'present'),
  m('CARVALHO H.', 'Mme', 'Hélène', 'CARVALHO', '1969-03-21', 'excused', 'DUFOUR O.'),
  m('POULAIN P.', 'Mme', 'Patricia', 'POULAIN', '1961-07-19', 'excused'),
  m('DE JONGHE N.', 'Mme', 'Nathalie', 'DE JONGHE', '1967-12-04', 'excused', 'DELATTRE J.'),
  m('BOIN E.', 'Mme', 'Evelyne', 'BOIN', '1958-10-10', 'excused', 'DELANNOY J.'),
  m('ALLOUCHERY J.M.', 'M.', 'Jean-Marc', 'ALLOUCHERY', '1956-06-06', 'excused', 'VASSEUR C.'),
  m('DUWAT A.', 'M.', 'Alain', 'DUWAT', '1953-03-03', 'excused'),
  m('BRUGGEMAN M.', 'M.', 'Marc', 'BRUGGEMAN', '1962-09-26', 'excused'),
  m('FOURNIER D.', 'M.', 'Dominique', 'FOURNIER', '1955-01-31', 'excused', 'COLIN G.'),
  m('MAGERE M.', 'M.', 'Maurice', 'MAGERE', '1949-04-22', 'excused', 'DEGREMONT F.'),
  m('COYOT J.C.', 'M.', 'Jean-Claude', 'COYOT', '1952-12-28', 'excused', 'WAVRANT M.'),
  m('DENUNCQ R.', 'M.', 'Roger', 'DENUNCQ', '1950-08-08', 'excused', 'LEROY C.'),
  m('DELATTRE G.', 'M.', 'Guy', 'DELATTRE', '1959-05-05', 'excused'),
  m('GARENAUX M.', 'M.', 'Michel', 'GARENAUX', '1963-07-14', 'absent'),
];

/** Suppléante of Alain DUWAT, titulaire of a commune with a single seat (L5211-6). */
export const CCPL_SUPPLEANT = { key: 'LAMOTTE S.', civility: 'Mme' as Civility, firstName: 'Sylvie', lastName: 'LAMOTTE', birthDate: '1972-02-11', titulaire: 'DUWAT A.' };

export const SESSION_107 = {
  startsAt: '2019-09-30T18:30:00+02:00',
  convocationDate: '2019-09-18',
  place: 'Lumbres',
  president: 'LEROY C.',
  secretary: 'MAILLOT D.',
  item: {
    seq: 107,
    object: 'CREATION DU CAMPUS DES METIERS ET DES QUALIFICATIONS INDUSTRIE ET TRANSITION NUMERIQUE',
    rapporteur: 'LEROY C.',
    matiereCode: '8.1',
  },
};

// What templates see. Every field is always present (null or [] when empty) because templates
// compile in strict mode: a misspelt field fails instead of printing nothing.
// Strings are Markdown-ready: plain text from the record is escaped; *Md fields are Markdown.
import type { Articles } from '../wording/articles';

export interface HeaderVm {
  collectivityName: string;
  collectivityShortName: string | null;
  bodyName: string;
  /** "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "PROCÈS-VERBAL DE LA SÉANCE"... */
  documentTitle: string;
  /** Deliberation number for an extract, null for session documents. */
  number: string | null;
  /** Printed on every page next to the collectivity. */
  runningTitle: string;
}

export interface BodyVm {
  name: string;
  /** "le Conseil de Communauté" as the subject of the opening formula. */
  subject: string;
  /** "s'est réuni" / "s'est réunie" (agreement with the body's name). */
  metVerb: string;
  /** "le conseil communautaire" in "Après en avoir délibéré, le conseil communautaire, ...". */
  deliberating: string;
}

export interface PersonVm {
  civility: 'Monsieur' | 'Madame';
  fullName: string;
  shortName: string;
  initialName: string;
  title: string | null;
}

export interface SessionVm {
  /** "L'an deux mil dix-neuf, le lundi 30 septembre à 18 heures 30". */
  dateFormula: string;
  date: string;
  dateWithWeekday: string;
  time: string;
  place: string | null;
  convocationDate: string | null;
  /** "convocation adressée en urgence (article L2121-11 du CGCT), …" when the notice was shortened. */
  urgency: string | null;
  secondConvocation: boolean;
}

export interface PresidencyVm {
  person: PersonVm;
  /** "reçoit pouvoir de R. DENUNCQ" when the president holds a proxy. */
  proxyMention: string | null;
  /** "Président" / "Présidente" or the title on record. */
  title: string;
}

export interface CivilityGroupVm {
  /** "Mesdames", "Madame", "Messieurs", "Monsieur". */
  label: string;
  /** "DEGREMONT F. (reçoit pouvoir de M. MAGERE)". */
  names: string[];
}

export interface AttendanceVm {
  present: CivilityGroupVm[];
  excused: CivilityGroupVm[];
  absent: CivilityGroupVm[];
  /** "Monsieur Thomas KLEIN arrive en séance à partir de ce point." */
  changes: string[];
  /** "Monsieur Marc HENRY ne prend pas part au vote (président de l'association)." */
  notTakingPart: string[];
}

export interface CountsVm {
  inOffice: number;
  present: number;
  presentTitulaires: number;
  presentSuppleants: number;
  hasSuppleants: boolean;
  represented: number;
  voters: number;
  /** Null for an election or an item without a vote. */
  pour: number | null;
  contre: number | null;
  abstention: number | null;
  notTakingPart: number;
  quorumNeeded: number;
  /** "Le quorum est atteint (36 membres présents, 25 requis)." */
  quorumSentence: string;
}

export interface NamedSideVm {
  /** "Ont voté pour", "Ont voté contre", "Se sont abstenus". */
  label: string;
  count: number;
  names: string[];
  /** "Ont voté contre (2) : GARDIN J., …" (public vote) or "Ont voté contre : M. Jean GARDIN, …" (show of hands). */
  sentence: string;
}

export interface ElectionRoundVm {
  /** "Premier tour". */
  title: string;
  voters: number;
  blankAndVoid: number;
  blank: number;
  void: number;
  cast: number;
  /** Null from the third round, decided at relative majority (L2122-7). */
  absoluteMajority: number | null;
  results: { name: string; votes: string }[];
  /** "Aucun candidat n'ayant obtenu la majorité absolue, il est procédé à un second tour." */
  outcome: string;
}

export interface ResultVm {
  kind: 'vote' | 'election' | 'none';
  adopted: boolean;
  /** "Après en avoir délibéré, le conseil communautaire, à l'unanimité,". */
  deliberatedSentence: string;
  /** "à l'unanimité" / "par 30 voix pour, ...". */
  wording: string;
  /** "Adoptée à l'unanimité" for lists. */
  summary: string;
  /** "Le scrutin public a été demandé par M. Jean GARDIN, Mme Anne FOURNIER et ... (article L2121-21 du CGCT)." */
  requestSentence: string | null;
  /** "Le vote a eu lieu au scrutin public (article L2121-21 du CGCT)." */
  modeSentence: string | null;
  named: NamedSideVm[];
  castingVoteSentence: string | null;
  election: { intro: string; rounds: ElectionRoundVm[]; wording: string } | null;
}

export interface SignatureVm {
  /** "Le Président", "La secrétaire de séance". */
  role: string;
  fullName: string;
  title: string | null;
}

export interface ExecutoireVm {
  /** Date of receipt in préfecture; null for an act published alone (not on the L2131-2 list). */
  transmittedAt: string | null;
  publishedAt: string;
  acteId: string | null;
  /** "Certifié exécutoire compte tenu de la transmission en préfecture le … et de la publication le …." */
  sentence: string;
}

export interface ItemVm {
  position: number;
  number: string;
  object: string;
  rapporteur: string | null;
  reasonsMd: string;
  decisionMd: string;
}

export interface ExtractViewModel {
  header: HeaderVm;
  /** The CGCT articles of its kind of collectivity ("L2121-17" or "L3121-14"...), for the templates' mentions. */
  articles: Articles;
  body: BodyVm;
  session: SessionVm;
  presidency: PresidencyVm | null;
  counts: CountsVm;
  attendance: AttendanceVm;
  /** "Monsieur Daniel MAILLOT est élu secrétaire." */
  secretarySentence: string | null;
  item: ItemVm;
  /** "La présente délibération rectifie l'erreur matérielle entachant la délibération n°… du …" (issue 9), else null. */
  rectification: string | null;
  result: ResultVm;
  /** "Pour extrait conforme." */
  closingFormula: string;
  /** "Fait à Lumbres, le 30 septembre 2019." */
  placeAndDate: string;
  signatures: SignatureVm[];
  /** "Reçu en préfecture le …, identifiant …." as soon as the préfecture has the act, even before publication. */
  receipt: string | null;
  /** Set once the act is enforceable (L2131-1). */
  executoire: ExecutoireVm | null;
  recourse: string;
}

export interface MinutesItemVm {
  item: ItemVm;
  /** The substance of the debates (L2121-15), Markdown written by the secretary; null when none. */
  debatesMd: string | null;
  counts: CountsVm;
  attendance: AttendanceVm;
  presidency: PresidencyVm | null;
  /** Set when someone other than the session's president presides this item (L2121-14). */
  presidencyChanged: boolean;
  result: ResultVm;
}

export interface MinutesViewModel {
  header: HeaderVm;
  /** The CGCT articles of its kind of collectivity ("L2121-17" or "L3121-14"...), for the templates' mentions. */
  articles: Articles;
  body: BodyVm;
  session: SessionVm;
  presidency: PresidencyVm | null;
  /** Attendance at the opening (first item). */
  counts: CountsVm;
  attendance: AttendanceVm;
  secretarySentence: string | null;
  agenda: { number: string; object: string }[];
  items: MinutesItemVm[];
  closingSentence: string;
  placeAndDate: string;
  signatures: SignatureVm[];
  /** True until a later session adopts it (L2121-15): the title then reads "PROJET DE PROCÈS-VERBAL". */
  draft: boolean;
  /** "Projet de procès-verbal soumis à l'approbation du conseil communautaire lors de sa prochaine séance ..."; null once adopted. */
  draftNotice: string | null;
  /** "Procès-verbal adopté lors de la séance du 14 octobre 2019."; null while a draft. */
  adoptionSentence: string | null;
  /** "Publié le 18 octobre 2019."; null until published. */
  publicationSentence: string | null;
  recourse: string;
}

export interface DeliberationsListViewModel {
  header: HeaderVm;
  /** The CGCT articles of its kind of collectivity ("L2121-17" or "L3121-14"...), for the templates' mentions. */
  articles: Articles;
  body: BodyVm;
  session: SessionVm;
  presidency: PresidencyVm | null;
  counts: CountsVm;
  items: { number: string; object: string; summary: string }[];
  legalMention: string;
  placeAndDate: string;
  signatures: SignatureVm[];
}

export type AnyViewModel = ExtractViewModel | MinutesViewModel | DeliberationsListViewModel;

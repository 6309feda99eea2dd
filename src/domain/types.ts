// Plain data the rules work on: no Nest, no TypeORM. Positions are the order of items in a session (1-based).
import type { RectificationKind } from './rectification';

export type Civility = 'M.' | 'Mme';
export type SeatKind = 'titulaire' | 'suppleant';
export type OpeningStatus = 'present' | 'excused' | 'absent';
export type Choice = 'pour' | 'contre' | 'abstention';
export type VoteMode = 'show_of_hands' | 'roll_call' | 'secret' | 'election';
export type Outcome = 'adopted' | 'rejected';

export interface MemberRef {
  id: string;
  civility: Civility;
  firstName: string;
  lastName: string;
  /** Needed for elections: on a tie the oldest candidate wins (L2122-7). */
  birthDate?: string | null;
}

/** A member in office in the body on the session date. */
export interface SeatedMember extends MemberRef {
  seat: SeatKind;
  /** For a suppléant (L5211-6): the titulaire he stands in for. */
  titulaireId?: string | null;
  /** Title printed in signatures and lists, e.g. "Président", "Vice-président". */
  title?: string | null;
  /** L2121-1: rank in the ordre du tableau, for bodies that list their members so. */
  tableRank?: number | null;
}

export interface AttendanceInput {
  memberId: string;
  /** Status at the opening of the session. */
  status: OpeningStatus;
  /** Set on a suppléant's row: the titulaire whose seat he takes. */
  replacesMemberId?: string | null;
}

/**
 * An arrival or departure applying from the item at `fromPosition` (inclusive):
 * "arrivée à partir de la délibération n°5" → arrival, 5; "parti après le point 2" → departure, 3.
 */
export interface AttendanceChange {
  memberId: string;
  kind: 'arrival' | 'departure';
  fromPosition: number;
  /** Local hour of the change ("19:07"), when recorded. */
  atTime?: string | null;
}

/** A proxy as it applies to one session; bounds are positions in that session (null = whole session). */
export interface ProxyInput {
  id: string;
  giverId: string;
  holderId: string;
  fromPosition?: number | null;
  untilPosition?: number | null;
  /** Revoked from this position on (null = not revoked). */
  revokedFromPosition?: number | null;
}

export interface NotTakingPart {
  memberId: string;
  reason?: string | null;
}

export type QuorumBasis = 'present' | 'present_or_represented';

/** "Votants" in the header: those taking part (pour + contre + abstention), or all present and represented. */
export type VotersHeader = 'taking_part' | 'present_and_represented';
/** Order of the members in the lists of an act: alphabetical, or "dans l'ordre du tableau" (L2121-1). */
export type MemberOrder = 'alphabetical' | 'table';
/** L2131-11: a member not taking part leaves the proxy he holds unused (prudent reading), or still casts it. */
export type RecusedHolderProxy = 'unused' | 'cast';

/** How a body writes its acts (settings of the body, not rules of law). */
export interface BodyWordingSettings {
  votersHeader: VotersHeader;
  memberOrder: MemberOrder;
  /** L2121-1: rank of each member in the ordre du tableau, by member id (memberOrder 'table'). */
  tableRanks?: Record<string, number>;
}

/** Every threshold the law leaves to the kind of body or changed over time (DOMAIN.md). */
export interface RuleSettings {
  /** Quorum = smallest count strictly greater than inOffice * num / den when strict, else at least it. */
  quorum: { num: number; den: number; strict: boolean; basis: QuorumBasis };
  /** L2121-20: one; 2020–2022 emergency laws: two. */
  maxProxiesPerHolder: number;
  /** L2121-20: three consecutive sessions (except illness); départements/régions: one meeting. */
  maxConsecutiveSessionsPerProxy: number;
  /** L5211-6: suppléants sit for absent titulaires (communautés de communes / d'agglomération). */
  suppleants: boolean;
  /** L2121-17: after a failed quorum, the second convocation deliberates whatever the number present. */
  secondConvocationWaivesQuorum: boolean;
  /** L2121-20: the president's vote decides a tie, except in a secret ballot. */
  castingVote: boolean;
  /** Fraction of members present who can ask for a public vote (1/4; départements 1/6). */
  publicVoteFraction: { num: number; den: number };
  /** Fraction of members present who can ask for a secret ballot (1/3). */
  secretVoteFraction: { num: number; den: number };
  /**
   * L2121-20: "sauf maladie dûment constatée" a proxy may cover more than the session limit.
   * Départements and régions (L3121-16, L4132-15) have no such exception. Absent = true.
   */
  illnessExtendsProxy?: boolean;
}

export type ProfileCode =
  | 'commune'
  | 'epci'
  | 'departement'
  | 'region'
  | 'commission_permanente'
  | 'custom';

export interface RuleProfile {
  code: ProfileCode;
  /** The variant in force on the date judged, e.g. "commune" or "commune-urgence-2020". */
  variant: string;
  label: string;
  /** Legal basis, printed in the API for the secretary to check. */
  articles: string[];
  settings: RuleSettings;
}

export interface ItemContext {
  position: number;
  members: SeatedMember[];
  attendance: AttendanceInput[];
  changes: AttendanceChange[];
  proxies: ProxyInput[];
  notTakingPart: NotTakingPart[];
  profile: RuleProfile;
  /** L2121-17: the item is on a second convocation's agenda carried over from the failed first one (quorum waived). */
  secondConvocation: boolean;
  /** L2131-11: whether a member not taking part casts the proxy he holds; absent = 'unused'. */
  recusedHolderProxy?: RecusedHolderProxy;
}

export interface PresentEntry {
  member: MemberRef;
  seat: SeatKind;
  /** For a suppléant sitting: the titulaire replaced. */
  replaces: MemberRef | null;
  /** Givers whose proxy this member holds and may use at this item. */
  holdsProxyOf: MemberRef[];
  /** Set when the member arrived during the session: the position from which he is present. */
  arrivedAt: number | null;
  /** Local hour of that arrival ("19:07"), when recorded. */
  arrivedTime?: string | null;
}

export interface AbsentEntry {
  member: MemberRef;
  /** Holder of a proxy valid at this item. */
  proxyTo: MemberRef | null;
  /** Suppléant sitting in his place. */
  replacedBy: MemberRef | null;
  /** Set when the member left during the session: the first position he is no longer present at. */
  leftAt: number | null;
  /** Local hour of that departure ("21:10"), when recorded. */
  leftTime?: string | null;
  /** L2131-11: the holder of his proxy does not take part in this item, so the proxy is not used (giver unrepresented). */
  proxyUnusedBy?: MemberRef;
}

export interface QuorumState {
  basis: QuorumBasis;
  needed: number;
  counted: number;
  met: boolean;
  /** True when the quorum is not met but the session is a second convocation (L2121-17). */
  waivedBySecondConvocation: boolean;
}

export interface ItemAttendanceState {
  position: number;
  inOffice: number;
  present: PresentEntry[];
  presentTitulaires: number;
  presentSuppleants: number;
  represented: { giver: MemberRef; holder: MemberRef; proxyId: string }[];
  /** Absents excusés, with "donne pouvoir à" when a proxy is valid at this item. */
  excused: AbsentEntry[];
  absent: AbsentEntry[];
  notTakingPart: { member: MemberRef; reason: string | null }[];
  /** Votants: present + represented, less those not taking part (own or through a proxy). */
  voters: number;
  quorum: QuorumState;
  validProxyIds: string[];
  /** Proxies registered but not usable at this item, with why (holder absent, giver present, over limit...). */
  ignoredProxies: { proxyId: string; reason: string }[];
}

export interface VoteCounts {
  pour: number;
  contre: number;
  abstention: number;
}

export interface BallotInput {
  /** Who casts it: the member himself, or the holder voting for the giver. */
  voterId: string;
  /** The giver when the ballot is cast through a proxy; null for the member's own vote. */
  onBehalfOfId?: string | null;
  choice: Choice;
}

export interface VoteInput {
  mode: Exclude<VoteMode, 'election'>;
  /** Show of hands / secret ballot: the counts. */
  counts?: VoteCounts | null;
  /** Roll call: one ballot per member (own and by proxy kept apart). */
  ballots?: BallotInput[] | null;
  /**
   * Show of hands: the names of those against or abstaining, when the act names them ("Ont voté contre : M. X"),
   * one per vote (a holder's own and the giver's apart), as many on each side as its count.
   */
  names?: BallotInput[] | null;
  presidentId: string;
  /** With counts on a tie, how the president voted (his voice decides, L2121-20). */
  presidentChoice?: Choice | null;
}

export interface VoteResult {
  mode: Exclude<VoteMode, 'election'>;
  pour: number;
  contre: number;
  abstention: number;
  notTakingPart: number;
  /** Suffrages exprimés: pour + contre. */
  cast: number;
  outcome: Outcome;
  castingVote: boolean;
  unanimous: boolean;
  /** "à l'unanimité", "par 30 voix pour, 3 voix contre et 2 abstentions"... */
  wording: string;
  /** Named votes: every voter for a roll call; those against or abstaining for a show of hands that names them. */
  named: { pour: NamedVote[]; contre: NamedVote[]; abstention: NamedVote[] } | null;
  /** Members who asked for this public vote or secret ballot (L2121-21), in the order recorded. */
  requestedBy?: MemberRef[];
}

export interface NamedVote {
  member: MemberRef;
  /** Set when cast by a holder for this member. */
  castBy: MemberRef | null;
}

export interface Candidate {
  id: string;
  name: string;
  birthDate: string;
  memberId?: string | null;
}

export interface ElectionRoundInput {
  round: number;
  voters: number;
  blank: number;
  void: number;
  votes: { candidateId: string; votes: number }[];
}

export interface ElectionRoundResult extends ElectionRoundInput {
  /** Suffrages exprimés: voters − blank − void. */
  cast: number;
  absoluteMajority: number;
  /** Relative majority applies from the third round (L2122-7). */
  relative: boolean;
  electedId: string | null;
  decidedByAge: boolean;
}

export interface ElectionResult {
  candidates: Candidate[];
  rounds: ElectionRoundResult[];
  electedId: string | null;
  wording: string;
}

/** Everything an extract prints: the computed state of one item with the facts around it. */
export interface DeliberationRecord {
  collectivity: {
    id: string; kind: string; name: string; shortName: string | null; siren: string; departementCode: string;
    /** Where its acts are made ("Fait à Lumbres"): the seat of the collectivity, a setting; absent = not stated. */
    seat?: string | null;
    /** "deux mil dix-neuf" rather than "deux mille dix-neuf" in the opening formula (a setting). */
    yearWithMil?: boolean;
  };
  body: {
    id: string; kind: string; name: string; profile: RuleProfile;
    /** How the body writes its acts; absent = "Votants" taking part, alphabetical lists. */
    wording?: BodyWordingSettings;
  };
  session: {
    id: string;
    /** ISO date-time with offset, e.g. 2019-09-30T18:30:00+02:00; local wall time is what documents print. */
    startsAt: string;
    localDate: string;
    localTime: string;
    place: string | null;
    convocationDate: string | null;
    secondConvocation: boolean;
    /** Convened in urgency on a shorter notice: the article whose notice was shortened (L2121-11 or L2121-12), else null. */
    urgency?: { article: string } | null;
    status: string;
    /** The version of the session's record this state was computed at: a live gesture made on it sends it back. */
    version?: number;
    president: SeatedMember | null;
    secretaries: SeatedMember[];
  };
  item: {
    id: string;
    position: number;
    number: string;
    object: string;
    rapporteur: SeatedMember | null;
    actesNature: string | null;
    matiereCode: string | null;
    reasonsMd: string;
    decisionMd: string;
    status: string;
    /** President for this item when not the session's (e.g. compte administratif, L2121-14). */
    president: SeatedMember | null;
    /** Exécutoire facts (L2131-1): sent to the préfecture, received there (the date printed), published. */
    transmittedAt: string | null;
    receivedAt: string | null;
    publishedAt: string | null;
    acteId: string | null;
    version: number;
    /** L2121-17: the item of the failed first convocation this one carries over, if any. */
    carriedFrom: { id: string; sessionId: string; number: string; object: string } | null;
    /** The issued act this one rectifies (issue 9: a correction is a new act), if any. */
    rectifies?: RectifiedActRef | null;
  };
  attendance: ItemAttendanceState;
  /** Arrivals and departures that take effect at this item, with their local hour when recorded. */
  changesHere: { member: MemberRef; kind: 'arrival' | 'departure'; atTime?: string | null }[];
  vote: VoteResult | null;
  election: ElectionResult | null;
}

/** The act a rectificative deliberation rectifies, as its extract names it. */
export interface RectifiedActRef {
  kind: RectificationKind;
  itemId: string;
  number: string;
  object: string;
  /** Its session's local date (YYYY-MM-DD). */
  sessionDate: string;
}

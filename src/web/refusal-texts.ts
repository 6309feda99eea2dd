// Why a gesture was refused, in French, with the article of law behind the rule: the one place that turns a
// domain error code into what the secretary reads. A Record over every code: a new code cannot go unexplained.
import { DomainError, DomainErrorCode } from '../domain/errors';

export interface Refusal {
  text: string;
  /** The article of law the rule comes from, when there is one. */
  article: string | null;
}

const R = (text: string, article: string | null = null): Refusal => ({ text, article });

const REFUSALS: Record<DomainErrorCode, Refusal> = {
  NOT_FOUND: R("L'élément demandé n'existe pas (ou plus) dans le registre."),
  VALIDATION_FAILED: R('Une donnée saisie est invalide : vérifiez le champ signalé.'),
  CONFLICT_STALE_VERSION: R("Un autre poste vient de modifier la séance : la page a été rechargée, refaites le geste s'il y a lieu."),
  GESTURE_CONFLICT: R("Un autre poste vient d'enregistrer un geste sur le même élu, la même procuration ou le même vote : la page montre l'état à jour, refaites le geste s'il y a lieu."),
  MALFORMED_REQUEST: R("Le formulaire envoyé n'a pas pu être lu."),
  PAYLOAD_TOO_LARGE: R('Le fichier envoyé est trop volumineux.'),
  REFERENCE_INVALID: R("Un élément choisi n'appartient pas à cette collectivité ou à cette séance."),
  DUPLICATE: R('Cet élément existe déjà dans le registre.'),
  ITEM_SEALED: R('Ce point est scellé : son vote est enregistré.'),
  TEMPLATE_INVALID: R('Le modèle de document est invalide.'),
  SIGNATURE_CONFIRMATION_FAILED: R('Pour signer, saisissez à nouveau votre mot de passe : celui-ci ne correspond pas.'),
  SIGNATURE_NOT_REQUIRED: R("Cette délibération ne se signe pas ainsi : avant le 1er juillet 2022, elle a été signée au registre par les membres présents ; depuis, elle est délivrée à la dernière signature.", 'article L2121-23 du CGCT'),
  ACT_ALREADY_SIGNED: R('Vous avez déjà signé cette délibération.'),
  ACT_ALREADY_ISSUED: R('Cette délibération est déjà délivrée : son PDF ne change plus.'),
  ACT_NOT_ISSUED: R("Cette délibération n'est pas encore délivrée : elle l'est à la dernière signature requise."),
  ANNEX_INVALID: R("L'annexe doit être un fichier PDF lisible (non chiffré)."),
  RECTIFICATION_INVALID: R("Une délibération est rectifiée par une délibération postérieure de l'assemblée qui l'a adoptée, jamais par elle-même."),
  RECTIFIED_ACT_NOT_ISSUED: R("La délibération à rectifier n'est pas encore signée : corrigez-la avant sa signature plutôt que par une nouvelle délibération."),
  TEMPLATE_TOO_EXPENSIVE: R('Le modèle de document demande trop de calcul ou de mémoire pour être produit : simplifiez-le.'),
  ITEM_NOT_VOTED: R("Ce point n'est pas encore voté."),
  SESSION_CLOSED: R('La séance est close : son registre ne peut plus changer.'),
  SESSION_TRANSITION_INVALID: R("Ce changement d'état de la séance n'est pas permis (planifiée → convoquée → ouverte → close)."),
  SESSION_NOT_OPEN: R("La séance n'est pas ouverte : ouvrez-la avant d'enregistrer des arrivées, des départs ou des votes."),
  ITEM_ALREADY_VOTED: R('Ce point est déjà voté : les présences et les pouvoirs de ce point ne changent plus.'),
  ITEM_TRANSITION_INVALID: R("Ce changement d'état du point n'est pas permis."),
  ITEM_POSITION_INVALID: R("Ce point n'est pas à cette place de l'ordre du jour."),
  ITEM_NUMBER_TAKEN: R("Ce numéro est déjà celui d'une délibération de cet organe cette année."),
  QUORUM_NOT_MET: R("Le quorum n'est pas atteint : le conseil ne peut délibérer que si la majorité de ses membres en exercice est présente.", 'article L2121-17 du CGCT'),
  PRESIDENT_NOT_PRESENT: R('Le président de séance doit être présent pour mettre le point aux voix.', 'article L2121-14 du CGCT'),
  SECOND_CONVOCATION_INVALID: R("Une seconde convocation suit une première réunion où le quorum n'était pas atteint, à trois jours au moins d'intervalle.", 'article L2121-17 du CGCT'),
  CONVOCATION_NOTICE_TOO_SHORT: R("La convocation doit précéder la séance de trois jours francs (moins de 3 500 habitants) ou de cinq jours francs (3 500 et plus) ; en cas d'urgence, d'un jour franc au moins, l'urgence étant enregistrée.", 'articles L2121-11 et L2121-12 du CGCT'),
  PROXY_TO_SELF: R('Un membre ne peut pas se donner pouvoir à lui-même.', 'article L2121-20 du CGCT'),
  PROXY_GIVER_NOT_MEMBER: R("Le mandant n'est pas membre en exercice de l'assemblée.", 'article L2121-20 du CGCT'),
  PROXY_HOLDER_NOT_MEMBER: R("Le mandataire doit être un membre en exercice de l'assemblée.", 'article L2121-20 du CGCT'),
  PROXY_HOLDER_ABSENT: R('Le mandataire doit être présent : un membre absent ne peut pas recevoir de pouvoir.', 'article L2121-20 du CGCT'),
  PROXY_GIVER_PRESENT: R('Le mandant est présent : seul un membre empêché donne pouvoir.', 'article L2121-20 du CGCT'),
  PROXY_HOLDER_ALREADY_HOLDS: R("Un même membre ne peut être porteur que d'un seul pouvoir.", 'article L2121-20 du CGCT'),
  PROXY_GIVER_ALREADY_GAVE: R('Ce membre a déjà donné pouvoir pour cette séance.', 'article L2121-20 du CGCT'),
  PROXY_CHAIN: R('Un membre qui a donné pouvoir ne peut pas en recevoir un.', 'article L2121-20 du CGCT'),
  PROXY_TOO_MANY_SESSIONS: R('Un pouvoir vaut au plus pour trois séances consécutives, sauf maladie dûment constatée.', 'article L2121-20 du CGCT'),
  PROXY_SESSIONS_NOT_CONSECUTIVE: R('Un pouvoir pour plusieurs séances ne vaut que pour des séances consécutives.', 'article L2121-20 du CGCT'),
  PROXY_ALREADY_REVOKED: R('Ce pouvoir est déjà révoqué.'),
  PROJECTOR_LINK_REVOKED: R("Ce lien d'écran public est déjà révoqué."),
  VOTE_COUNTS_MISMATCH: R('Les voix pour, contre et les abstentions doivent faire le nombre de votants.', 'article L2121-20 du CGCT'),
  VOTE_BALLOT_NOT_ENTITLED: R("Ce bulletin n'est pas celui d'un votant de ce point (présent, ou porteur du pouvoir).", 'article L2121-20 du CGCT'),
  VOTE_BALLOT_DUPLICATE: R('Un membre ne vote qu’une fois pour lui-même et une fois pour son mandant.', 'article L2121-20 du CGCT'),
  VOTE_BALLOTS_INCOMPLETE: R('Au scrutin public, chaque votant a son bulletin : il en manque.', 'article L2121-21 du CGCT'),
  VOTE_MEMBER_NOT_TAKING_PART: R('Un membre intéressé à l’affaire ne prend pas part au vote.', 'article L2131-11 du CGCT'),
  VOTE_ALREADY_RECORDED: R('Le vote de ce point est déjà enregistré.'),
  VOTE_MODE_INVALID: R("Ce mode de scrutin n'est pas permis pour ce point."),
  VOTE_TIE_NEEDS_PRESIDENT_CHOICE: R('Partage des voix : indiquez le vote du président, dont la voix est prépondérante.', 'article L2121-20 du CGCT'),
  VOTE_REQUEST_INSUFFICIENT: R('Le scrutin public est demandé par le quart des membres présents, le scrutin secret par le tiers.', 'article L2121-21 du CGCT'),
  VOTE_REQUESTER_NOT_PRESENT: R('Seuls les membres présents demandent un scrutin public ou secret.', 'article L2121-21 du CGCT'),
  ELECTION_ROUNDS_INVALID: R("Les tours de l'élection sont incohérents : majorité absolue aux deux premiers tours, relative au troisième.", 'article L2122-7 du CGCT'),
  MINUTES_SEALED: R('Le procès-verbal est adopté : il ne change plus.', 'article L2121-15 du CGCT'),
  MINUTES_NOT_ADOPTED: R("Le procès-verbal n'est pas encore adopté.", 'article L2121-15 du CGCT'),
  EXECUTOIRE_FACT_RECORDED: R("Ce fait (transmission, réception en préfecture ou publication) est déjà enregistré : une erreur se corrige par une rectification motivée.", 'article L2131-1 du CGCT'),
  MINUTES_ADOPTION_INVALID: R("Le procès-verbal s'adopte au commencement d'une séance suivante de la même assemblée.", 'article L2121-15 du CGCT'),
  ATTENDANCE_NOT_MEMBER: R("Ce membre n'est pas en exercice dans cette assemblée à la date de la séance."),
  ATTENDANCE_CHANGE_INVALID: R("Ce mouvement ne correspond pas à l'état du membre (on n'arrive que si l'on était absent, on ne part que si l'on était présent)."),
  SUPPLEANT_NOT_ALLOWED: R("Cette assemblée n'a pas de suppléants.", 'article L5211-6 du CGCT'),
  SUPPLEANT_MISMATCH: R('Le suppléant ne siège qu’à la place de son titulaire empêché.', 'article L5211-6 du CGCT'),
  MEMBER_NOT_IN_OFFICE: R("Ce membre n'est pas en exercice à la date de la séance."),
  NUMBER_PATTERN_INVALID: R('Le modèle de numérotation est invalide.'),
  CUSTOM_RULES_INVALID: R('Les règles personnalisées sont invalides.'),
  DATABASE_UNAVAILABLE: R("La base de données ne répond pas pour l'instant (redémarrage ou surcharge) : rien n'a été enregistré, réessayez dans quelques secondes."),
  UNAUTHENTICATED: R('Connectez-vous pour continuer.'),
  SIGN_IN_FAILED: R('Adresse électronique ou mot de passe incorrect.'),
  SIGN_IN_THROTTLED: R('Trop de tentatives de connexion échouées : réessayez dans un quart d’heure.'),
  FORBIDDEN: R("Votre rôle dans cette collectivité ne permet pas ce geste."),
  CSRF_TOKEN_INVALID: R('Le formulaire a expiré : rechargez la page et refaites le geste.'),
  SIGNATURE_NOT_ALLOWED: R('Seuls le président de séance et les secrétaires de séance signent les délibérations.', 'article L2121-23 du CGCT'),
  ACCOUNT_LAST_ADMINISTRATOR: R('La collectivité doit garder au moins un administrateur.'),
};

export function refusalOf(code: DomainErrorCode): Refusal {
  return REFUSALS[code];
}

/** What the console shows for a refused gesture: the rule in French, its article, and the field when one is named. */
export function explainRefusal(e: DomainError): Refusal & { code: DomainErrorCode; field: string | null } {
  const field = typeof e.details.field === 'string' ? e.details.field : null;
  return { ...REFUSALS[e.code], code: e.code, field };
}

// The second demo session (14 October 2019): what the reference extract lacks. A late arrival, a departure
// with a proxy from the next item, a suppléant, a member not taking part, a public vote with named contre
// and abstentions, a tie decided by the president's casting vote, and a secret election over two rounds.
import { acteIdentifier } from '../../domain/numbering';
import type { BallotInput } from '../../domain/types';
import { CCPL_MEMBERS } from './ccpl-demo.data';
import type { DemoIds, DemoServices } from './demo-seed';

const ITEMS = [
  { object: 'APPROBATION DU PROCES-VERBAL DE LA SEANCE DU 30 SEPTEMBRE 2019', matiere: '5.2', reasons: 'Le procès-verbal de la séance du 30 septembre 2019 a été transmis à chaque conseiller avec la convocation.', decision: '- **APPROUVE** le procès-verbal de la séance du 30 septembre 2019' },
  { object: 'DECISION MODIFICATIVE N°2 DU BUDGET PRINCIPAL 2019', matiere: '7.1', reasons: 'Vu le budget primitif 2019,\n\nConsidérant la nécessité d\'ajuster les crédits de la section d\'investissement,', decision: '- **ADOPTE** la décision modificative n°2 du budget principal 2019 telle qu\'annexée' },
  { object: 'SUBVENTION A L\'OFFICE DE TOURISME DU PAYS DE LUMBRES', matiere: '7.5', reasons: 'L\'office de tourisme sollicite une subvention de fonctionnement de 45 000 € pour 2020.', decision: '- **ATTRIBUE** une subvention de 45 000 € à l\'office de tourisme du Pays de Lumbres\n- **AUTORISE** le Président à signer la convention d\'objectifs' },
  { object: 'TARIFS DU CENTRE AQUATIQUE A COMPTER DU 1ER JANVIER 2020', matiere: '7.2', reasons: 'Il est proposé de revaloriser de 3 % les tarifs du centre aquatique communautaire.', decision: '- **FIXE** les tarifs du centre aquatique tels qu\'annexés, à compter du 1er janvier 2020' },
  { object: 'MOTION RELATIVE A LA DESSERTE FERROVIAIRE DU TERRITOIRE', matiere: '9.4', reasons: 'La desserte ferroviaire de la gare de Lumbres est menacée de suppression.', decision: '- **ADOPTE** la motion relative au maintien de la desserte ferroviaire' },
  { object: 'DESIGNATION D\'UN DELEGUE AU SYNDICAT MIXTE LYS AUDOMAROIS', matiere: '5.3', reasons: 'Vu les statuts du syndicat mixte, il convient de désigner un délégué titulaire. Le conseil a procédé à l\'élection au scrutin secret.', decision: '- **PROCLAME** élu le candidat ayant obtenu la majorité des suffrages' },
];

const CONTRE = ['GARDIN J.', 'LHEUREUX M.', 'TELLIER C.'];
const ABSTENTION = ['CORDIER A.', 'BACQUET J.'];
// L2121-21: the public vote of item 4 is asked for by a quarter of the 43 members present (11), POULAIN since her arrival at item 3.
const PUBLIC_VOTE_REQUESTED_BY = [
  'GARDIN J.', 'LHEUREUX M.', 'TELLIER C.', 'CORDIER A.', 'BACQUET J.', 'POULAIN P.', 'HOCHART J.L.', 'WYCKAERT G.', 'GALLET J.M.', 'LEFEBVRE S.', 'CARVALHO H.',
];
// L2121-15: the substance of the debates, written by the secretary for the procès-verbal (by item index).
const DEBATES: [number, string][] = [
  [3, "M. Jean GARDIN estime que la hausse pèsera sur les familles et demande un tarif réduit pour les demandeurs d'emploi. Le Président rappelle que les tarifs n'ont pas été revalorisés depuis plusieurs années et que le tarif réduit existant est maintenu.\n\nM. Jean GARDIN et dix conseillers demandent que le vote ait lieu au scrutin public."],
  [4, "Le Président expose les menaces qui pèsent sur la desserte de la gare de Lumbres. Plusieurs conseillers soulignent l'importance de la ligne pour les lycéens et les salariés du territoire.\n\nLa motion sera adressée à la Région et au préfet."],
];

/** `previousSessionId`: the session of 30 September, whose procès-verbal this session adopts (L2121-15). */
export async function seedSecondSession(s: DemoServices, ids: DemoIds, previousSessionId: string): Promise<void> {
  const { collectivityId: cid, member } = ids;
  let session = await s.sessions.create(cid, {
    bodyId: ids.bodyId, startsAt: '2019-10-14T18:30:00+02:00', convocationDate: '2019-10-04', place: 'Lumbres',
    presidentId: member('LEROY C.'), secretaryIds: [member('FOURNIER A.')],
  });
  session = await s.sessions.transition(cid, session.id, { to: 'convened', version: (await s.sessions.get(cid, session.id)).version });
  session = await s.sessions.transition(cid, session.id, { to: 'open', version: (await s.sessions.get(cid, session.id)).version });
  const items = [];
  for (const [i, it] of ITEMS.entries()) {
    items.push(await s.items.create(cid, session.id, {
      object: it.object, rapporteurId: member(i === 2 ? 'FOURNIER A.' : 'LEROY C.'), actesNature: 'DE', matiereCode: it.matiere,
      reasonsMd: it.reasons, decisionMd: it.decision,
    }));
  }
  const opening: Record<string, 'present' | 'excused' | 'absent'> = {
    'DENUNCQ R.': 'excused', 'MAGERE M.': 'excused', 'DE JONGHE N.': 'excused', 'DUWAT A.': 'excused', 'BRUGGEMAN M.': 'excused',
    'POULAIN P.': 'absent', 'GARENAUX M.': 'absent',
  };
  await s.attendance.setOpening(cid, session.id, {
    version: (await s.sessions.get(cid, session.id)).version,
    entries: [
      ...CCPL_MEMBERS.map((d) => ({ memberId: member(d.key), status: opening[d.key] ?? 'present' })),
      { memberId: member('LAMOTTE S.'), status: 'present', replacesMemberId: member('DUWAT A.') },
    ],
  });
  for (const [giver, holder] of [['DENUNCQ R.', 'LEROY C.'], ['MAGERE M.', 'DEGREMONT F.'], ['DE JONGHE N.', 'DELATTRE J.']]) {
    await s.proxies.create(cid, session.id, { giverId: member(giver), holderId: member(holder), signedOn: '2019-10-10' });
  }
  // Item 1: unanimity. Item 2: unanimity of the votes cast, two abstentions.
  await voteAll(s, cid, items[0].id, 0);
  // Item 1 approved the procès-verbal of 30 September: adopted at this session while it sits.
  const pv = await s.minutes.get(cid, previousSessionId);
  await s.minutes.adopt(cid, previousSessionId, { adoptedAtSessionId: session.id, version: pv.version });
  await voteAll(s, cid, items[1].id, 2);
  // Item 3: Patricia POULAIN arrives; Bernard WALLET, president of the office de tourisme, does not take part (L2131-11).
  await s.attendance.addChange(cid, session.id, { memberId: member('POULAIN P.'), kind: 'arrival', fromItemId: items[2].id, atTime: '19:07' });
  await s.items.addRecusal(cid, items[2].id, { memberId: member('WALLET B.'), reason: "président de l'office de tourisme (L2131-11)" });
  await voteAll(s, cid, items[2].id, 0);
  // Item 4: François SAGNIER leaves after item 3 and gives his proxy to Didier BEE; public vote with names.
  await s.attendance.addChange(cid, session.id, { memberId: member('SAGNIER F.'), kind: 'departure', fromItemId: items[3].id });
  await s.proxies.create(cid, session.id, { giverId: member('SAGNIER F.'), holderId: member('BEE D.'), fromItemId: items[3].id, signedOn: '2019-10-14' });
  const state4 = await s.register.itemState(cid, items[3].id);
  const choiceOf = (id: string) => (CONTRE.map(member).includes(id) ? 'contre' : ABSTENTION.map(member).includes(id) ? 'abstention' : 'pour');
  const ballots: BallotInput[] = [
    ...state4.attendance.present.map((p) => ({ voterId: p.member.id, choice: choiceOf(p.member.id) }) as BallotInput),
    ...state4.attendance.represented.map((r) => ({ voterId: r.holder.id, onBehalfOfId: r.giver.id, choice: choiceOf(r.holder.id) }) as BallotInput),
  ];
  await s.votes.record(cid, items[3].id, {
    mode: 'roll_call', ballots: ballots.map((b) => ({ ...b, onBehalfOfId: b.onBehalfOfId ?? undefined })), requestedBy: PUBLIC_VOTE_REQUESTED_BY.map(member),
  });
  // Item 5: a tie; the president voted pour and his voice decides (L2121-20).
  const v5 = (await s.register.itemState(cid, items[4].id)).attendance.voters;
  const half = Math.floor((v5 - 6) / 2);
  await s.votes.record(cid, items[4].id, { mode: 'show_of_hands', counts: { pour: half, contre: half, abstention: v5 - 2 * half }, presidentChoice: 'pour' });
  // Item 6: secret election, no absolute majority in the first round, elected in the second.
  const v6 = (await s.register.itemState(cid, items[5].id)).attendance.voters;
  const cast1 = v6 - 4;
  const cast2 = v6 - 3;
  await s.votes.recordElection(cid, items[5].id, {
    office: 'Délégué titulaire au syndicat mixte Lys Audomarois',
    candidates: [{ memberId: member('FOURNIER A.') }, { memberId: member('CLABAUT A.') }, { memberId: member('WAVRANT M.') }],
    rounds: [
      { round: 1, voters: v6, blank: 3, void: 1, votes: [{ candidate: 0, votes: Math.floor(cast1 * 0.45) }, { candidate: 1, votes: Math.floor(cast1 * 0.4) }, { candidate: 2, votes: cast1 - Math.floor(cast1 * 0.45) - Math.floor(cast1 * 0.4) }] },
      { round: 2, voters: v6, blank: 2, void: 1, votes: [{ candidate: 0, votes: cast2 - 14 }, { candidate: 1, votes: 14 }, { candidate: 2, votes: 0 }] },
    ],
  });
  let minutes = await s.minutes.get(cid, session.id);
  for (const [i, textMd] of DEBATES) minutes = await s.minutes.writeDebates(cid, session.id, items[i].id, { version: minutes.version, textMd });
  const fresh = await s.sessions.get(cid, session.id);
  await s.sessions.transition(cid, session.id, { to: 'closed', version: fresh.version });
  // L2121-15: the procès-verbal of 30 September, adopted today, is published within the week.
  const adopted = await s.minutes.get(cid, previousSessionId);
  await s.minutes.publish(cid, previousSessionId, { publishedOn: '2019-10-18', version: adopted.version });
  // Exécutoire (L2131-1): sent to the préfecture and acknowledged the same day, published the next.
  const coll = await s.collectivities.get(cid);
  for (const item of items) {
    let { version, number } = await s.items.get(cid, item.id);
    ({ version } = await s.executoire.recordTransmission(cid, item.id, { version, transmittedAt: '2019-10-17' }));
    const acteId = acteIdentifier({ departementCode: coll.departementCode, siren: coll.siren, date: '2019-10-14', number, nature: 'DE' });
    ({ version } = await s.executoire.recordAcknowledgement(cid, item.id, { version, receivedAt: '2019-10-17', acteId }));
    await s.executoire.recordPublication(cid, item.id, { version, publishedAt: '2019-10-18' });
  }
}

async function voteAll(s: DemoServices, cid: string, itemId: string, abstentions: number): Promise<void> {
  const voters = (await s.register.itemState(cid, itemId)).attendance.voters;
  await s.votes.record(cid, itemId, { mode: 'show_of_hands', counts: { pour: voters - abstentions, contre: 0, abstention: abstentions } });
}

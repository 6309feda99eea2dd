// A sample act built from the demo data by the rules themselves, with no database: templates are
// validated and previewed against it, so a collectivity without demo data can still check an override.
import { computeAttendance } from '../domain/attendance';
import { profileFor } from '../domain/rule-profiles';
import type { DeliberationRecord, ItemContext, SeatedMember } from '../domain/types';
import { computeVote } from '../domain/voting';
import { DECISION_19_09_107, REASONS_19_09_107 } from '../database/seed/ccpl-19-09-107.text';
import { CCPL, CCPL_MEMBERS, SESSION_107 } from '../database/seed/ccpl-demo.data';
import type { SessionRecord } from '../documents/types';

let cached: DeliberationRecord | null = null;

export function demoRecord(): DeliberationRecord {
  if (cached) return cached;
  const members: SeatedMember[] = CCPL_MEMBERS.map((d) => ({
    id: d.key, civility: d.civility, firstName: d.firstName, lastName: d.lastName, birthDate: d.birthDate, seat: 'titulaire', titulaireId: null, title: d.title ?? null,
  }));
  const byKey = new Map(members.map((m) => [m.id, m]));
  const profile = profileFor('epci', '2019-09-30');
  const ctx: ItemContext = {
    position: 1, members, profile, secondConvocation: false, changes: [], notTakingPart: [],
    attendance: CCPL_MEMBERS.map((d) => ({ memberId: d.key, status: d.status })),
    proxies: CCPL_MEMBERS.filter((d) => d.proxyTo).map((d, i) => ({ id: `p${i}`, giverId: d.key, holderId: d.proxyTo! })),
  };
  const attendance = computeAttendance(ctx);
  const vote = computeVote({ mode: 'show_of_hands', counts: { pour: attendance.voters, contre: 0, abstention: 0 }, presidentId: SESSION_107.president }, attendance, ctx);
  cached = {
    collectivity: { id: 'demo', ...CCPL.collectivity },
    body: { id: 'demo', kind: CCPL.body.kind, name: CCPL.body.name, profile },
    session: {
      id: 'demo', startsAt: '2019-09-30T16:30:00.000Z', localDate: '2019-09-30', localTime: '18:30', place: SESSION_107.place,
      convocationDate: SESSION_107.convocationDate, secondConvocation: false, status: 'closed',
      president: byKey.get(SESSION_107.president)!, secretaries: [byKey.get(SESSION_107.secretary)!],
    },
    item: {
      id: 'demo', position: 1, number: '19-09-107', object: SESSION_107.item.object, rapporteur: byKey.get(SESSION_107.item.rapporteur)!,
      actesNature: 'DE', matiereCode: SESSION_107.item.matiereCode, reasonsMd: REASONS_19_09_107, decisionMd: DECISION_19_09_107,
      status: 'voted', president: null, transmittedAt: '2019-10-03', receivedAt: '2019-10-03', publishedAt: '2019-10-04', acteId: '062-246200364-20190930-19_09_107-DE', version: 1,
      carriedFrom: null,
    },
    attendance, changesHere: [], vote, election: null,
  };
  return cached;
}

/** Adopted at the next session, with debates: templates are checked against every field the procès-verbal prints. */
export function demoSessionRecord(): SessionRecord {
  const r = demoRecord();
  return {
    collectivity: r.collectivity, body: r.body, session: r.session, items: [r],
    minutes: {
      status: 'adopted', adoptedAtSessionId: 'demo-next', adoptedOn: '2019-10-14', publishedOn: '2019-10-18',
      debates: { [r.item.id]: "Le rapporteur présente le projet. Aucune observation n'est formulée." },
    },
  };
}

// The real extract n°19-09-107 of the CCPL (30 September 2019) must come out of the rules as printed.
import { readFileSync } from 'fs';
import { join } from 'path';
import { computeAttendance } from './attendance';
import { profileFor } from './rule-profiles';
import { AttendanceInput, BallotInput, ItemContext, ProxyInput, SeatedMember } from './types';
import { computeVote } from './voting';

interface Facts {
  session: { date: string };
  counts: {
    in_office: number;
    present: number;
    proxies: number;
    voters: number;
    excused_without_proxy: number;
    absent: number;
    quorum_needed: number;
  };
  present: string[];
  women: string[];
  proxies_giver_to_holder: Record<string, string>;
  excused_without_proxy: string[];
  absent: string[];
}

const facts: Facts = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'extrait-ccpl-19-09-107.facts.json'), 'utf8'),
);

/** "LEROY C. (président)" → "LEROY C."; the printed name is the id (unique in this extract). */
const clean = (s: string) => s.replace(/\s*\(.*\)\s*$/, '').trim();

function seated(printed: string): SeatedMember {
  const id = clean(printed);
  const [, lastName, initials] = /^(.*) ([A-Z.]+)$/.exec(id)!;
  return {
    id,
    civility: facts.women.includes(id) ? 'Mme' : 'M.',
    firstName: initials,
    lastName,
    seat: 'titulaire',
  };
}

function referenceContext(): ItemContext {
  const givers = Object.keys(facts.proxies_giver_to_holder);
  const names = [...facts.present, ...givers, ...facts.excused_without_proxy, ...facts.absent].map(clean);
  const attendance: AttendanceInput[] = [
    ...facts.present.map((n) => ({ memberId: clean(n), status: 'present' as const })),
    ...[...givers, ...facts.excused_without_proxy].map((memberId) => ({ memberId, status: 'excused' as const })),
    ...facts.absent.map((memberId) => ({ memberId, status: 'absent' as const })),
  ];
  const proxies: ProxyInput[] = givers.map((giverId, i) => ({
    id: `pouvoir-${i + 1}`,
    giverId,
    holderId: facts.proxies_giver_to_holder[giverId],
  }));
  return {
    position: 1,
    members: names.map(seated),
    attendance,
    changes: [],
    proxies,
    notTakingPart: [],
    profile: profileFor('epci', facts.session.date),
    secondConvocation: false,
  };
}

describe('reference extract CCPL n°19-09-107', () => {
  const ctx = referenceContext();
  const state = computeAttendance(ctx);

  it('states the header counts of the extract', () => {
    expect(ctx.profile.variant).toBe('epci');
    expect(state.inOffice).toBe(facts.counts.in_office);
    expect(state.present).toHaveLength(facts.counts.present);
    expect(state.represented).toHaveLength(facts.counts.proxies);
    expect(state.voters).toBe(facts.counts.voters);
    expect(state.quorum).toMatchObject({ needed: facts.counts.quorum_needed, counted: 36, met: true });
    expect(state.excused.filter((e) => e.proxyTo === null).map((e) => e.member.id).sort()).toEqual(
      [...facts.excused_without_proxy].sort(),
    );
    expect(state.absent.map((e) => e.member.id)).toEqual(facts.absent);
    expect(state.ignoredProxies).toEqual([]);
  });

  it('links every proxy as printed ("reçoit pouvoir de", "donne pouvoir à")', () => {
    const printed = Object.entries(facts.proxies_giver_to_holder).sort();
    expect(state.represented.map((r) => [r.giver.id, r.holder.id]).sort()).toEqual(printed);
    const leroy = state.present.find((e) => e.member.id === 'LEROY C.')!;
    expect(leroy.holdsProxyOf.map((m) => m.id)).toEqual(['DENUNCQ R.']);
    const carvalho = state.excused.find((e) => e.member.id === 'CARVALHO H.')!;
    expect(carvalho.proxyTo?.id).toBe('DUFOUR O.');
    expect(carvalho.member.civility).toBe('Mme');
  });

  it('adopts the deliberation "à l\'unanimité" with 44 votes for', () => {
    const vote = computeVote(
      { mode: 'show_of_hands', counts: { pour: 44, contre: 0, abstention: 0 }, presidentId: 'LEROY C.' },
      state,
      ctx,
      ctx.profile.settings,
    );
    expect(vote).toMatchObject({ pour: 44, contre: 0, abstention: 0, cast: 44, outcome: 'adopted', unanimous: true });
    expect(vote.wording).toBe("à l'unanimité");
  });

  it('gives the same result by roll call, proxies voting separately', () => {
    const ballots: BallotInput[] = [
      ...state.present.map((e) => ({ voterId: e.member.id, choice: 'pour' as const })),
      ...state.represented.map((r) => ({ voterId: r.holder.id, onBehalfOfId: r.giver.id, choice: 'pour' as const })),
    ];
    const vote = computeVote({ mode: 'roll_call', ballots, presidentId: 'LEROY C.' }, state, ctx, ctx.profile.settings);
    expect(vote.wording).toBe("à l'unanimité");
    expect(vote.named?.pour).toHaveLength(44);
    expect(vote.named?.pour.find((n) => n.member.id === 'DENUNCQ R.')?.castBy?.id).toBe('LEROY C.');
  });
});

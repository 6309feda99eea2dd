import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootTestApp, demoCollectivityId, TestApp } from './setup/test-app';

const facts = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'extrait-ccpl-19-09-107.facts.json'), 'utf8'));
const short = (m: { firstName: string; lastName: string }) =>
  `${m.lastName} ${m.firstName.split('-').map((p) => p[0].toUpperCase() + '.').join('')}`;

describe('demo: deliberation 19-09-107 as its certified extract states it', () => {
  let t: TestApp;
  let cid: string;
  let state: any;

  beforeAll(async () => {
    t = await bootTestApp();
    cid = await demoCollectivityId(t);
    state = (await t.http.get(`/api/collectivities/${cid}/deliberations/state`).query({ number: '19-09-107' }).expect(200)).body;
  });
  afterAll(() => t.close());

  it('counts 49 in office, 36 present, 8 represented, 44 voters, quorum 25 met', () => {
    const a = state.attendance;
    expect(a.inOffice).toBe(facts.counts.in_office);
    expect(a.present).toHaveLength(facts.counts.present);
    expect(a.represented).toHaveLength(facts.counts.proxies);
    expect(a.voters).toBe(facts.counts.voters);
    expect(a.quorum).toMatchObject({ needed: facts.counts.quorum_needed, met: true, counted: 36 });
    expect(a.excused.filter((e: any) => !e.proxyTo)).toHaveLength(facts.counts.excused_without_proxy);
    expect(a.absent).toHaveLength(facts.counts.absent);
  });

  it('lists the same people as the extract', () => {
    const a = state.attendance;
    const present = a.present.map((p: any) => short(p.member)).sort();
    const expected = facts.present.map((p: string) => p.replace(' (président)', '')).sort();
    expect(present).toEqual(expected);
    const proxies = Object.fromEntries(a.represented.map((r: any) => [short(r.giver), short(r.holder)]));
    expect(proxies).toEqual(facts.proxies_giver_to_holder);
    expect(a.excused.filter((e: any) => !e.proxyTo).map((e: any) => short(e.member)).sort()).toEqual([...facts.excused_without_proxy].sort());
    expect(a.absent.map((e: any) => short(e.member))).toEqual(facts.absent);
    const women = [...a.present, ...a.excused, ...a.absent].filter((x: any) => x.member.civility === 'Mme').map((x: any) => short(x.member)).sort();
    expect(women).toEqual([...facts.women].sort());
  });

  it('was adopted unanimously by 44 votes, under its president and secretary', () => {
    expect(state.vote).toMatchObject({ pour: 44, contre: 0, abstention: 0, outcome: 'adopted', unanimous: true, wording: "à l'unanimité" });
    expect(`${state.session.president.firstName} ${state.session.president.lastName}`).toBe(facts.session.president);
    expect(state.session.secretaries.map((s: any) => `${s.firstName} ${s.lastName}`)).toEqual([facts.session.secretary]);
    expect(state.session.localDate).toBe(facts.session.date);
    expect(state.session.localTime).toBe(facts.session.time);
    expect(state.session.convocationDate).toBe(facts.session.convocation_date);
    expect(state.item.object).toBe(facts.deliberation.object);
    expect(`${state.item.rapporteur.firstName} ${state.item.rapporteur.lastName}`).toBe(facts.deliberation.rapporteur);
    for (const verb of facts.deliberation.decision_verbs) expect(state.item.decisionMd).toContain(`**${verb}**`);
  });
});

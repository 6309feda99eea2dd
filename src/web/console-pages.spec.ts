// The console's view models and views without a database: the demo act of src/extracts/demo-record.ts,
// varied case by case (no vote, rejected, casting vote, failed quorum, election...), rendered by the real
// strict-mode views, so a branch the seeded demo never takes cannot break a page at run time.
import { demoRecord } from '../extracts/demo-record';
import type { DeliberationRecord, ElectionResult, VoteResult } from '../domain/types';
import { formatTimeShort, quorumVm, resultVm, sessionDateLabel, sessionStatusBadge } from './console-format';
import { homeViewModel, sessionViewModel, SessionInput } from './console-view-models';
import { ConsoleViews } from './console-views';
import { deliberationViewModel } from './deliberation-view-model';

const views = new ConsoleViews();
const frame = { title: 'Test', crumbs: [{ label: 'Registre', href: '/' }, { label: 'Test', href: null }] };
const NB = '\u00a0';

/** The demo act with some parts replaced (a deep copy: the cached record is shared). */
function record(patch: (r: DeliberationRecord) => void = () => undefined): DeliberationRecord {
  const r = structuredClone(demoRecord());
  patch(r);
  return r;
}

const vote = (v: Partial<VoteResult>): VoteResult => ({
  mode: 'show_of_hands', pour: 20, contre: 24, abstention: 0, notTakingPart: 0, cast: 44, outcome: 'rejected', castingVote: false,
  unanimous: false, wording: 'par 20 voix pour et 24 voix contre', named: null, ...v,
});

describe('French formats', () => {
  it.each([
    ['18:30', `18${NB}h${NB}30`],
    ['09:00', `9${NB}h`],
    ['9:05', `9${NB}h${NB}05`],
  ])('time %s is "%s"', (time, expected) => expect(formatTimeShort(time)).toBe(expected));

  it('dates a session with its weekday', () => {
    expect(sessionDateLabel('2019-09-30', '18:30')).toBe(`lundi 30 septembre 2019 à 18${NB}h${NB}30`);
    expect(sessionDateLabel('2020-01-01', '09:00')).toBe(`mercredi 1er janvier 2020 à 9${NB}h`);
  });

  it.each([
    ['planned', 'planifiée'], ['convened', 'convoquée'], ['open', 'ouverte'], ['closed', 'close'], ['cancelled', 'annulée'], ['other', 'other'],
  ])('session status %s reads "%s"', (status, label) => expect(sessionStatusBadge(status).label).toBe(label));

  it.each([
    [{ basis: 'present', needed: 25, counted: 36, met: true, waivedBySecondConvocation: false }, 'Quorum atteint', '36 présents, 25 requis', false],
    [{ basis: 'present', needed: 25, counted: 1, met: false, waivedBySecondConvocation: false }, 'Quorum non atteint', '1 présent, 25 requis', false],
    [{ basis: 'present', needed: 25, counted: 10, met: false, waivedBySecondConvocation: true }, 'Quorum non atteint', '10 présents, 25 requis', true],
    [{ basis: 'present_or_represented', needed: 8, counted: 9, met: true, waivedBySecondConvocation: false }, 'Quorum atteint', '9 présents ou représentés, 8 requis', false],
  ] as const)('quorum %j', (q, label, detail, waived) => {
    const vm = quorumVm(q);
    expect([vm.label, vm.detail, vm.waiver !== null]).toEqual([label, detail, waived]);
  });
});

describe('results', () => {
  it.each<[string, (r: DeliberationRecord) => void, string, string | null]>([
    ['unanimity', () => undefined, "Adoptée à l'unanimité", null],
    ['rejection', (r) => { r.vote = vote({}); }, 'Rejetée par 20 voix pour et 24 voix contre', null],
    ['casting vote of a présidente', (r) => {
      r.session.president = { ...r.session.president!, civility: 'Mme' };
      r.vote = vote({ pour: 20, contre: 20, abstention: 4, outcome: 'adopted', castingVote: true, wording: 'par 20 voix pour, 20 voix contre et 4 abstentions, la voix du président étant prépondérante' });
    }, 'Adoptée par 20 voix pour, 20 voix contre et 4 abstentions, la voix du président étant prépondérante', 'Voix partagées (20 pour, 20 contre) : la voix de la présidente est prépondérante (art. L2121-20 du CGCT).'],
    ['no vote yet', (r) => { r.vote = null; r.item.status = 'draft'; }, 'Non votée', null],
    ['withdrawn', (r) => { r.vote = null; r.item.status = 'withdrawn'; }, 'Retirée', null],
  ])('%s', (_, patch, label, casting) => {
    const vm = resultVm(record(patch));
    expect([vm.label, vm.castingVote]).toEqual([label, casting]);
  });

  const election = (electedId: string | null, memberId: string | null): ElectionResult => ({
    candidates: [{ id: 'c1', name: 'Mme Isabelle POURCHEL', birthDate: '1962-06-02', memberId }, { id: 'c2', name: 'M. Jean GARDIN', birthDate: '1950-01-01' }],
    rounds: [{ round: 1, voters: 44, blank: 2, void: 0, cast: 42, absoluteMajority: 22, relative: false, electedId, decidedByAge: false, votes: [{ candidateId: 'c1', votes: 30 }, { candidateId: 'c2', votes: 12 }] }],
    electedId,
    wording: 'Élu(e) au 1er tour',
  });

  it.each([
    ['an elected woman', election('c1', 'POURCHEL I.'), 'Élue : Mme Isabelle POURCHEL'],
    ['a candidate not a member', election('c1', null), 'Élu(e) : Mme Isabelle POURCHEL'],
    ['nobody elected', election(null, null), 'Aucun candidat élu'],
  ])('election with %s', (_, e, label) => {
    expect(resultVm(record((r) => { r.vote = null; r.election = e; })).label).toBe(label);
  });
});

describe('deliberation page', () => {
  const agenda = [{ id: 'before', position: 0, number: '19-09-106' }, { id: demoRecord().item.id, position: 1, number: '19-09-107' }];

  it('shows the extract of 19-09-107: counts, proxies both ways, links', () => {
    const vm = deliberationViewModel(record(), agenda);
    expect(vm.counts.map((c) => c.value)).toEqual(['49', '36', '8', '44', '44', '0', '0', '0']);
    expect(vm.present).toContain("DUFOUR O. (reçoit pouvoir d'H. CARVALHO)");
    expect(vm.excused).toContain('CARVALHO H. (donne pouvoir à O. DUFOUR)');
    expect(vm.documents?.extract).toBe('/api/collectivities/demo/items/demo/extract.pdf');
    expect(vm.previous).toEqual({ href: '/console/collectivites/demo/deliberations/before', label: 'Délibération n°19-09-106' });
    expect(vm.next).toBeNull();
  });

  it.each<[string, (r: DeliberationRecord) => void, string[]]>([
    ['as adopted', () => undefined, ['Extrait certifié (PDF)', 'PDF/A (archivage)']],
    ['not voted yet: no extract, no counts of votes', (r) => { r.vote = null; r.item.status = 'draft'; }, ['Non votée', 'Pour</dt><dd>—']],
    ['under a failed quorum on second convocation', (r) => {
      r.attendance.quorum = { ...r.attendance.quorum, met: false, waivedBySecondConvocation: true };
      r.item.president = r.session.president;
    }, ['Quorum non atteint', 'Seconde convocation', 'Présidence pour ce point']],
    ['with a roll call', (r) => {
      const m = r.attendance.present[0].member;
      r.vote = vote({ mode: 'roll_call', named: { pour: [{ member: m, castBy: null }], contre: [], abstention: [] } });
    }, ['Scrutin public : votes nominatifs', 'Ont voté pour (1)']],
    ['with an election', (r) => {
      r.vote = null;
      r.election = { candidates: [{ id: 'c', name: 'M. Jean GARDIN', birthDate: '1950-01-01' }], electedId: 'c', wording: 'Élu au 1er tour', rounds: [
        { round: 1, voters: 44, blank: 0, void: 0, cast: 44, absoluteMajority: 23, relative: false, electedId: 'c', decidedByAge: false, votes: [{ candidateId: 'c', votes: 44 }] },
      ] };
    }, ['Premier tour', 'M. Jean GARDIN obtient la majorité absolue.', 'Majorité absolue : 23']],
    ['with markup in the object', (r) => { r.item.object = '<img src=x onerror=alert(1)>'; }, ['&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;']],
  ])('renders %s', (_, patch, expected) => {
    const r = record(patch);
    const html = views.render('deliberation', frame, deliberationViewModel(r, agenda));
    for (const e of expected) expect(html).toContain(e);
    expect(html).not.toContain('<img src=x');
    if (r.item.status !== 'voted') expect(html).not.toContain('Extrait certifié');
  });
});

describe('register and session pages', () => {
  it('renders an empty register, a collectivity without body and a body without session', () => {
    expect(views.render('home', frame, homeViewModel([]))).toContain("Aucune collectivité n'est enregistrée.");
    const c = { id: 'c', kind: 'commune', name: 'Commune de Test', shortName: null, siren: '123456789', departementCode: '62' };
    expect(views.render('home', frame, homeViewModel([{ collectivity: c, bodies: [], sessions: [] }]))).toContain('Aucune assemblée enregistrée.');
    const html = views.render('home', frame, homeViewModel([{ collectivity: c, bodies: [{ id: 'b', name: 'Conseil municipal' }], sessions: [] }]));
    expect(html).toContain('Aucune séance enregistrée.');
  });

  const session: SessionInput = {
    id: 's', collectivityId: 'c', localDate: '2024-03-11', localTime: '18:30', place: null, convocationDate: null, secondConvocation: true,
    status: 'planned', body: { name: 'Conseil municipal' }, president: null, secretaries: [], inOffice: 9,
  };

  it('renders a session without agenda, president or documents', () => {
    const vm = sessionViewModel('Commune de Test', session, []);
    expect(vm.documents).toBeNull();
    const html = views.render('session', frame, vm);
    for (const e of ["L'ordre du jour ne comporte encore aucune délibération.", 'non désigné', 'seconde convocation', 'planifiée']) expect(html).toContain(e);
  });

  it('offers the ZIP of extracts only once an item is voted', () => {
    const draft = record((r) => { r.vote = null; r.item.status = 'draft'; });
    expect(sessionViewModel('Commune de Test', session, [draft]).documents).toEqual({
      minutes: '/api/collectivities/c/sessions/s/minutes.pdf', list: '/api/collectivities/c/sessions/s/deliberations-list.pdf', zip: null,
    });
    expect(sessionViewModel('Commune de Test', session, [record()]).documents?.zip).toBe('/api/collectivities/c/sessions/s/extracts.zip');
  });

  it('renders the error page', () => {
    const html = views.render('error', frame, { heading: 'Page introuvable', message: 'Inconnue.', status: 404 });
    expect(html).toContain('<h1>Page introuvable</h1>');
  });
});

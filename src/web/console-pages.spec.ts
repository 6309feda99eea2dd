// The console's view models and views without a database: the demo act of src/extracts/demo-record.ts,
// varied case by case (no vote, rejected, casting vote, failed quorum, election...), rendered by the real
// strict-mode views, so a branch the seeded demo never takes cannot break a page at run time.
import { demoRecord } from '../extracts/demo-record';
import type { DeliberationRecord, ElectionResult, VoteResult } from '../domain/types';
import { formatTimeShort, quorumVm, resultVm, sessionDateLabel, sessionStatusBadge } from './console-format';
import { homeViewModel, sessionViewModel, SessionInput } from './console-view-models';
import { ConsoleViews } from './console-views';
import { deliberationViewModel } from './deliberation-view-model';
import { debatesHtml } from './console-markdown';
import { MinutesInput } from './minutes-view-model';

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
  it.each<[string, (r: DeliberationRecord) => void, string]>([
    ['unanimity', () => undefined, "Adoptée à l'unanimité"],
    ['rejection', (r) => { r.vote = vote({}); }, 'Rejetée par 20 voix pour et 24 voix contre'],
    ['casting vote of a présidente', (r) => {
      r.session.president = { ...r.session.president!, civility: 'Mme' };
      r.vote = vote({ pour: 20, contre: 20, abstention: 4, outcome: 'adopted', castingVote: true, wording: 'par 20 voix pour, 20 voix contre et 4 abstentions, la voix du président étant prépondérante' });
    }, 'Adoptée par 20 voix pour, 20 voix contre et 4 abstentions, la voix de la présidente étant prépondérante'],
    ['no vote yet', (r) => { r.vote = null; r.item.status = 'draft'; }, 'Non votée'],
    ['withdrawn', (r) => { r.vote = null; r.item.status = 'withdrawn'; }, 'Retirée'],
  ])('%s', (_, patch, label) => {
    expect(resultVm(record(patch)).label).toBe(label);
  });

  const election = (electedId: string | null, memberId: string | null): ElectionResult => ({
    candidates: [{ id: 'c1', name: 'Mme Isabelle POURCHEL', birthDate: '1962-06-02', memberId }, { id: 'c2', name: 'M. Jean GARDIN', birthDate: '1950-01-01' }],
    rounds: [{ round: 1, voters: 44, blank: 2, void: 0, cast: 42, absoluteMajority: 22, relative: false, electedId, decidedByAge: false, votes: [{ candidateId: 'c1', votes: 30 }, { candidateId: 'c2', votes: 12 }] }],
    electedId,
    wording: 'Élu(e) au 1er tour',
  });

  it.each([
    ['an elected woman', election('c1', 'POURCHEL I.'), 'Élue : Mme Isabelle POURCHEL'],
    ['a candidate not a member', election('c1', null), 'Élue : Mme Isabelle POURCHEL'],
    ['nobody elected', election(null, null), 'Aucun candidat élu'],
  ])('election with %s', (_, e, label) => {
    expect(resultVm(record((r) => { r.vote = null; r.election = e; })).label).toBe(label);
  });
});

describe('deliberation page', () => {
  const agenda = [{ id: 'before', position: 0, number: '19-09-106' }, { id: demoRecord().item.id, position: 1, number: '19-09-107' }];

  it('shows the extract of 19-09-107: counts, proxies both ways, links', () => {
    const vm = deliberationViewModel(record(), agenda, null);
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
    const html = views.render('deliberation', frame, deliberationViewModel(r, agenda, null));
    for (const e of expected) expect(html).toContain(e);
    expect(html).not.toContain('<img src=x');
    if (r.item.status !== 'voted') expect(html).not.toContain('Extrait certifié');
  });
});

describe('register and session pages', () => {
  it('renders an empty register, a collectivity without body and a body without session', () => {
    const operator = { mayCreate: true };
    expect(views.render('home', frame, homeViewModel([], operator))).toContain("Aucune collectivité n'est enregistrée.");
    const c = { id: 'c', kind: 'commune', name: 'Commune de Test', shortName: null, siren: '123456789', departementCode: '62' };
    const access = { reads: true, ownBodyOnly: false, setup: true, prepare: true };
    expect(views.render('home', frame, homeViewModel([{ collectivity: c, access, bodies: [], sessions: [] }], operator))).toContain('Aucune assemblée enregistrée.');
    const html = views.render('home', frame, homeViewModel([{ collectivity: c, access, bodies: [{ id: 'b', name: 'Conseil municipal' }], sessions: [] }], operator));
    expect(html).toContain('Aucune séance enregistrée.');
  });

  it('shows an operator without a role the collectivity alone, and a member without a seat why nothing is listed', () => {
    const c = { id: 'c', kind: 'commune', name: 'Commune de Test', shortName: null, siren: '123456789', departementCode: '62' };
    const none = views.render('home', frame, homeViewModel([{ collectivity: c, access: { reads: false, ownBodyOnly: false, setup: false, prepare: false }, bodies: [], sessions: [] }], { mayCreate: true }));
    expect(none).toContain('pas de rôle dans cette collectivité');
    expect(none).toContain('Nouvelle collectivité');
    expect(none).not.toContain('Paramétrage');
    expect(none).not.toContain('Préparer une séance');
    const member = views.render('home', frame, homeViewModel([{ collectivity: c, access: { reads: true, ownBodyOnly: true, setup: false, prepare: false }, bodies: [], sessions: [] }], { mayCreate: false }));
    expect(member).toContain('est lié à aucun membre d&#x27;une assemblée');
    expect(member).not.toContain('Nouvelle collectivité');
  });

  const session: SessionInput = {
    id: 's', collectivityId: 'c', localDate: '2024-03-11', localTime: '18:30', place: null, convocationDate: null, secondConvocation: true,
    firstConvocation: null, status: 'planned', body: { name: 'Conseil municipal' }, president: null, secretaries: [], inOffice: 9,
  };
  const blank: MinutesInput = { status: 'draft', adoptedAtSessionId: null, adoptedOn: null, publishedOn: null, publicationDue: null, items: [] };

  it('renders a session without agenda, president or documents', () => {
    const vm = sessionViewModel('Commune de Test', session, [], blank, '2024-03-01');
    expect(vm.documents).toBeNull();
    expect(vm.minutes).toBeNull(); // a planned session has no procès-verbal yet
    const html = views.render('session', frame, vm);
    for (const e of ["L'ordre du jour ne comporte encore aucune délibération.", 'non désigné', 'seconde convocation', 'planifiée']) expect(html).toContain(e);
  });

  it('offers the ZIP of extracts only once an item is voted', () => {
    const draft = record((r) => { r.vote = null; r.item.status = 'draft'; });
    expect(sessionViewModel('Commune de Test', session, [draft], blank, '2024-03-01').documents).toEqual({
      list: '/api/collectivities/c/sessions/s/deliberations-list.pdf', zip: null,
    });
    expect(sessionViewModel('Commune de Test', session, [record()], blank, '2024-03-01').documents?.zip).toBe('/api/collectivities/c/sessions/s/extracts.zip');
  });

  it('renders the error page', () => {
    const html = views.render('error', frame, { heading: 'Page introuvable', message: 'Inconnue.', status: 404 });
    expect(html).toContain('<h1>Page introuvable</h1>');
  });
});

describe('procès-verbal on the session page (L2121-15)', () => {
  const closed: SessionInput = {
    id: 's30', collectivityId: 'c', localDate: '2019-09-30', localTime: '18:30', place: 'Lumbres', convocationDate: '2019-09-18', secondConvocation: false,
    firstConvocation: null, status: 'closed', body: { name: 'Conseil de Communauté' }, president: null, secretaries: [], inOffice: 49,
  };
  const minutes = (m: Partial<MinutesInput>): MinutesInput => ({
    status: 'draft', adoptedAtSessionId: null, adoptedOn: null, publishedOn: null, publicationDue: null,
    items: [{ itemId: 'demo', textMd: 'Le rapporteur présente le projet.' }, { itemId: 'other', textMd: '  ' }], ...m,
  });
  const adopted = (m: Partial<MinutesInput> = {}) =>
    minutes({ status: 'adopted', adoptedAtSessionId: 's14', adoptedOn: '2019-10-14', publicationDue: '2019-10-21', ...m });
  const page = (m: MinutesInput, today = '2019-10-15', s: SessionInput = closed) => {
    const vm = sessionViewModel('CCPL', s, [record()], m, today);
    return { vm, html: views.render('session', frame, vm) };
  };

  it('a draft: "projet", submitted to a later session, not published, its PDF titled as a draft', () => {
    const { vm, html } = page(minutes({}));
    expect(vm.minutes).toEqual({
      status: { label: 'projet', tone: 'warn' },
      adoptedAt: null,
      publication: 'non publié : il le sera dans la semaine qui suit son adoption',
      publicationTone: 'neutral',
      draftNotice: "Projet soumis à l'approbation de l'assemblée lors d'une prochaine séance (art. L2121-15 du CGCT).",
      debates: 'Débats consignés pour 1 délibération sur 2.',
      pdf: { href: '/api/collectivities/c/sessions/s30/minutes.pdf', label: 'Projet de procès-verbal (PDF)' },
    });
    expect(html).toContain('<h2 id="titre-pv">Procès-verbal</h2>');
    expect(html).toContain('<span class="badge badge--warn">projet</span></dd>');
    expect(html).toContain('href="/api/collectivities/c/sessions/s30/minutes.pdf">Projet de procès-verbal (PDF)</a>');
    expect(html).not.toContain('adopté');
    // The PDF is offered once, in the procès-verbal block, not again among the session documents.
    expect(html.match(/minutes\.pdf/g)).toHaveLength(1);
  });

  it('an open session already has its draft; a planned, convened or cancelled one has none', () => {
    expect(page(minutes({}), '2019-09-30', { ...closed, status: 'open' }).vm.minutes?.status.label).toBe('projet');
    for (const status of ['planned', 'convened', 'cancelled']) {
      const { vm, html } = page(minutes({}), '2019-09-30', { ...closed, status });
      expect(vm.minutes).toBeNull();
      expect(html).not.toContain('titre-pv');
    }
  });

  it('adopted and published: the adopting session, linked, and the publication date', () => {
    const { vm, html } = page(adopted({ publishedOn: '2019-10-18' }), '2024-01-01');
    expect(vm.minutes).toMatchObject({
      status: { label: 'adopté', tone: 'ok' },
      adoptedAt: { href: '/console/collectivites/c/seances/s14', label: 'séance du lundi 14 octobre 2019' },
      publication: 'publié le vendredi 18 octobre 2019',
      publicationTone: 'ok',
      draftNotice: null,
      pdf: { href: '/api/collectivities/c/sessions/s30/minutes.pdf', label: 'Procès-verbal de la séance (PDF)' },
    });
    expect(html).toContain('<span class="badge badge--ok">adopté</span> lors de la <a href="/console/collectivites/c/seances/s14">séance du lundi 14 octobre 2019</a>');
    expect(html).toContain('publié le vendredi 18 octobre 2019');
    expect(html).not.toContain('Projet');
  });

  it.each([
    ['within the week', '2019-10-21', 'à publier au plus tard le lundi 21 octobre 2019', 'warn'],
    ['after its last day', '2019-10-22', 'à publier au plus tard le lundi 21 octobre 2019 : délai dépassé', 'bad'],
  ])('adopted, not yet published, %s', (_, today, publication, tone) => {
    const { vm, html } = page(adopted(), today);
    expect([vm.minutes?.publication, vm.minutes?.publicationTone]).toEqual([publication, tone]);
    expect(html).toContain(`<span class="publication publication--${tone}">${publication}</span>`);
  });

  it.each([
    ['no debates', [{ itemId: 'a', textMd: '' }], 'Aucun débat consigné.'],
    ['all of them', [{ itemId: 'a', textMd: 'x' }, { itemId: 'b', textMd: 'y' }], 'Débats consignés pour 2 délibérations sur 2.'],
    ['no agenda', [], "Aucune délibération à l'ordre du jour."],
  ])('counts the debates written: %s', (_, items, expected) => {
    expect(page(minutes({ items })).vm.minutes?.debates).toBe(expected);
  });

  it('offers no PDF without an agenda (the API renders a procès-verbal of items)', () => {
    const { vm, html } = page(minutes({ items: [] }));
    expect(vm.minutes?.pdf).toBeNull();
    expect(html).toContain('titre-pv');
    expect(html).not.toContain('minutes.pdf');
  });
});

describe('second convocation (L2121-17)', () => {
  const second: SessionInput = {
    id: 's2', collectivityId: 'c', localDate: '2024-03-11', localTime: '18:30', place: null, convocationDate: '2024-03-06', secondConvocation: true,
    firstConvocation: { id: 's1', localDate: '2024-03-04', localTime: '18:30', quorum: { met: false } },
    status: 'convened', body: { name: 'Conseil municipal' }, president: null, secretaries: [], inOffice: 9,
  };
  const blank: MinutesInput = { status: 'draft', adoptedAtSessionId: null, adoptedOn: null, publishedOn: null, publicationDue: null, items: [] };

  it('names the failed first convocation and links it', () => {
    const vm = sessionViewModel('Commune de Test', second, [], blank, '2024-03-08');
    expect(vm.firstConvocation).toEqual({ href: '/console/collectivites/c/seances/s1', label: `séance du lundi 4 mars 2024 à 18${NB}h${NB}30`, quorumFailed: true });
    const html = views.render('session', frame, vm);
    expect(html).toContain(
      `Seconde convocation après la <a href="/console/collectivites/c/seances/s1">séance du lundi 4 mars 2024 à 18${NB}h${NB}30</a> (quorum non atteint) : ` +
        "l'assemblée délibère valablement quel que soit le nombre de présents (art. L2121-17 du CGCT).",
    );
  });

  it('says nothing of a first convocation an ordinary session, or one recorded before the link existed, does not name', () => {
    for (const s of [{ ...second, secondConvocation: false, firstConvocation: null }, { ...second, firstConvocation: null }]) {
      const vm = sessionViewModel('Commune de Test', s, [], blank, '2024-03-08');
      expect(vm.firstConvocation).toBeNull();
      expect(views.render('session', frame, vm)).not.toContain('Seconde convocation après');
    }
  });
});

describe('deliberation page: ballot requests (L2121-21) and debates (L2121-15)', () => {
  const agenda = [{ id: demoRecord().item.id, position: 1, number: '19-09-107' }];
  const member = (r: DeliberationRecord, lastName: string) => r.attendance.present.find((p) => p.member.lastName === lastName)!.member;
  const withRequests = (mode: VoteResult['mode'], names: string[]) => record((r) => {
    r.vote = { ...r.vote!, mode, requestedBy: names.map((n) => member(r, n)) };
  });
  const render = (r: DeliberationRecord, m: MinutesInput | null = null) => {
    const vm = deliberationViewModel(r, agenda, m);
    return { vm, html: views.render('deliberation', frame, vm) };
  };

  it.each<[string, DeliberationRecord, string | null]>([
    ['a public vote', withRequests('roll_call', ['GARDIN', 'LHEUREUX', 'TELLIER']),
      'Scrutin public demandé par M. Jean GARDIN, M. Marc LHEUREUX et M. Christophe TELLIER (art. L2121-21 du CGCT).'],
    ['a secret ballot', withRequests('secret', ['FOURNIER']), 'Scrutin secret demandé par Mme Anne FOURNIER (art. L2121-21 du CGCT).'],
    ['nobody asked', withRequests('roll_call', []), null],
    ['a show of hands (nothing to ask for)', withRequests('show_of_hands', ['GARDIN']), null],
    ['no vote yet', record((r) => { r.vote = null; r.item.status = 'draft'; }), null],
  ])('%s', (_, r, expected) => {
    const { vm, html } = render(r);
    expect(vm.requests).toBe(expected);
    if (expected) expect(html).toContain(`<p class="requests">${expected}</p>`);
    else expect(html).not.toContain('demandé par');
  });

  const minutes = (textMd: string, m: Partial<MinutesInput> = {}): MinutesInput => ({
    status: 'draft', adoptedAtSessionId: null, adoptedOn: null, publishedOn: null, publicationDue: null, items: [{ itemId: 'demo', textMd }], ...m,
  });

  it('renders the debates from Markdown, from the draft procès-verbal', () => {
    const { vm, html } = render(record(), minutes('M. Jean GARDIN demande **le coût**.\n\n- premier point\n- second point'));
    expect(vm.debates).toEqual({
      html: '<p>M. Jean GARDIN demande <strong>le coût</strong>.</p>\n<ul>\n<li>premier point</li>\n<li>second point</li>\n</ul>',
      source: 'Extrait du projet de procès-verbal, non encore adopté : le texte peut encore changer (art. L2121-15 du CGCT).',
    });
    expect(html).toContain('<h2 id="titre-debats">Débats</h2>');
    expect(html).toContain('<div class="debates"><p>M. Jean GARDIN demande <strong>le coût</strong>.</p>');
  });

  it('names the adopting session once the procès-verbal is adopted', () => {
    const { vm } = render(record(), minutes('Aucune observation.', { status: 'adopted', adoptedAtSessionId: 'n', adoptedOn: '2019-10-14', publicationDue: '2019-10-21' }));
    expect(vm.debates?.source).toBe('Extrait du procès-verbal adopté lors de la séance du lundi 14 octobre 2019 (art. L2121-15 du CGCT).');
  });

  it.each([
    ['a script', 'Avant <script>alert("x")</script> après', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;', '<script>'],
    ['an image with a handler', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;', '<img'],
    ['a javascript: link', '[cliquer](javascript:alert(1))', '[cliquer](javascript:alert(1))', 'href="javascript'],
    ['a remote image in Markdown, made a link', '![suivi](https://example.org/pixel.png)', '<a href="https://example.org/pixel.png">suivi</a>', '<img'],
    ['an HTML block', '<div onclick="x()">bloc</div>', '&lt;div onclick=&quot;x()&quot;&gt;bloc&lt;/div&gt;', '<div onclick'],
  ])('escapes %s', (_, text, escaped, raw) => {
    const { html } = render(record(), minutes(text));
    expect(html).toContain(escaped);
    expect(html).not.toContain(raw);
  });

  it('fits headings and layout comments as the procès-verbal does, so no heading competes with the page', () => {
    expect(debatesHtml('# Intervention\nTexte<!-- petit -->')).toBe('<p><strong>Intervention</strong>\nTexte</p>');
    expect(debatesHtml(' \n ')).toBeNull();
    expect(debatesHtml(null)).toBeNull();
  });

  it('says when nothing is written, and shows no debates where the session has no procès-verbal', () => {
    expect(render(record(), minutes('')).html).toContain("Aucun débat n'est consigné au procès-verbal pour ce point.");
    expect(render(record(), null).vm.debates).toBeNull();
    const planned = record((r) => { r.session.status = 'planned'; r.vote = null; r.item.status = 'draft'; });
    const { vm, html } = render(planned, minutes('Texte'));
    expect(vm.debates).toBeNull();
    expect(html).not.toContain('titre-debats');
  });
});

// The console's home and header as each demo account sees them: the register lists what the account's roles let
// it read (src/auth/permissions.ts), and every page names the account and carries a sign-out button with its CSRF token.
import request from 'supertest';
import { DEMO_ACCOUNTS, DemoAccount } from '../src/database/seed/demo-accounts';
import { buildWorld, createSession, ok, World } from './setup/factory';
import { asRole, bootTestApp, demoCollectivityId, signIn, TestApp } from './setup/test-app';

let t: TestApp;
let cid: string;

beforeAll(async () => {
  t = await bootTestApp();
  cid = await demoCollectivityId(t);
});
afterAll(() => t.close());

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ').trim();

async function homeOf(email: string, password: string) {
  const signed = await signIn(t.app.getHttpServer(), email, password);
  const res = await signed.http.get('/');
  expect(res.status).toBe(200);
  return { ...signed, html: res.text, text: textOf(res.text) };
}
const demoHome = (a: DemoAccount) => homeOf(a.email, a.password);

const CCPL = 'Communauté de Communes du Pays de Lumbres';
const VALMORIN = 'Commune de Valmorin-les-Sources';
const SESSION_OF_30_SEPTEMBER = 'Séance du lundi 30 septembre 2019 à 18 h 30';

describe('the header of every console page', () => {
  it('names the signed-in account and signs out with the CSRF token of its session', async () => {
    const { email, password } = DEMO_ACCOUNTS.president;
    const { http, html, text, csrfToken, headers } = await homeOf(email, password);
    expect(text).toContain(`Connecté : ${email}`);
    expect(html).toContain(`<form method="post" action="/deconnexion" class="deconnexion"><input type="hidden" name="_csrf" value="${csrfToken}"><button type="submit">Se déconnecter</button></form>`);
    // Also on a session page, not only the home.
    const sessionId = /href="\/console\/collectivites\/[0-9a-f-]+\/seances\/([0-9a-f-]+)"/.exec(html)![1];
    expect(textOf((await http.get(`/console/collectivites/${cid}/seances/${sessionId}`).expect(200)).text)).toContain('Se déconnecter');
    // The form's post, as a browser sends it (no header: the token in the field), ends the session.
    const browser = () => request(t.app.getHttpServer()).post('/deconnexion').set('Cookie', headers.cookie).type('form');
    await browser().send({ _csrf: 'not-the-token' }).expect(403);
    await browser().send({ _csrf: csrfToken }).expect(303).expect('Location', '/connexion');
    const after = await http.get('/');
    expect(after.status).toBe(401);
    expect(after.text).toContain('Connexion au registre');
  });

  it('names no account on the sign-in page', async () => {
    const res = await t.anonymous.get('/').expect(401);
    expect(res.text).not.toContain('Se déconnecter');
  });
});

describe('the home as each demo account sees it', () => {
  it('platform operator: every collectivity, to create more, but no session of one he holds no role in', async () => {
    const { html, text } = await demoHome(DEMO_ACCOUNTS.operator);
    expect(text).toContain(CCPL);
    expect(text).toContain(VALMORIN);
    expect(text).toContain("Vous n'avez pas de rôle dans cette collectivité");
    expect(html).toContain('href="/console/collectivites/nouvelle"');
    expect(html).not.toMatch(/\/seances\/|\/parametrage|\/direct/);
    expect(text).not.toContain('Conseil de Communauté');
  });

  // Each role of the CCPL: its sessions (a member: those of the council Jean GARDIN sits on), never Valmorin's; the
  // setting up is the administrator's, the preparation of a session the secretary's, creating collectivities the operator's.
  it.each([
    ['administrator', DEMO_ACCOUNTS.administrator, { setup: true, prepare: false }],
    ['secretary', DEMO_ACCOUNTS.secretary, { setup: false, prepare: true }],
    ['president', DEMO_ACCOUNTS.president, { setup: false, prepare: false }],
    ['member', DEMO_ACCOUNTS.member, { setup: false, prepare: false }],
  ] as const)('%s: the sessions of the CCPL and the links of the role', async (_, account, links) => {
    const { html, text } = await demoHome(account);
    expect(text).toContain('Conseil de Communauté');
    expect(text).toContain(SESSION_OF_30_SEPTEMBER);
    expect(text).not.toContain(VALMORIN);
    expect(html.includes(`href="/console/collectivites/${cid}/parametrage"`)).toBe(links.setup);
    expect(html.includes(`href="/console/collectivites/${cid}/seances/nouvelle"`)).toBe(links.prepare);
    expect(html).not.toContain('href="/console/collectivites/nouvelle"');
  });
});

describe("a member's home lists his own body's sessions only, as the guard lets him read them", () => {
  let w: World;
  let commissionSession: string;

  beforeAll(async () => {
    w = await buildWorld(t, { members: 5, open: false, items: 1 });
    // A second body of the same collectivity, where the members of the council do not sit.
    const other = ok(await t.http.post(`${w.base}/bodies`).send({ kind: 'bureau', name: 'Bureau communautaire', ruleProfile: 'commune' })).body;
    commissionSession = (await createSession({ t, cid: w.cid, bodyId: other.id }, '2024-04-02T18:00:00+02:00')).id;
  }, 60_000);

  it('shows the council he sits on and not the bureau; the bureau session is not found for him', async () => {
    const member = await asRole(t, w.cid, 'member', { memberId: w.m[2] });
    const { text } = await homeOf(member.email, member.password);
    expect(text).toContain('Séance du lundi 11 mars 2024');
    expect(text).not.toContain('Bureau communautaire');
    expect(text).not.toContain('mardi 2 avril 2024');
    // The same rule as the guard's (src/auth/permission.guard.ts).
    await member.http.get(`/console/collectivites/${w.cid}/seances/${commissionSession}`).expect(404);
    await member.http.get(`/console/collectivites/${w.cid}/seances/${w.sessionId}`).expect(200);
  });

  it('says why nothing is listed to a member account linked to no council member', async () => {
    const unlinked = await asRole(t, w.cid, 'member');
    const { text } = await homeOf(unlinked.email, unlinked.password);
    expect(text).toContain("Votre compte n'est lié à aucun membre d'une assemblée de cette collectivité.");
    expect(text).not.toContain('Séance du lundi 11 mars 2024');
  });

  it('shows the harness (administrator, secretary, president there) both bodies', async () => {
    const res = await t.http.get('/').expect(200);
    expect(textOf(res.text)).toContain('Bureau communautaire');
  });
});

describe('the live page offers each role the gestures it may make, and no others', () => {
  const forms = (html: string) => [...html.matchAll(/<form method="post" action="[^"]*\/direct\/([^"]*)"/g)].map((m) => m[1]).sort();

  it('secretary: every gesture; president: opening and closing only; member: none, the state still shown', async () => {
    const w = await buildWorld(t, { members: 5, items: 2 });
    const live = `/console/collectivites/${w.cid}/seances/${w.sessionId}/direct`;
    const secretary = await asRole(t, w.cid, 'secretary');
    const president = await asRole(t, w.cid, 'president');
    const member = await asRole(t, w.cid, 'member', { memberId: w.m[3] });
    const pages = await Promise.all([secretary, president, member].map(async (c) => (await c.http.get(live).expect(200)).text));
    expect(forms(pages[0])).toEqual(expect.arrayContaining(['ecran', 'mouvement', 'points', 'pouvoirs', 'statut', 'vote/apercu']));
    expect(forms(pages[1])).toEqual(['statut']);
    expect(forms(pages[2])).toEqual([]);
    // What each one reads is the same: the quorum banner and the members' tiles.
    for (const html of pages) {
      expect(html).toContain('id="quorum"');
      expect(html).toContain(`id="membre-${w.m[3]}"`);
    }
    // The forms hidden are refused anyway (the route's permission), and change nothing.
    const before = (await t.http.get(`${w.base}/sessions/${w.sessionId}/attendance`).expect(200)).body.version;
    await member.http.post(`${live}/mouvement`).type('form').send({ memberId: w.m[3], kind: 'departure', fromItemId: w.items[0], version: String(before) }).expect(403);
    expect((await t.http.get(`${w.base}/sessions/${w.sessionId}/attendance`).expect(200)).body.version).toBe(before);
  }, 60_000);
});

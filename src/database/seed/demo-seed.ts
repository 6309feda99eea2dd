import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { runInContext, systemActor } from '../../auth/actor';
import { AccountsService } from '../../auth/accounts.service';
import { AuthService } from '../../auth/auth.service';
import { AttendanceService } from '../../attendance/attendance.service';
import { CollectivitiesService } from '../../collectivities/collectivities.service';
import { ExecutoireService } from '../../deliberations/executoire.service';
import { ItemsService } from '../../deliberations/items.service';
import { MembersService } from '../../members/members.service';
import { MinutesService } from '../../minutes/minutes.service';
import { ProxiesService } from '../../proxies/proxies.service';
import { RegisterService } from '../../register/register.service';
import { SessionsService } from '../../sessions/sessions.service';
import { VotesService } from '../../votes/votes.service';
import { DECISION_19_09_107, REASONS_19_09_107 } from './ccpl-19-09-107.text';
import { CCPL, CCPL_MEMBERS, CCPL_SUPPLEANT, SESSION_107 } from './ccpl-demo.data';
import { DEMO_ACCOUNTS, DemoAccount } from './demo-accounts';
import { seedSecondSession } from './second-session.seed';
import { seedValmorin } from './valmorin-demo.seed';
import { IssuingService } from '../../issuing/issuing.service';
import { UnitOfWork } from '../unit-of-work';

export interface DemoServices {
  collectivities: CollectivitiesService;
  members: MembersService;
  sessions: SessionsService;
  items: ItemsService;
  executoire: ExecutoireService;
  attendance: AttendanceService;
  proxies: ProxiesService;
  votes: VotesService;
  register: RegisterService;
  minutes: MinutesService;
}

export interface DemoIds {
  collectivityId: string;
  bodyId: string;
  member: (key: string) => string;
}

/**
 * Seeds the demo through the same use cases as the API, so the demo obeys every rule it shows, and as the demo
 * accounts (the operator creates the CCPL, its administrator sets it up, its secretary records the sessions), so
 * that the audit trail shows who did what.
 */
export async function seedDemo(app: INestApplication): Promise<DemoIds> {
  const s: DemoServices = {
    collectivities: app.get(CollectivitiesService), members: app.get(MembersService), sessions: app.get(SessionsService),
    items: app.get(ItemsService), executoire: app.get(ExecutoireService), attendance: app.get(AttendanceService), proxies: app.get(ProxiesService),
    votes: app.get(VotesService), register: app.get(RegisterService), minutes: app.get(MinutesService),
  };
  const accounts = app.get(AccountsService);
  const auth = app.get(AuthService);
  const accountIds = new Map<string, string>();
  await runInContext({ actor: systemActor('seed'), requestId: randomUUID(), useCase: 'demo.accounts' }, async () => {
    for (const a of Object.values(DEMO_ACCOUNTS) as DemoAccount[]) {
      accountIds.set(a.email, (await accounts.createAccount({ email: a.email, password: a.password, operator: a.operator })).id);
    }
  });
  const as = async <T>(who: DemoAccount, fn: () => Promise<T>): Promise<T> =>
    runInContext({ actor: await auth.actorForAccount(accountIds.get(who.email)!), requestId: randomUUID(), useCase: 'demo.seed' }, fn);

  const collectivity = await as(DEMO_ACCOUNTS.operator, () => s.collectivities.create({ ...CCPL.collectivity, administrator: { email: DEMO_ACCOUNTS.administrator.email } }));
  const cid = collectivity.id;
  const keys = new Map<string, string>();
  const member = (key: string) => {
    const id = keys.get(key);
    if (!id) throw new Error(`demo member ${key} unknown`);
    return id;
  };
  const body = await as(DEMO_ACCOUNTS.administrator, async () => {
    const created = await s.collectivities.createBody(cid, CCPL.body);
    for (const d of CCPL_MEMBERS) {
      const m = await s.members.create(cid, {
        civility: d.civility, firstName: d.firstName, lastName: d.lastName, birthDate: d.birthDate,
        memberships: [{ bodyId: created.id, seat: 'titulaire', startDate: CCPL.mandateStart, ...(d.title ? { title: d.title } : {}) }],
      });
      keys.set(d.key, m.id);
    }
    const sup = await s.members.create(cid, {
      civility: CCPL_SUPPLEANT.civility, firstName: CCPL_SUPPLEANT.firstName, lastName: CCPL_SUPPLEANT.lastName, birthDate: CCPL_SUPPLEANT.birthDate,
      memberships: [{ bodyId: created.id, seat: 'suppleant', titulaireId: member(CCPL_SUPPLEANT.titulaire), startDate: CCPL.mandateStart }],
    });
    keys.set(CCPL_SUPPLEANT.key, sup.id);
    for (const a of [DEMO_ACCOUNTS.secretary, DEMO_ACCOUNTS.president, DEMO_ACCOUNTS.member] as DemoAccount[]) {
      await accounts.addAccount(cid, { email: a.email, roles: a.roles, ...(a.member ? { memberId: member(a.member) } : {}) });
    }
    return created;
  });
  const ids: DemoIds = { collectivityId: cid, bodyId: body.id, member };
  await as(DEMO_ACCOUNTS.secretary, async () => {
    const first = await seedSession107(s, ids);
    await seedSecondSession(s, ids, first);
    await issueCcplActs(app, cid);
  });
  await seedValmorin(app, s, as);
  return ids;
}

/** The CCPL acts of 2019, issued and sealed under the rules of their date: signed on the paper register (L2121-23 then in force). */
async function issueCcplActs(app: INestApplication, cid: string): Promise<void> {
  const voted: { id: string }[] = await app.get(UnitOfWork).run(cid, (em) => em.query(
    `SELECT i.id FROM item i JOIN session s ON s.id = i.session_id WHERE i.collectivity_id = $1 AND i.status = 'voted' ORDER BY s.starts_at, i.position`, [cid],
  ));
  for (const { id } of voted) await app.get(IssuingService).issueFromPaperRegister(cid, id);
}

/** The session of 30 September 2019; returns its id (its procès-verbal is adopted on 14 October). */
async function seedSession107(s: DemoServices, ids: DemoIds): Promise<string> {
  const { collectivityId: cid, member } = ids;
  let session = await s.sessions.create(cid, {
    bodyId: ids.bodyId, startsAt: SESSION_107.startsAt, convocationDate: SESSION_107.convocationDate, place: SESSION_107.place,
    presidentId: member(SESSION_107.president), secretaryIds: [member(SESSION_107.secretary)],
  });
  session = await s.sessions.transition(cid, session.id, { to: 'convened', version: (await s.sessions.get(cid, session.id)).version });
  session = await s.sessions.transition(cid, session.id, { to: 'open', version: (await s.sessions.get(cid, session.id)).version });
  await s.attendance.setOpening(cid, session.id, {
    version: (await s.sessions.get(cid, session.id)).version,
    entries: CCPL_MEMBERS.map((d) => ({ memberId: member(d.key), status: d.status })),
  });
  for (const d of CCPL_MEMBERS.filter((x) => x.proxyTo)) {
    await s.proxies.create(cid, session.id, { giverId: member(d.key), holderId: member(d.proxyTo!), signedOn: '2019-09-27' });
  }
  const item = await s.items.create(cid, session.id, {
    seq: SESSION_107.item.seq, object: SESSION_107.item.object, rapporteurId: member(SESSION_107.item.rapporteur),
    actesNature: 'DE', matiereCode: SESSION_107.item.matiereCode, reasonsMd: REASONS_19_09_107, decisionMd: DECISION_19_09_107,
  });
  const state = await s.register.itemState(cid, item.id);
  await s.votes.record(cid, item.id, { mode: 'show_of_hands', counts: { pour: state.attendance.voters, contre: 0, abstention: 0 } });
  const fresh = await s.sessions.get(cid, session.id);
  await s.sessions.transition(cid, session.id, { to: 'closed', version: fresh.version });
  return session.id;
}

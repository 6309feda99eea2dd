// The demo's commune under the signing rules of today (L2121-23 since 1 July 2022): a fictional commune
// (every name invented; its SIREN passes the Luhn check) whose session of 12 March 2026 adopts three
// deliberations, 2026-001 to 2026-003, each signed by the maire presiding and the secretary through the
// accounts linked to them, issued, sealed, transmitted and published.
import { INestApplication } from '@nestjs/common';
import { AccountsService } from '../../auth/accounts.service';
import { renderMarkdownToPdf } from '../../documents/pdf-renderer';
import { acteIdentifier } from '../../domain/numbering';
import type { Civility } from '../../domain/types';
import { AnnexesService } from '../../issuing/annexes.service';
import { IssuingService } from '../../issuing/issuing.service';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts';
import type { DemoServices } from './demo-seed';

export const VALMORIN = {
  collectivity: { kind: 'commune' as const, name: 'Commune de Valmorin-les-Sources', shortName: 'Valmorin', siren: '210629879', departementCode: '62' },
  body: { kind: 'conseil' as const, name: 'Conseil municipal', code: 'CM', ruleProfile: 'commune' as const, numberPattern: '{yyyy}-{seq:3}' },
  mandateStart: '2020-05-25',
  session: { startsAt: '2026-03-12T19:00:00+01:00', convocationDate: '2026-03-05', place: 'Mairie de Valmorin-les-Sources, salle du conseil' },
};

// [civility, first name, last name, birth date, title]
const MEMBERS: [Civility, string, string, string, string?][] = [
  ['Mme', 'Solène', 'VERDALIER', '1968-04-09', 'Maire'],
  ['M.', 'Aurélien', 'FRESQUAND', '1979-11-21', 'Conseiller municipal'],
  ['Mme', 'Odile', 'BRANCOURTIN', '1957-02-14', 'Première adjointe'],
  ['M.', 'Thibault', 'MARCHEVILLE', '1983-07-30'],
  ['Mme', 'Louise', 'QUENTRAY', '1990-01-05'],
  ['M.', 'Gaspard', 'LORMEAUX', '1961-09-17'],
  ['Mme', 'Inès', 'DUVERCHAMP', '1975-05-28'],
  ['M.', 'Roland', 'PESSIGNY', '1952-12-03'],
  ['Mme', 'Clémence', 'HAUTBRAY', '1986-03-19'],
  ['M.', 'Yvon', 'CASTELMORE', '1964-08-11'],
  ['Mme', 'Maëlle', 'TROUVILLARD', '1993-10-25'],
  ['M.', 'Bastien', 'ROCHEFONTE', '1971-06-02'],
  ['Mme', 'Agathe', 'VILLEMARD', '1959-04-30'],
  ['M.', 'Noël', 'SAINTREVAL', '1948-12-24'],
  ['Mme', 'Perrine', 'GOUDEMONT', '1980-07-07'],
];

const ITEMS = [
  { object: 'BUDGET PRIMITIF 2026 DE LA COMMUNE', nature: 'BF', matiere: '7.1', reasons: 'Vu le code général des collectivités territoriales, notamment ses articles L2311-1 et suivants,\n\nVu le débat d\'orientation budgétaire du 12 février 2026,\n\nConsidérant le projet de budget primitif 2026 présenté par Madame le Maire,', decision: '- **ADOPTE** le budget primitif 2026 de la commune, équilibré en dépenses et en recettes à 1 284 600 € en fonctionnement et à 512 300 € en investissement, tel qu\'annexé' },
  { object: 'CONVENTION DE MISE A DISPOSITION DE LA SALLE DES FETES A L\'ASSOCIATION LES AMIS DU LAVOIR', nature: 'CC', matiere: '3.5', reasons: 'L\'association Les Amis du Lavoir sollicite la mise à disposition gracieuse de la salle des fêtes pour ses activités culturelles.', decision: '- **APPROUVE** la convention de mise à disposition de la salle des fêtes\n- **AUTORISE** Madame le Maire à la signer' },
  { object: 'TARIFS DE LA RESTAURATION SCOLAIRE A COMPTER DU 1ER SEPTEMBRE 2026', nature: 'DE', matiere: '7.2', reasons: 'Il est proposé de maintenir le tarif du repas à 3,20 € et de créer un tarif solidaire à 1 € pour les familles dont le quotient familial est inférieur à 700 €.', decision: '- **FIXE** les tarifs de la restauration scolaire à compter du 1er septembre 2026 : repas 3,20 €, tarif solidaire 1 €' },
];

type As = <T>(who: DemoAccount, fn: () => Promise<T>) => Promise<T>;

/** Seeded as the demo accounts: the operator creates the commune, its administrator sets it up, its secretariat records the session. */
export async function seedValmorin(app: INestApplication, s: DemoServices, as: As): Promise<void> {
  const A = DEMO_ACCOUNTS;
  const collectivity = await as(A.operator, () => s.collectivities.create({ ...VALMORIN.collectivity, administrator: { email: A.valmorinAdministrator.email } }));
  const cid = collectivity.id;
  const { body, ids } = await as(A.valmorinAdministrator, async () => {
    const created = await s.collectivities.createBody(cid, VALMORIN.body);
    const memberIds: string[] = [];
    for (const [civility, firstName, lastName, birthDate, title] of MEMBERS) {
      const m = await s.members.create(cid, {
        civility, firstName, lastName, birthDate, memberships: [{ bodyId: created.id, seat: 'titulaire', startDate: VALMORIN.mandateStart, ...(title ? { title } : {}) }],
      });
      memberIds.push(m.id);
    }
    // The maire and the secrétaire de séance (an elected member, L2121-15) sign through the accounts linked to them.
    const accounts = app.get(AccountsService);
    await accounts.addAccount(cid, { email: A.valmorinSecretariat.email, roles: A.valmorinSecretariat.roles });
    await accounts.addAccount(cid, { email: A.valmorinMaire.email, roles: A.valmorinMaire.roles, memberId: memberIds[0] });
    await accounts.addAccount(cid, { email: A.valmorinSecretaireDeSeance.email, roles: A.valmorinSecretaireDeSeance.roles, memberId: memberIds[1] });
    return { body: created, ids: memberIds };
  });
  const items = await as(A.valmorinSecretariat, () => recordSession(app, s, cid, body.id, ids));
  const issuing = app.get(IssuingService);
  for (const item of items) {
    // L2121-23: the maire presiding, then the secrétaire de séance, each entering the password again; the second
    // signature issues and seals the act.
    await as(A.valmorinMaire, () => issuing.sign(cid, item.id, A.valmorinMaire.password));
    await as(A.valmorinSecretaireDeSeance, () => issuing.sign(cid, item.id, A.valmorinSecretaireDeSeance.password));
  }
  // Transmitted to the préfecture and published once signed, on the day the demo is seeded (L2131-1).
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  await as(A.valmorinSecretariat, async () => {
    for (const [i, item] of items.entries()) {
      let { version } = await s.items.get(cid, item.id);
      ({ version } = await s.executoire.recordTransmission(cid, item.id, { version, transmittedAt: today }));
      const acteId = acteIdentifier({ departementCode: VALMORIN.collectivity.departementCode, siren: VALMORIN.collectivity.siren, date: '2026-03-12', number: item.number, nature: ITEMS[i].nature as 'DE' });
      ({ version } = await s.executoire.recordAcknowledgement(cid, item.id, { version, receivedAt: today, acteId }));
      await s.executoire.recordPublication(cid, item.id, { version, publishedAt: today });
    }
  });
}

/** The session of 12 March 2026: attendance, a proxy, three deliberations (the first with its annex), votes, closing. */
async function recordSession(app: INestApplication, s: DemoServices, cid: string, bodyId: string, ids: string[]): Promise<{ id: string; number: string }[]> {
  const [maire, secretary] = ids;
  let session = await s.sessions.create(cid, {
    bodyId, startsAt: VALMORIN.session.startsAt, convocationDate: VALMORIN.session.convocationDate, place: VALMORIN.session.place,
    presidentId: maire, secretaryIds: [secretary],
  });
  session = await s.sessions.transition(cid, session.id, { to: 'convened', version: (await s.sessions.get(cid, session.id)).version });
  session = await s.sessions.transition(cid, session.id, { to: 'open', version: (await s.sessions.get(cid, session.id)).version });
  // Thirteen present; PESSIGNY excused with a proxy to LORMEAUX; GOUDEMONT absent.
  await s.attendance.setOpening(cid, session.id, {
    version: (await s.sessions.get(cid, session.id)).version,
    entries: ids.map((memberId, i) => ({ memberId, status: i === 7 ? 'excused' : i === 14 ? 'absent' : 'present' })),
  });
  await s.proxies.create(cid, session.id, { giverId: ids[7], holderId: ids[5], signedOn: '2026-03-10' });
  const items = [];
  for (const [i, it] of ITEMS.entries()) {
    items.push(await s.items.create(cid, session.id, {
      object: it.object, rapporteurId: i === 0 ? ids[2] : maire, actesNature: it.nature, matiereCode: it.matiere, reasonsMd: it.reasons, decisionMd: it.decision,
    }));
  }
  await app.get(AnnexesService).add(cid, items[0].id, { buffer: await budgetAnnex(), originalname: 'budget-primitif-2026.pdf', size: 0 }, 'Budget primitif 2026 : balance générale');
  for (const [i, item] of items.entries()) {
    const state = await s.register.itemState(cid, item.id);
    const contre = i === 0 ? 2 : 0;
    await s.votes.record(cid, item.id, { mode: 'show_of_hands', counts: { pour: state.attendance.voters - contre - (i === 2 ? 1 : 0), contre, abstention: i === 2 ? 1 : 0 } });
  }
  const fresh = await s.sessions.get(cid, session.id);
  await s.sessions.transition(cid, session.id, { to: 'closed', version: fresh.version });
  return items;
}

/** A one-page annex made like the acts (deterministic bytes). */
function budgetAnnex(): Promise<Buffer> {
  const md = '# Budget primitif 2026 — balance générale\n\n| Section | Dépenses | Recettes |\n|---|--:|--:|\n| Fonctionnement | 1 284 600 € | 1 284 600 € |\n| Investissement | 512 300 € | 512 300 € |\n';
  return renderMarkdownToPdf(md, {
    title: 'Budget primitif 2026', subject: 'Annexe à la délibération 2026-001', author: VALMORIN.collectivity.name, keywords: 'budget, 2026',
    date: new Date('2026-03-05T09:00:00+01:00'), headLeft: VALMORIN.collectivity.name, headRight: 'Annexe — délibération n°2026-001',
  }, { pdfa: true });
}

import { EntityManager } from 'typeorm';
import { Body } from '../collectivities/body.entity';
import { Collectivity } from '../collectivities/collectivity.entity';
import { Attendance, AttendanceChangeRow } from '../attendance/attendance.entity';
import { Item, ItemRecusal } from '../deliberations/item.entity';
import { Member } from '../members/member.entity';
import { Membership } from '../members/membership.entity';
import { Proxy, ProxySession } from '../proxies/proxy.entity';
import { Session, SessionSecretary } from '../sessions/session.entity';
import { assertFound } from '../domain/errors';
import { profileFor } from '../domain/rule-profiles';
import { DEFAULT_TIME_ZONE, localParts } from '../domain/time-zones';
import type { AttendanceChange, ItemContext, ProxyInput, RectifiedActRef, RuleProfile, SeatedMember } from '../domain/types';

/** Everything the rules need about one session, loaded in a handful of queries. */
export interface SessionContext {
  collectivity: Collectivity;
  body: Body;
  session: Session;
  profile: RuleProfile;
  /** Local date of the session in the collectivity's time zone: the date members in office, rule profiles and numbers are judged on. */
  localDate: string;
  localTime: string;
  members: SeatedMember[];
  membersById: Map<string, SeatedMember>;
  items: Item[];
  positionOf: Map<string, number>;
  attendance: Attendance[];
  changes: AttendanceChange[];
  changeRows: AttendanceChangeRow[];
  proxies: ProxyInput[];
  proxyRows: { proxy: Proxy; link: ProxySession }[];
  recusals: ItemRecusal[];
  secretaries: SeatedMember[];
  /** L2121-17: the items of the first convocation that items of this session carry over, by id. */
  carriedFrom: Map<string, CarriedFrom>;
  /** Issue 9: the acts that items of this session rectify, by the rectifying item's id. */
  rectifies: Map<string, RectifiedActRef>;
}

/** An item of the failed first convocation, as an item carrying it over names it. */
export interface CarriedFrom {
  id: string;
  sessionId: string;
  number: string;
  object: string;
}

export { localParts };

/** The collectivity's time zone, in which every date of its acts is read. */
export async function timeZoneOfCollectivity(em: EntityManager, collectivityId: string): Promise<string> {
  const rows: { time_zone: string }[] = await em.query(`SELECT time_zone FROM collectivity WHERE id = $1`, [collectivityId]);
  return rows[0]?.time_zone ?? DEFAULT_TIME_ZONE;
}

export function toSeated(m: Member, ms: Membership): SeatedMember {
  return {
    id: m.id, civility: m.civility, firstName: m.firstName, lastName: m.lastName, birthDate: m.birthDate,
    seat: ms.seat, titulaireId: ms.titulaireId, title: ms.title, tableRank: ms.tableRank,
  };
}

/** Members in office in the body on a date, titulaires first then suppléants, by name. */
export async function membersInOffice(em: EntityManager, collectivityId: string, bodyId: string, date: string): Promise<SeatedMember[]> {
  const rows: (Member & { ms_seat: string })[] = await em.query(
    `SELECT m.id, m.civility, m.first_name, m.last_name, to_char(m.birth_date, 'YYYY-MM-DD') AS birth_date,
            ms.seat, ms.titulaire_id, ms.title, ms.table_rank
       FROM membership ms JOIN member m ON m.id = ms.member_id
      WHERE ms.collectivity_id = $1 AND ms.body_id = $2 AND ms.start_date <= $3 AND (ms.end_date IS NULL OR ms.end_date >= $3)
      ORDER BY ms.seat DESC, m.last_name, m.first_name, m.id`,
    [collectivityId, bodyId, date],
  );
  return rows.map((r: any) => ({
    id: r.id, civility: r.civility, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date,
    seat: r.seat, titulaireId: r.titulaire_id, title: r.title, tableRank: r.table_rank,
  }));
}

/**
 * Loads a session and its record. With `lock`, the session row is locked for the transaction:
 * use cases that change a session's record serialize on it, so concurrent edits cannot interleave.
 */
export async function loadSessionContext(em: EntityManager, collectivityId: string, sessionId: string, lock = false): Promise<SessionContext> {
  const session = assertFound(
    await em.getRepository(Session).findOne({ where: { id: sessionId, collectivityId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) }),
    'Session', sessionId,
  );
  // Sequential on purpose: inside a transaction all queries share one connection.
  const collectivity = await em.getRepository(Collectivity).findOneByOrFail({ id: collectivityId });
  const body = await em.getRepository(Body).findOneByOrFail({ id: session.bodyId, collectivityId });
  const { date: localDate, time: localTime } = localParts(session.startsAt, collectivity.timeZone);
  const profile = profileFor(body.ruleProfile, localDate, body.customRules ?? undefined, collectivity.departementCode);
  const members = await membersInOffice(em, collectivityId, body.id, localDate);
  const items = await em.getRepository(Item).find({ where: { sessionId, collectivityId }, order: { position: 'ASC' } });
  const attendance = await em.getRepository(Attendance).find({ where: { sessionId, collectivityId } });
  const changeRows = await em.getRepository(AttendanceChangeRow).find({ where: { sessionId, collectivityId }, order: { createdAt: 'ASC', id: 'ASC' } });
  const links = await em.getRepository(ProxySession).find({ where: { sessionId, collectivityId }, order: { createdAt: 'ASC', proxyId: 'ASC' } });
  const recusals = await em.query(`SELECT r.* FROM item_recusal r JOIN item i ON i.id = r.item_id WHERE i.session_id = $1 AND r.collectivity_id = $2`, [sessionId, collectivityId]);
  const secretaryRows = await em.getRepository(SessionSecretary).find({ where: { sessionId, collectivityId }, order: { rank: 'ASC' } });
  const membersById = new Map(members.map((m) => [m.id, m]));
  const positionOf = new Map(items.map((i) => [i.id, i.position]));
  const proxyEntities = links.length
    ? await em.getRepository(Proxy).createQueryBuilder('p').where('p.id IN (:...ids)', { ids: links.map((l) => l.proxyId) }).getMany()
    : [];
  const proxyById = new Map(proxyEntities.map((p) => [p.id, p]));
  const proxyRows = links.map((link) => ({ proxy: proxyById.get(link.proxyId)!, link }));
  const pos = (id: string | null) => (id ? (positionOf.get(id) ?? null) : null);
  const carriedIds = items.map((i) => i.carriedFromItemId).filter((id): id is string => !!id);
  const carriedFrom = carriedIds.length
    ? await em.getRepository(Item).createQueryBuilder('i').where('i.id IN (:...ids) AND i.collectivity_id = :cid', { ids: carriedIds, cid: collectivityId }).getMany()
    : [];
  const rectifies = items.length ? await rectifiedActs(em, collectivityId, items.map((i) => i.id), collectivity.timeZone) : new Map<string, RectifiedActRef>();
  return {
    collectivity, body, session, profile, localDate, localTime, members, membersById, items, positionOf, attendance, changeRows, rectifies,
    changes: changesOf(changeRows, positionOf),
    proxies: proxyRows.map(({ proxy, link }) => ({
      id: proxy.id, giverId: proxy.giverId, holderId: proxy.holderId,
      fromPosition: pos(link.fromItemId), untilPosition: pos(link.untilItemId),
      revokedFromPosition: link.revoked ? (pos(link.revokedFromItemId) ?? 1) : null,
    })),
    proxyRows,
    recusals: recusals.map((r: any) => Object.assign(new ItemRecusal(), {
      id: r.id, collectivityId: r.collectivity_id, itemId: r.item_id, memberId: r.member_id, reason: r.reason,
    })),
    secretaries: secretaryRows.map((s) => membersById.get(s.memberId)).filter((m): m is SeatedMember => !!m),
    carriedFrom: new Map(carriedFrom.map((i) => [i.id, { id: i.id, sessionId: i.sessionId, number: i.number, object: i.object }])),
  };
}

/** The acts rectified by these items (src/issuing/rectifications.service.ts records them), with the original's date. */
async function rectifiedActs(em: EntityManager, collectivityId: string, itemIds: string[], timeZone: string): Promise<Map<string, RectifiedActRef>> {
  const rows: { item_id: string; kind: RectifiedActRef['kind']; id: string; number: string; object: string; starts_at: Date }[] = await em.query(
    `SELECT r.item_id, r.kind, o.id, o.number, o.object, s.starts_at
       FROM act_rectification r JOIN item o ON o.id = r.rectifies_item_id JOIN session s ON s.id = o.session_id
      WHERE r.collectivity_id = $1 AND r.item_id = ANY($2::uuid[])`,
    [collectivityId, itemIds],
  );
  return new Map(rows.map((r) => [r.item_id, { kind: r.kind, itemId: r.id, number: r.number, object: r.object, sessionDate: localParts(r.starts_at, timeZone).date }]));
}

/** The rules' view of the arrivals and departures recorded. */
export function changesOf(rows: AttendanceChangeRow[], positionOf: Map<string, number>): AttendanceChange[] {
  return rows.map((c) => ({ memberId: c.memberId, kind: c.kind, fromPosition: positionOf.get(c.fromItemId) ?? 1, atTime: c.atTime ? c.atTime.slice(0, 5) : null }));
}

/** The rules' view of one item (or of a position before any item exists, e.g. the opening). */
export function itemContext(ctx: SessionContext, position: number, itemId?: string): ItemContext {
  // L2121-17: a second convocation deliberates whatever the number present on the agenda of the first one only, so the
  // quorum is waived for the items carried over from it; at the opening (no item) the session may sit for them.
  const carried = itemId ? !!ctx.items.find((i) => i.id === itemId)?.carriedFromItemId : true;
  return {
    position,
    members: ctx.members,
    attendance: ctx.attendance.map((a) => ({ memberId: a.memberId, status: a.status, replacesMemberId: a.replacesMemberId })),
    changes: ctx.changes,
    proxies: ctx.proxies,
    notTakingPart: itemId ? ctx.recusals.filter((r) => r.itemId === itemId).map((r) => ({ memberId: r.memberId, reason: r.reason })) : [],
    profile: ctx.profile,
    secondConvocation: ctx.session.secondConvocation && carried,
    recusedHolderProxy: ctx.body.recusedHolderProxy,
  };
}

// After the kills, what the database holds (read as its owner, no row-level security) against what the API
// acknowledged, for bench/crash.bench.ts: each acknowledged write whole and once, nothing half-written.
import { Client } from 'pg';
import { PHASES, Phase, Tally } from './crash-clerk';

export interface Verdict {
  perPhase: Record<Phase, { acked: number; found: number }>;
  lost: string[];
  /** Found, but not as acknowledged (another member, other counts...). */
  changed: string[];
  duplicated: number;
  halfWritten: string[];
  storedUnacknowledged: { changes: number; proxies: number; votes: number };
}

interface ChangeRow { id: string; session_id: string; member_id: string; kind: string; from_item_id: string }
interface ProxyRow { id: string; giver_id: string; holder_id: string; session_id: string | null; from_item_id: string | null; until_item_id: string | null }
interface VoteRow { id: string; item_id: string; voters: number; pour: number | null; contre: number | null; abstention: number | null; status: string; ballots: number }

const count = async (db: Client, sql: string, args: unknown[]): Promise<number> => Number((await db.query<{ n: string }>(sql, args)).rows[0].n);

export async function verify(db: Client, sessions: string[], t: Tally): Promise<Verdict> {
  const v: Verdict = {
    perPhase: Object.fromEntries(PHASES.map((p) => [p, { acked: 0, found: 0 }])) as Verdict['perPhase'],
    lost: [], changed: [], duplicated: 0, halfWritten: [], storedUnacknowledged: { changes: 0, proxies: 0, votes: 0 },
  };
  const foundOf = { changes: 0, proxies: 0, votes: 0 };
  const tick = (kind: keyof typeof foundOf, phase: Phase, found: boolean, what: string) => {
    v.perPhase[phase].acked++;
    if (found) (v.perPhase[phase].found++, foundOf[kind]++);
    else v.lost.push(what);
  };

  const changes = (await db.query<ChangeRow>('SELECT id, session_id, member_id, kind, from_item_id FROM attendance_change WHERE session_id = ANY($1)', [sessions])).rows;
  const changeKey = (sid: string, member: string, kind: string, item: string) => `${sid}|${member}|${kind}|${item}`;
  const changeById = new Map(changes.map((c) => [c.id, c]));
  const changeByKey = new Map(changes.map((c) => [changeKey(c.session_id, c.member_id, c.kind, c.from_item_id), c]));
  for (const a of t.changes) {
    const row = a.id ? changeById.get(a.id) : changeByKey.get(changeKey(a.sid, a.memberId, a.kind, a.itemId));
    tick('changes', a.phase, !!row, `${a.kind} ${a.id ?? ''} of ${a.memberId} at item ${a.itemId}`);
    if (row && changeKey(row.session_id, row.member_id, row.kind, row.from_item_id) !== changeKey(a.sid, a.memberId, a.kind, a.itemId)) v.changed.push(`change ${row.id}`);
  }

  const ackedProxyIds = t.proxies.map((p) => p.id);
  const proxies = (await db.query<ProxyRow>(
    `SELECT p.id, p.giver_id, p.holder_id, ps.session_id, ps.from_item_id, ps.until_item_id FROM proxy p LEFT JOIN proxy_session ps ON ps.proxy_id = p.id
      WHERE p.id = ANY($1) OR ps.session_id = ANY($2)`, [ackedProxyIds, sessions])).rows;
  const proxyRows = new Map<string, ProxyRow[]>();
  for (const r of proxies) proxyRows.set(r.id, [...(proxyRows.get(r.id) ?? []), r]);
  for (const a of t.proxies) {
    const rows = proxyRows.get(a.id) ?? [];
    tick('proxies', a.phase, rows.length > 0, `proxy ${a.id} of ${a.giverId}`);
    const whole = rows.length === 1 && rows[0].session_id === a.sid && rows[0].from_item_id === a.itemId && rows[0].until_item_id === a.itemId;
    if (rows.length && (!whole || rows[0].giver_id !== a.giverId || rows[0].holder_id !== a.holderId)) v.changed.push(`proxy ${a.id}`);
  }

  const votes = (await db.query<VoteRow>(
    `SELECT v.id, v.item_id, v.voters, v.pour, v.contre, v.abstention, i.status, (SELECT count(*) FROM ballot b WHERE b.vote_id = v.id)::int AS ballots
       FROM vote v JOIN item i ON i.id = v.item_id WHERE i.session_id = ANY($1)`, [sessions])).rows;
  const voteByItem = new Map(votes.map((r) => [r.item_id, r]));
  for (const a of t.votes) {
    const row = voteByItem.get(a.itemId);
    tick('votes', a.phase, !!row, `vote of item ${a.itemId}`);
    const same = (x: number | null, y: number | null) => y === null || x === y;
    if (row && (row.ballots !== a.ballots || row.status !== 'voted' || !same(row.pour, a.pour) || !same(row.contre, a.contre) || !same(row.abstention, a.abstention))) {
      v.changed.push(`vote ${row.id}: ${row.ballots} ballots (${a.ballots} acknowledged), item ${row.status}`);
    }
  }

  // Half-written: a proxy without the session it covers, a vote without all its ballots or whose item is not
  // marked voted, an item marked voted without its vote. Duplicated: the same gesture stored twice.
  for (const id of (await db.query<{ id: string }>('SELECT p.id FROM proxy p WHERE NOT EXISTS (SELECT 1 FROM proxy_session ps WHERE ps.proxy_id = p.id)')).rows) v.halfWritten.push(`proxy ${id.id} without proxy_session`);
  for (const r of votes) if (r.ballots !== r.voters || r.status !== 'voted') v.halfWritten.push(`vote ${r.id}: ${r.ballots} ballots for ${r.voters} voters, item ${r.status}`);
  const bare = await db.query<{ id: string }>(`SELECT i.id FROM item i WHERE i.session_id = ANY($1) AND i.status = 'voted' AND NOT EXISTS (SELECT 1 FROM vote v WHERE v.item_id = i.id)`, [sessions]);
  for (const r of bare.rows) v.halfWritten.push(`item ${r.id} voted without its vote`);
  v.duplicated =
    (await count(db, `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM attendance_change WHERE session_id = ANY($1) GROUP BY session_id, member_id, kind, from_item_id) g`, [sessions])) +
    (await count(db, `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM proxy p JOIN proxy_session ps ON ps.proxy_id = p.id WHERE ps.session_id = ANY($1)
        GROUP BY ps.session_id, p.giver_id, p.holder_id, ps.from_item_id, ps.until_item_id) g`, [sessions])) +
    (await count(db, `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM vote v JOIN item i ON i.id = v.item_id WHERE i.session_id = ANY($1) GROUP BY v.item_id) g`, [sessions])) +
    (await count(db, `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM ballot b JOIN vote v ON v.id = b.vote_id JOIN item i ON i.id = v.item_id
        WHERE i.session_id = ANY($1) GROUP BY b.vote_id, coalesce(b.on_behalf_of_id, b.voter_id)) g`, [sessions]));

  v.storedUnacknowledged = {
    changes: changes.length - foundOf.changes,
    proxies: new Set(proxies.filter((r) => r.session_id && sessions.includes(r.session_id)).map((r) => r.id)).size - foundOf.proxies,
    votes: votes.length - foundOf.votes,
  };
  return v;
}

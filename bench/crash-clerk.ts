// A clerk recording a live session through the API, for bench/crash.bench.ts: item after item, the member who
// left at the last item comes back, another leaves and gives a proxy to a colleague for that item, then the item
// is voted by roll call, one ballot per voter (the holder votes for the giver). Every write the API acknowledges
// is kept, to be looked for in the database after the kills.
import { call } from './bench-api';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const PHASES = ['before the kill of the app', 'between the kills', 'after the kill of PostgreSQL'] as const;
export type Phase = (typeof PHASES)[number];

export interface AckedChange { phase: Phase; id: string | null; sid: string; memberId: string; kind: 'arrival' | 'departure'; itemId: string }
export interface AckedProxy { phase: Phase; id: string; sid: string; giverId: string; holderId: string; itemId: string }
export interface AckedVote { phase: Phase; sid: string; itemId: string; ballots: number; pour: number | null; contre: number | null; abstention: number | null }

/** What all the clerks saw: acknowledged writes, every answer by status, refusals by code. */
export class Tally {
  phase: Phase = PHASES[0];
  running = true;
  /** Cleared at the first 400 naming `version`: an API whose gestures take no session version. */
  withVersion = true;
  readonly changes: AckedChange[] = [];
  readonly proxies: AckedProxy[] = [];
  readonly votes: AckedVote[] = [];
  readonly answers: Record<string, number> = {};
  readonly refusals: Record<string, number> = {};
  readonly samples500: string[] = [];

  count(status: string): void {
    this.answers[status] = (this.answers[status] ?? 0) + 1;
  }
  refuse(status: number, body: unknown, retried: boolean): void {
    const code = (body as { code?: string } | null)?.code ?? '';
    const key = `${status} ${code}${retried ? ' (sent again after no answer)' : ''}`;
    this.refusals[key] = (this.refusals[key] ?? 0) + 1;
  }
}

interface State {
  session?: { version?: number };
  attendance: {
    present: { member: { id: string } }[];
    represented: { giver: { id: string }; holder: { id: string } }[];
    notTakingPart: { member: { id: string } }[];
  };
}

const versionOf = (b: unknown): number | undefined => {
  const o = b as { version?: unknown; session?: { version?: unknown } } | null;
  const v = o?.version ?? o?.session?.version;
  return typeof v === 'number' ? v : undefined;
};

export class Clerk {
  private at = 0;
  /** The session version the last answer was computed at: the next gesture is made on it. */
  private version: number | undefined;
  private readonly root: string;

  constructor(
    private readonly base: string,
    private readonly cid: string,
    private readonly s: { sid: string; items: string[] },
    /** Who may leave and hold proxies: the titulaires but the president, who stays in the chair. */
    private readonly members: string[],
    private readonly t: Tally,
    private readonly moreItems: number,
  ) {
    this.root = `/api/collectivities/${cid}`;
  }

  async run(): Promise<void> {
    while (this.t.running) {
      if (this.at < this.s.items.length) await this.item();
      else if (!(await this.addItems())) await sleep(1000);
    }
  }

  private leaving(i: number): string {
    return this.members[i % this.members.length];
  }
  private holder(i: number): string {
    return this.members[(i + Math.floor(this.members.length / 2)) % this.members.length];
  }

  private async item(): Promise<void> {
    const i = this.at;
    const itemId = this.s.items[i];
    if (i > 0) await this.change('arrival', this.leaving(i - 1), itemId);
    await this.change('departure', this.leaving(i), itemId);
    await this.proxy(this.leaving(i), this.holder(i), itemId);
    await this.vote(itemId);
    this.at++;
  }

  /**
   * Sends until answered: 2xx acknowledges; no answer or a 5xx (a kill) leaves the write unknown, so it is sent
   * again, as a clerk would, and a refusal then may mean that the first try was written.
   */
  private async send<T>(method: string, path: string, payload?: Record<string, unknown>, gesture = true): Promise<T | null> {
    let retried = false;
    while (this.t.running) {
      // Only live gestures carry the session version; anything else (a new item) moves it, so the next gesture goes without.
      const withVersion = gesture && payload && this.t.withVersion && this.version !== undefined;
      let r: { status: number; body: T };
      try {
        r = await call<T>(this.base, method, `${this.root}${path}`, withVersion ? { ...payload, version: this.version } : payload);
      } catch {
        this.t.count('no answer');
        retried = true;
        await sleep(250);
        continue;
      }
      if (r.status === 400 && withVersion && /\bversion\b/.test(JSON.stringify(r.body))) {
        this.t.withVersion = false;
        continue;
      }
      this.t.count(String(r.status));
      if (r.status < 300) {
        this.version = gesture ? versionOf(r.body) : undefined;
        return r.body;
      }
      if (r.status >= 500) {
        if (r.status === 500 && this.t.samples500.length < 5) this.t.samples500.push(`${method} ${path}: ${JSON.stringify(r.body).slice(0, 300)}`);
        retried = true;
        await sleep(250);
        continue;
      }
      this.t.refuse(r.status, r.body, retried);
      this.version = undefined;
      return null;
    }
    return null;
  }

  private async change(kind: 'arrival' | 'departure', memberId: string, itemId: string): Promise<void> {
    type Summary = { id?: string; changes?: { id: string; memberId: string; kind: string; fromItemId: string }[] };
    const b = await this.send<Summary>('POST', `/sessions/${this.s.sid}/attendance-changes`, { memberId, kind, fromItemId: itemId });
    if (!b) return;
    const id = b.changes?.find((c) => c.memberId === memberId && c.kind === kind && c.fromItemId === itemId)?.id ?? b.id ?? null;
    this.t.changes.push({ phase: this.t.phase, id, sid: this.s.sid, memberId, kind, itemId });
  }

  /** "donne pouvoir pour le point N": from and until the item, so that the holder is free again at the next one. */
  private async proxy(giverId: string, holderId: string, itemId: string): Promise<void> {
    const b = await this.send<{ id: string }>('POST', `/sessions/${this.s.sid}/proxies`, { giverId, holderId, fromItemId: itemId, untilItemId: itemId });
    if (b) this.t.proxies.push({ phase: this.t.phase, id: b.id, sid: this.s.sid, giverId, holderId, itemId });
  }

  /** Who votes is read from the item's state: each member present, and each holder for his giver. */
  private async vote(itemId: string): Promise<void> {
    const st = await this.send<State>('GET', `/items/${itemId}/state`);
    if (!st) return;
    const a = st.attendance;
    const out = new Set(a.notTakingPart.map((n) => n.member.id));
    const ballots = [
      ...a.present.filter((p) => !out.has(p.member.id)).map((p) => ({ voterId: p.member.id })),
      ...a.represented.filter((r) => !out.has(r.giver.id)).map((r) => ({ voterId: r.holder.id, onBehalfOfId: r.giver.id })),
    ].map((b, n) => ({ ...b, choice: n % 9 === 4 ? 'contre' : n % 13 === 6 ? 'abstention' : 'pour' }));
    type Voted = { vote?: { pour: number | null; contre: number | null; abstention: number | null } | null };
    const b = await this.send<Voted>('POST', `/items/${itemId}/vote`, { mode: 'roll_call', ballots });
    if (b) this.t.votes.push({ phase: this.t.phase, sid: this.s.sid, itemId, ballots: ballots.length, pour: b.vote?.pour ?? null, contre: b.vote?.contre ?? null, abstention: b.vote?.abstention ?? null });
  }

  /** The agenda runs out: more points are added to the open session (not among the writes checked); whether any was. */
  private async addItems(): Promise<boolean> {
    const before = this.s.items.length;
    for (let n = 0; n < this.moreItems && this.t.running; n++) {
      const b = await this.send<{ id: string }>('POST', `/sessions/${this.s.sid}/items`, { object: `CRASH BENCH POINT ${this.s.items.length + 1}` }, false);
      if (b) this.s.items.push(b.id);
    }
    return this.s.items.length > before;
  }
}

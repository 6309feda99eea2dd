import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';

/** What a screen is told: the session changed (its new version), or "reload" after the listener reconnected. */
export interface SessionEvent {
  sessionId: string;
  version: number | null;
}

const channel = (sessionId: string) => `session_${sessionId}`;
const RETRY_MS = [100, 250, 500, 1000, 2000, 5000];

/**
 * One dedicated PostgreSQL connection per app instance LISTENs on the channels of the sessions someone watches,
 * and fans each notification out to that instance's screens. Notifications are sent by the unit of work right after
 * its commit (migration AnnounceAfterCommit), so every instance on the database learns of a change once committed.
 * The connection is reopened when it breaks; the channels are listened to again and every screen reloads, since
 * notifications sent meanwhile are lost.
 */
@Injectable()
export class SessionEvents implements OnModuleDestroy {
  private readonly logger = new Logger('SessionEvents');
  private readonly watchers = new Map<string, Set<(e: SessionEvent) => void>>();
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private closed = false;
  private attempt = 0;

  constructor(private readonly db: DataSource) {}

  /** Events of one session; the LISTEN is issued before the first event can be missed. */
  watch(sessionId: string): Observable<SessionEvent> {
    return new Observable<SessionEvent>((subscriber) => {
      const send = (e: SessionEvent) => subscriber.next(e);
      let set = this.watchers.get(sessionId);
      const first = !set;
      if (!set) this.watchers.set(sessionId, (set = new Set()));
      set.add(send);
      if (first) this.listen(sessionId).catch((e) => this.logger.warn(`LISTEN ${sessionId}: ${(e as Error).message}`));
      return () => {
        set!.delete(send);
        if (set!.size === 0 && this.watchers.get(sessionId) === set) {
          this.watchers.delete(sessionId);
          this.client?.query(`UNLISTEN "${channel(sessionId)}"`).catch(() => undefined);
        }
      };
    });
  }

  /** Resolves once this instance listens to the session (tests and the benchmark wait for it). */
  async listen(sessionId: string): Promise<void> {
    const client = await this.connection();
    await client.query(`LISTEN "${channel(sessionId)}"`);
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private connection(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => { this.connecting = null; });
    return this.connecting;
  }

  private async open(): Promise<Client> {
    const options = this.db.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'registre-live' });
    client.on('notification', (n) => {
      const sessionId = n.channel.startsWith('session_') ? n.channel.slice('session_'.length) : null;
      if (!sessionId) return;
      const version = Number(n.payload);
      this.emit({ sessionId, version: Number.isInteger(version) ? version : null });
    });
    client.on('error', (e) => this.logger.warn(`listener connection: ${e.message}`));
    client.on('end', () => {
      if (this.client === client) this.client = null;
      if (!this.closed) this.reconnect();
    });
    await client.connect();
    this.client = client;
    this.attempt = 0;
    for (const sessionId of this.watchers.keys()) await client.query(`LISTEN "${channel(sessionId)}"`);
    return client;
  }

  private reconnect(): void {
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
    setTimeout(() => {
      if (this.closed || this.watchers.size === 0) return;
      this.connection().then(
        // What changed while the connection was down was not notified: every screen reloads.
        () => { for (const sessionId of this.watchers.keys()) this.emit({ sessionId, version: null }); },
        (e) => { this.logger.warn(`listener reconnect failed: ${(e as Error).message}`); this.reconnect(); },
      );
    }, delay).unref();
  }

  private emit(e: SessionEvent): void {
    for (const send of this.watchers.get(e.sessionId) ?? []) send(e);
  }
}

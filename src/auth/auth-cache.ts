import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';

/** At most this many sessions and tokens are kept; past it, the oldest is forgotten. */
const MAX_ENTRIES = 10_000;
/** A backstop: an entry is asked for again after this long even if no change was announced. */
const MAX_AGE_MS = 60_000;
const RETRY_MS = [100, 250, 500, 1000, 2000, 5000];

interface Entry<T> {
  found: T;
  until: number;
}

/**
 * Who a session cookie or a token is, kept between requests: looking it up was one SQL function call per request,
 * as much as the rest of a live gesture's read. An entry is served only while this instance LISTENs on
 * registre_auth, where the triggers of migration AuthChanges announce every change of accounts, grants, members,
 * sessions and tokens, whoever makes it; on that announcement, or when the listening connection breaks, everything
 * is forgotten. The instance that commits such a change forgets at once, before it answers (its unit of work is
 * told by the database), so a sign-out or a revocation holds from the next request on. No entry outlives the
 * expiry of its session or token.
 */
@Injectable()
export class AuthCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('AuthCache');
  private readonly entries = new Map<string, Entry<unknown>>();
  /** Moves at each forgetting: a lookup that started before it does not put its (maybe stale) answer back. */
  private generation = 0;
  private client: Client | null = null;
  private listening = false;
  private closed = false;
  private attempt = 0;

  constructor(private readonly db: DataSource, uow: UnitOfWork) {
    uow.onAuthChange(() => this.forget());
  }

  async onModuleInit(): Promise<void> {
    await this.open().catch((e) => {
      this.logger.warn(`not listening to account changes yet, every request looks its caller up: ${(e as Error).message}`);
      this.reconnect();
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.forget();
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  /** Whether entries are served (tests wait for it). */
  get active(): boolean {
    return this.listening;
  }

  /** The cached answer for `key`, else `lookup()`'s, kept until `expiresAt` at the latest (null answers are not kept). */
  async get<T>(key: string, lookup: () => Promise<T | null>, expiresAt: (found: T) => Date | null): Promise<T | null> {
    const now = Date.now();
    const hit = this.listening ? this.entries.get(key) : undefined;
    if (hit && hit.until > now) return hit.found as T;
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const found = await lookup();
    if (found !== null && this.listening && generation === this.generation) {
      const until = Math.min(now + MAX_AGE_MS, expiresAt(found)?.getTime() ?? now);
      if (until > now) this.keep(key, { found, until });
    }
    return found;
  }

  forget(): void {
    this.generation++;
    this.entries.clear();
  }

  private keep(key: string, entry: Entry<unknown>): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }

  private async open(): Promise<void> {
    const options = this.db.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'registre-auth' });
    client.on('notification', () => this.forget());
    client.on('error', (e) => this.logger.warn(`listener connection: ${e.message}`));
    client.on('end', () => {
      // Announcements sent while no one listens are lost: nothing is served from the cache until listening again.
      this.listening = false;
      this.forget();
      if (this.client === client) this.client = null;
      if (!this.closed) this.reconnect();
    });
    try {
      await client.connect();
      await client.query('LISTEN registre_auth');
    } catch (e) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw e;
    }
    if (this.closed) return void client.end().catch(() => undefined);
    this.client = client;
    this.forget();
    this.listening = !this.closed;
    this.attempt = 0;
  }

  private reconnect(): void {
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
    setTimeout(() => {
      if (this.closed || this.client) return;
      this.open().catch((e) => {
        // Said once per outage, not at every retry.
        if (this.attempt === 1) this.logger.warn(`listener reconnect failed, retrying: ${(e as Error).message}`);
        this.reconnect();
      });
    }, delay).unref();
  }
}

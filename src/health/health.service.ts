import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';

export interface Health {
  status: 'ok' | 'unavailable';
  database: { status: 'up' | 'down'; latencyMs: number; error?: string };
}

/** How long a load balancer's probe waits for the database before calling it down. */
const PROBE_MS = 2_000;

@Injectable()
export class HealthService {
  constructor(private readonly db: DataSource) {}

  /** One `SELECT 1` through the app's own pool: what a request would meet, nothing heavier. */
  async check(): Promise<Health> {
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_MS} ms`)), PROBE_MS))),
      ]);
      return { status: 'ok', database: { status: 'up', latencyMs: Math.round(performance.now() - t0) } };
    } catch (e) {
      const error = (e as { code?: string }).code ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
      return { status: 'unavailable', database: { status: 'down', latencyMs: Math.round(performance.now() - t0), error } };
    } finally {
      clearTimeout(timer);
    }
  }
}

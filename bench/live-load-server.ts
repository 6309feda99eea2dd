// Bench-only server (never part of the production app; started by bench/live-load.bench.ts): the app built by
// createApp as `npm start` builds it, plus, in the same process, a bare Nest app whose one route does one INSERT
// per request into the same PostgreSQL (the floor the live path is read against). BENCH_MODE=bypass swaps the
// request's actor lookup (cookie/bearer → account) for a fixed actor and connects as the owner, which bypasses
// row-level security: the cost of authentication and RLS (issue 6) is the ratio of the two.
import 'reflect-metadata';
import { Controller, Inject, Module, OnModuleDestroy, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { createApp } from '../src/app.factory';
import { ActorMiddleware } from '../src/auth/actor.middleware';
import type { RequestAuth } from '../src/auth/request-auth';

const POOL = 'BENCH_BARE_POOL';

@Controller('bare')
class BareInsertController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Post()
  async insert() { await this.pool.query('INSERT INTO bench_bare (payload) VALUES ($1)', ['x']); return { ok: true }; }
}

@Module({
  controllers: [BareInsertController],
  providers: [{ provide: POOL, useFactory: () => new Pool({ connectionString: process.env.BENCH_OWNER_URL, max: 10 }) }],
})
class BareInsertModule implements OnModuleDestroy {
  constructor(@Inject(POOL) private readonly pool: Pool) {}
  async onModuleDestroy() { await this.pool.end(); }
}

/** The bypass: the first authenticated request's bearer is looked up once; every later request gets that actor without a lookup. */
function injectFixedActor(): void {
  const proto = ActorMiddleware.prototype as unknown as { resolve: (req: unknown) => Promise<RequestAuth> };
  const lookup = proto.resolve;
  let fixed: RequestAuth | null = null;
  proto.resolve = async function (this: unknown, req: unknown) {
    if (fixed) return { ...fixed, requestId: `bench-${Math.random().toString(36).slice(2)}` };
    const found = await lookup.call(this, req);
    if (found.via) fixed = found; // the first authenticated request's (not the readiness probe's)
    return found;
  };
}

async function main(): Promise<void> {
  const bypass = process.env.BENCH_MODE === 'bypass';
  if (bypass) injectFixedActor();
  const app = await createApp({ databaseUrl: bypass ? process.env.BENCH_OWNER_URL! : process.env.BENCH_APP_URL! });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  const bare = await NestFactory.create(BareInsertModule, { logger: false });
  await bare.listen(Number(process.env.BENCH_BARE_PORT), '127.0.0.1');
  const stop = () => void Promise.all([app.close(), bare.close()]).finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

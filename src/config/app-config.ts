import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { resolve } from 'node:path';
import { LOG_LEVELS, LogLevel } from '../common/logging';
import { DEFAULT_LIMITS, type RenderLimits } from '../rendering/render-budget';
import { projectRoot } from './project-root';

/**
 * Time limits, in milliseconds. PostgreSQL: a statement, a wait for a lock, a transaction left idle (a client gone
 * mid-use-case must not hold its locks). HTTP: receiving a request's headers, the whole request, an idle
 * keep-alive connection (behind a load balancer, set it above the balancer's idle timeout).
 */
export interface Timeouts {
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { statementMs: 30_000, lockMs: 10_000, idleInTransactionMs: 60_000, headersMs: 20_000, requestMs: 120_000, keepAliveMs: 5_000 };

/** Environment, validated once at boot: a bad setting stops the app with a clear message. */
export class AppConfig {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** The application's role on the server of DATABASE_URL: owns nothing, not a superuser (row-level security). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_APP_URL must be a postgres:// URL' })
  DATABASE_APP_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsString()
  DATA_DIR = resolve(projectRoot(), 'data');

  @IsString()
  TEMPLATES_DIR = resolve(projectRoot(), 'templates');

  @IsOptional()
  @IsString()
  SEED_DEMO?: string;

  @IsOptional()
  @IsString()
  LOG_SQL?: string;

  /** Worker threads rendering documents (default: one per core). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(64)
  RENDER_THREADS?: number;

  /** Deadline of a document: base + per estimated page, capped (ms). */
  @Type(() => Number) @IsInt() @Min(100) @Max(600_000)
  RENDER_DEADLINE_MS = DEFAULT_LIMITS.deadlineBaseMs;

  @Type(() => Number) @IsInt() @Min(0) @Max(60_000)
  RENDER_DEADLINE_PER_PAGE_MS = DEFAULT_LIMITS.deadlinePerPageMs;

  @Type(() => Number) @IsInt() @Min(100) @Max(3_600_000)
  RENDER_DEADLINE_MAX_MS = DEFAULT_LIMITS.deadlineMaxMs;

  /** Heap of a render worker: base + per estimated page, capped (MB). */
  @Type(() => Number) @IsInt() @Min(64) @Max(65_536)
  RENDER_MEMORY_MB = DEFAULT_LIMITS.memoryBaseMb;

  @Type(() => Number) @IsNumber() @Min(0) @Max(1024)
  RENDER_MEMORY_PER_PAGE_MB = DEFAULT_LIMITS.memoryPerPageMb;

  @Type(() => Number) @IsInt() @Min(64) @Max(65_536)
  RENDER_MEMORY_MAX_MB = DEFAULT_LIMITS.memoryMaxMb;

  get renderLimits(): RenderLimits {
    return {
      deadlineBaseMs: this.RENDER_DEADLINE_MS, deadlinePerPageMs: this.RENDER_DEADLINE_PER_PAGE_MS, deadlineMaxMs: Math.max(this.RENDER_DEADLINE_MAX_MS, this.RENDER_DEADLINE_MS),
      memoryBaseMb: this.RENDER_MEMORY_MB, memoryPerPageMb: this.RENDER_MEMORY_PER_PAGE_MB, memoryMaxMb: Math.max(this.RENDER_MEMORY_MAX_MB, this.RENDER_MEMORY_MB),
    };
  }

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Type(() => Number) @IsInt() @Min(0)
  DB_STATEMENT_TIMEOUT_MS = DEFAULT_TIMEOUTS.statementMs;

  @Type(() => Number) @IsInt() @Min(0)
  DB_LOCK_TIMEOUT_MS = DEFAULT_TIMEOUTS.lockMs;

  @Type(() => Number) @IsInt() @Min(0)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = DEFAULT_TIMEOUTS.idleInTransactionMs;

  @Type(() => Number) @IsInt() @Min(1000)
  HTTP_HEADERS_TIMEOUT_MS = DEFAULT_TIMEOUTS.headersMs;

  @Type(() => Number) @IsInt() @Min(1000)
  HTTP_REQUEST_TIMEOUT_MS = DEFAULT_TIMEOUTS.requestMs;

  @Type(() => Number) @IsInt() @Min(0)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = DEFAULT_TIMEOUTS.keepAliveMs;

  get timeouts(): Timeouts {
    return {
      statementMs: this.DB_STATEMENT_TIMEOUT_MS,
      lockMs: this.DB_LOCK_TIMEOUT_MS,
      idleInTransactionMs: this.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      headersMs: this.HTTP_HEADERS_TIMEOUT_MS,
      requestMs: this.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveMs: this.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    };
  }

  /** Lifetime of a console session (sign-in cookie), in hours. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_HOURS = 12;

  /** `auto`: the cookie is Secure when the request came over HTTPS (directly or, with TRUST_PROXY, via the proxy). */
  @IsIn(['auto', 'true', 'false'])
  COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  /** Express's `trust proxy` setting behind a reverse proxy: `loopback`, a hop count, or addresses (X-Forwarded-For/-Proto). */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Issued acts print a QR code of PUBLIC_BASE_URL/verification/<code>: the public page that checks a copy. */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** The collectivity's seal certificate (PKCS#12) signing issued acts when signers have none of their own. */
  @IsOptional() @IsString()
  SEAL_P12_PATH?: string;

  @IsOptional() @IsString()
  SEAL_P12_PASSPHRASE?: string;

  /** A folder of signers' own certificates, one `<member-id>.p12` each: each signs the act in turn. */
  @IsOptional() @IsString()
  SIGNERS_P12_DIR?: string;

  @IsOptional() @IsString()
  SIGNERS_P12_PASSPHRASE?: string;

  /** Largest annex accepted (bytes). */
  @Type(() => Number) @IsInt() @Min(1024)
  ANNEX_MAX_BYTES = 20 * 1024 * 1024;

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') raw[k] = v;
  const config = plainToInstance(AppConfig, raw, { enableImplicitConversion: true, excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return config;
}

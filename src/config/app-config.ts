import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { resolve } from 'node:path';
import { projectRoot } from './project-root';

/** Environment, validated once at boot: a bad setting stops the app with a clear message. */
export class AppConfig {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

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

import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceModule } from './attendance/attendance.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CollectivitiesModule } from './collectivities/collectivities.module';
import { AppLogger, loggingParams, LogLevel } from './common/logging';
import { DEFAULT_TIMEOUTS, Timeouts } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { UnitOfWorkModule } from './database/unit-of-work';
import { DeliberationsModule } from './deliberations/deliberations.module';
import { ExtractsModule } from './extracts/extracts.module';
import { ImportsModule } from './imports/imports.module';
import { LiveModule } from './live/live.module';
import { HealthModule } from './health/health.module';
import { IssuingModule } from './issuing/issuing.module';
import { MembersModule } from './members/members.module';
import { MinutesModule } from './minutes/minutes.module';
import { ProxiesModule } from './proxies/proxies.module';
import { PublicationModule } from './publication/publication.module';
import { RegisterModule } from './register/register.module';
import { SessionsModule } from './sessions/sessions.module';
import { VotesModule } from './votes/votes.module';
import { WebModule } from './web/web.module';

export interface AppOptions {
  databaseUrl: string;
  logSql?: boolean;
  logLevel?: LogLevel;
  timeouts?: Timeouts;
  /** Overrides TRUST_PROXY (tests of throttling per address). */
  trustProxy?: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl, options.logSql ?? false, options.timeouts ?? DEFAULT_TIMEOUTS)),
        LoggerModule.forRoot(loggingParams(options.logLevel)),
        UnitOfWorkModule, AuthModule, HealthModule, RegisterModule, CollectivitiesModule, MembersModule, SessionsModule, DeliberationsModule, AttendanceModule, ProxiesModule, VotesModule, MinutesModule, ExtractsModule, ImportsModule, LiveModule, AuditModule, PublicationModule, WebModule, IssuingModule,
      ],
      providers: [AppLogger],
    };
  }
}

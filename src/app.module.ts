import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceModule } from './attendance/attendance.module';
import { CollectivitiesModule } from './collectivities/collectivities.module';
import { dataSourceOptions } from './database/data-source';
import { UnitOfWorkModule } from './database/unit-of-work';
import { DeliberationsModule } from './deliberations/deliberations.module';
import { ExtractsModule } from './extracts/extracts.module';
import { ImportsModule } from './imports/imports.module';
import { LiveModule } from './live/live.module';
import { MembersModule } from './members/members.module';
import { MinutesModule } from './minutes/minutes.module';
import { ProxiesModule } from './proxies/proxies.module';
import { RegisterModule } from './register/register.module';
import { SessionsModule } from './sessions/sessions.module';
import { VotesModule } from './votes/votes.module';
import { WebModule } from './web/web.module';

export interface AppOptions {
  databaseUrl: string;
  logSql?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl, options.logSql ?? false)),
        UnitOfWorkModule, RegisterModule, CollectivitiesModule, MembersModule, SessionsModule, DeliberationsModule, AttendanceModule, ProxiesModule, VotesModule, MinutesModule, ExtractsModule, ImportsModule, LiveModule, WebModule,
      ],
    };
  }
}

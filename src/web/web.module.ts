import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { CollectivitiesModule } from '../collectivities/collectivities.module';
import { DeliberationsModule } from '../deliberations/deliberations.module';
import { ImportsModule } from '../imports/imports.module';
import { LiveModule } from '../live/live.module';
import { MembersModule } from '../members/members.module';
import { MinutesModule } from '../minutes/minutes.module';
import { ProxiesModule } from '../proxies/proxies.module';
import { SessionsModule } from '../sessions/sessions.module';
import { VotesModule } from '../votes/votes.module';
import { ConsoleErrorFilter } from './console-error.filter';
import { ConsoleAfterController } from './console-after.controller';
import { ConsoleTemplatesController } from './console-templates.controller';
import { TemplatesPageService } from './templates-page.service';
import { ExtractsModule } from '../extracts/extracts.module';
import { ConsoleLiveController } from './console-live.controller';
import { ConsolePublicController } from './console-public.controller';
import { ConsoleSetupController } from './console-setup.controller';
import { ConsoleController } from './console.controller';
import { ConsoleService } from './console.service';
import { ConsoleViews } from './console-views';
import { AfterPageService } from './after-page.service';
import { AccountsPageService } from './accounts-page.service';
import { LivePageService } from './live-page.service';
import { ProjectorPageService } from './projector-page.service';
import { SetupPagesService } from './setup-pages.service';

/** The web console (server-rendered HTML, a small script for live updates). RegisterService is global. */
@Module({
  imports: [CollectivitiesModule, SessionsModule, MinutesModule, MembersModule, AttendanceModule, ProxiesModule, DeliberationsModule, VotesModule, ImportsModule, LiveModule, ExtractsModule],
  // ConsoleController last: its catch-all answers any other /console address with the French 404 page.
  controllers: [ConsoleSetupController, ConsoleLiveController, ConsoleAfterController, ConsoleTemplatesController, ConsolePublicController, ConsoleController],
  // The views are compiled once, at boot: a broken template stops the app instead of a page.
  providers: [{ provide: ConsoleViews, useFactory: () => new ConsoleViews() }, ConsoleService, ConsoleErrorFilter, LivePageService, SetupPagesService, ProjectorPageService, AfterPageService, TemplatesPageService, AccountsPageService],
})
export class WebModule {}

import { Module } from '@nestjs/common';
import { CollectivitiesModule } from '../collectivities/collectivities.module';
import { MinutesModule } from '../minutes/minutes.module';
import { SessionsModule } from '../sessions/sessions.module';
import { ConsoleErrorFilter } from './console-error.filter';
import { ConsoleController } from './console.controller';
import { ConsoleService } from './console.service';
import { ConsoleViews } from './console-views';

/** The read-only web console (server-rendered HTML, no client framework). RegisterService is global. */
@Module({
  imports: [CollectivitiesModule, SessionsModule, MinutesModule],
  controllers: [ConsoleController],
  // The views are compiled once, at boot: a broken template stops the app instead of a page.
  providers: [{ provide: ConsoleViews, useFactory: () => new ConsoleViews() }, ConsoleService, ConsoleErrorFilter],
})
export class WebModule {}

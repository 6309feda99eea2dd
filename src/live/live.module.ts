import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { LiveController } from './live.controller';
import { LiveService } from './live.service';
import { ProjectorController } from './projector.controller';
import { ProjectorService } from './projector.service';
import { SessionEvents } from './session-events';

@Module({ imports: [SessionsModule], controllers: [LiveController, ProjectorController], providers: [SessionEvents, LiveService, ProjectorService], exports: [SessionEvents, LiveService, ProjectorService] })
export class LiveModule {}

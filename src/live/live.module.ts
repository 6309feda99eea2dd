import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { LiveController } from './live.controller';
import { LiveService } from './live.service';
import { SessionEvents } from './session-events';

@Module({ imports: [SessionsModule], controllers: [LiveController], providers: [SessionEvents, LiveService], exports: [SessionEvents, LiveService] })
export class LiveModule {}

import { Global, Module } from '@nestjs/common';
import { RegisterController } from './register.controller';
import { RegisterService } from './register.service';
import { RecordCache } from './record-cache';
import { LiveRecord } from './live-record';

@Global()
@Module({ controllers: [RegisterController], providers: [RegisterService, RecordCache, LiveRecord], exports: [RegisterService, RecordCache, LiveRecord] })
export class RegisterModule {}

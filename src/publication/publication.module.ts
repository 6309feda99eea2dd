import { Module } from '@nestjs/common';
import { ExtractsModule } from '../extracts/extracts.module';
import { PublicActsController } from './public-acts.controller';
import { PublicActsService } from './public-acts.service';

@Module({ imports: [ExtractsModule], controllers: [PublicActsController], providers: [PublicActsService] })
export class PublicationModule {}

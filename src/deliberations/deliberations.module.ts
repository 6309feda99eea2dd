import { Module } from '@nestjs/common';
import { ExecutoireController } from './executoire.controller';
import { ExecutoireService } from './executoire.service';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

@Module({ controllers: [ItemsController, ExecutoireController], providers: [ItemsService, ExecutoireService], exports: [ItemsService, ExecutoireService] })
export class DeliberationsModule {}

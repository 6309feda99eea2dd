import { Module } from '@nestjs/common';
import { CollectivitiesController } from './collectivities.controller';
import { CollectivitiesService } from './collectivities.service';

@Module({ controllers: [CollectivitiesController], providers: [CollectivitiesService], exports: [CollectivitiesService] })
export class CollectivitiesModule {}

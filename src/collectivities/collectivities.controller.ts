import { Body as Payload, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { localParts } from '../domain/time-zones';
import { CollectivitiesService } from './collectivities.service';
import { CreateBodyDto, UpdateBodySettingsDto } from './dto/create-body.dto';
import { CreateCollectivityDto, UpdateCollectivityDto } from './dto/create-collectivity.dto';

class ProfilesQuery {
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}

@ApiTags('collectivities')
@Controller('api')
export class CollectivitiesController {
  constructor(private readonly service: CollectivitiesService) {}

  @Post('collectivities')
  create(@Payload() dto: CreateCollectivityDto) { return this.service.create(dto); }

  @Get('collectivities')
  list(@Query() q: PageQuery) { return this.service.list(q); }

  @Get('collectivities/:cid')
  get(@UuidParam('cid') cid: string) { return this.service.get(cid); }

  @Patch('collectivities/:cid')
  update(@UuidParam('cid') cid: string, @Payload() dto: UpdateCollectivityDto) { return this.service.update(cid, dto); }

  @Post('collectivities/:cid/bodies')
  createBody(@UuidParam('cid') cid: string, @Payload() dto: CreateBodyDto) { return this.service.createBody(cid, dto); }

  @Get('collectivities/:cid/bodies')
  listBodies(@UuidParam('cid') cid: string, @Query() q: PageQuery) { return this.service.listBodies(cid, q); }

  @Patch('collectivities/:cid/bodies/:bid')
  updateBodySettings(@UuidParam('cid') cid: string, @UuidParam('bid') bid: string, @Payload() dto: UpdateBodySettingsDto) {
    return this.service.updateBodySettings(cid, bid, dto);
  }

  @Get('rule-profiles')
  profiles(@Query() q: ProfilesQuery) { return this.service.profiles(q.date ?? localParts(new Date()).date); }
}

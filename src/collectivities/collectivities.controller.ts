import { Body as Payload, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DateQuery } from '../common/date-query.dto';
import { PageQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { localParts } from '../domain/time-zones';
import { CollectivitiesService } from './collectivities.service';
import { CreateBodyDto, UpdateBodySettingsDto } from './dto/create-body.dto';
import { UpdateCollectivityDto } from './dto/create-collectivity.dto';
import { CreateCollectivityWithAdminDto } from '../auth/dto/auth.dto';
import { Permission } from '../auth/permissions';

@ApiTags('collectivities')
@Controller('api')
export class CollectivitiesController {
  constructor(private readonly service: CollectivitiesService) {}

  @Post('collectivities')
  @Permission('operator')
  create(@Payload() dto: CreateCollectivityWithAdminDto) { return this.service.create(dto); }

  @Get('collectivities')
  @Permission('authenticated')
  list(@Query() q: PageQuery) { return this.service.list(q); }

  @Get('collectivities/:cid')
  @Permission('collectivity.read')
  get(@UuidParam('cid') cid: string) { return this.service.get(cid); }

  @Patch('collectivities/:cid')
  @Permission('collectivity.manage')
  update(@UuidParam('cid') cid: string, @Payload() dto: UpdateCollectivityDto) { return this.service.update(cid, dto); }

  @Post('collectivities/:cid/bodies')
  @Permission('body.manage')
  createBody(@UuidParam('cid') cid: string, @Payload() dto: CreateBodyDto) { return this.service.createBody(cid, dto); }

  @Get('collectivities/:cid/bodies')
  @Permission('collectivity.read')
  listBodies(@UuidParam('cid') cid: string, @Query() q: PageQuery) { return this.service.listBodies(cid, q); }

  @Patch('collectivities/:cid/bodies/:bid')

  @Permission('body.manage')
  updateBodySettings(@UuidParam('cid') cid: string, @UuidParam('bid') bid: string, @Payload() dto: UpdateBodySettingsDto) {
    return this.service.updateBodySettings(cid, bid, dto);
  }

  @Get('rule-profiles')
  @Permission('authenticated')
  profiles(@Query() q: DateQuery) { return this.service.profiles(q.date ?? localParts(new Date()).date); }
}

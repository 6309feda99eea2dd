import { Body as Payload, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CreateItemDto, CreateRecusalDto, UpdateItemDto } from './dto/item.dto';
import { ItemsService } from './items.service';
import { Permission } from '../auth/permissions';

@ApiTags('deliberations')
@Controller('api/collectivities/:cid')
export class ItemsController {
  constructor(private readonly service: ItemsService) {}

  @Post('sessions/:sid/items')
  @Permission('session.prepare')
  create(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: CreateItemDto) { return this.service.create(cid, sid, dto); }

  @Get('sessions/:sid/items')
  @Permission('draft.read')
  list(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.service.list(cid, sid); }

  @Get('items/:iid')
  @Permission('draft.read')
  get(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string) { return this.service.get(cid, iid); }

  @Patch('items/:iid')
  @Permission('session.prepare')
  update(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: UpdateItemDto) { return this.service.update(cid, iid, dto); }

  @Post('items/:iid/recusals')
  @Permission('session.record')
  addRecusal(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: CreateRecusalDto) { return this.service.addRecusal(cid, iid, dto); }
}

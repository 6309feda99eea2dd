import { Body as Payload, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CreateItemDto, CreateRecusalDto, UpdateItemDto } from './dto/item.dto';
import { ItemsService } from './items.service';

@ApiTags('deliberations')
@Controller('api/collectivities/:cid')
export class ItemsController {
  constructor(private readonly service: ItemsService) {}

  @Post('sessions/:sid/items')
  create(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: CreateItemDto) { return this.service.create(cid, sid, dto); }

  @Get('sessions/:sid/items')
  list(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.service.list(cid, sid); }

  @Get('items/:iid')
  get(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string) { return this.service.get(cid, iid); }

  @Patch('items/:iid')
  update(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: UpdateItemDto) { return this.service.update(cid, iid, dto); }

  @Post('items/:iid/recusals')
  addRecusal(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: CreateRecusalDto) { return this.service.addRecusal(cid, iid, dto); }
}

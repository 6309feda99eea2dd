import { Body as Payload, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DateQuery } from '../common/date-query.dto';
import { PageQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { localParts } from '../register/session-context';
import { CreateMemberDto, CreateMembershipDto } from './dto/create-member.dto';
import { MembersService } from './members.service';
import { Permission } from '../auth/permissions';

@ApiTags('members')
@Controller('api/collectivities/:cid')
export class MembersController {
  constructor(private readonly service: MembersService) {}

  @Post('members')
  @Permission('member.manage')
  create(@UuidParam('cid') cid: string, @Payload() dto: CreateMemberDto) { return this.service.create(cid, dto); }

  @Get('members')
  @Permission('member.read')
  list(@UuidParam('cid') cid: string, @Query() q: PageQuery) { return this.service.list(cid, q); }

  @Get('members/:mid')
  @Permission('member.read')
  get(@UuidParam('cid') cid: string, @UuidParam('mid') mid: string) { return this.service.get(cid, mid); }

  @Post('members/:mid/memberships')
  @Permission('member.manage')
  addMembership(@UuidParam('cid') cid: string, @UuidParam('mid') mid: string, @Payload() dto: CreateMembershipDto) { return this.service.addMembership(cid, mid, dto); }

  @Get('bodies/:bid/members')
  @Permission('member.read')
  inOffice(@UuidParam('cid') cid: string, @UuidParam('bid') bid: string, @Query() q: DateQuery) { return this.service.inOffice(cid, bid, q.date ?? localParts(new Date()).date); }
}

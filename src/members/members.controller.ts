import { Body as Payload, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../common/pagination.dto';
import { UuidParam } from '../common/uuid-param';
import { localParts } from '../register/session-context';
import { CreateMemberDto, CreateMembershipDto } from './dto/create-member.dto';
import { MembersService } from './members.service';

class DateQuery {
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}

@ApiTags('members')
@Controller('api/collectivities/:cid')
export class MembersController {
  constructor(private readonly service: MembersService) {}

  @Post('members')
  create(@UuidParam('cid') cid: string, @Payload() dto: CreateMemberDto) { return this.service.create(cid, dto); }

  @Get('members')
  list(@UuidParam('cid') cid: string, @Query() q: PageQuery) { return this.service.list(cid, q); }

  @Get('members/:mid')
  get(@UuidParam('cid') cid: string, @UuidParam('mid') mid: string) { return this.service.get(cid, mid); }

  @Post('members/:mid/memberships')
  addMembership(@UuidParam('cid') cid: string, @UuidParam('mid') mid: string, @Payload() dto: CreateMembershipDto) { return this.service.addMembership(cid, mid, dto); }

  @Get('bodies/:bid/members')
  inOffice(@UuidParam('cid') cid: string, @UuidParam('bid') bid: string, @Query() q: DateQuery) { return this.service.inOffice(cid, bid, q.date ?? localParts(new Date()).date); }
}

import { Body as Payload, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { AccountsService } from './accounts.service';
import { CreateAccountDto, LinkMemberDto, SetRolesDto } from './dto/auth.dto';
import { Permission } from './permissions';

/** The accounts of a collectivity, managed by its administrators. */
@ApiTags('accounts')
@Controller('api/collectivities/:cid/accounts')
@Permission('account.manage')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  create(@UuidParam('cid') cid: string, @Payload() dto: CreateAccountDto) { return this.accounts.addAccount(cid, dto); }

  @Get()
  list(@UuidParam('cid') cid: string) { return this.accounts.list(cid).then((items) => ({ items })); }

  @Put(':aid/roles')
  setRoles(@UuidParam('cid') cid: string, @UuidParam('aid') aid: string, @Payload() dto: SetRolesDto) { return this.accounts.setRoles(cid, aid, dto.roles); }

  @Put(':aid/member')
  linkMember(@UuidParam('cid') cid: string, @UuidParam('aid') aid: string, @Payload() dto: LinkMemberDto) { return this.accounts.linkMember(cid, aid, dto.memberId ?? null); }

  @Post(':aid/disable') @HttpCode(200)
  disable(@UuidParam('cid') cid: string, @UuidParam('aid') aid: string) { return this.accounts.disable(cid, aid); }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { UuidParam } from '../common/uuid-param';
import { RegisterService } from './register.service';
import { Permission } from '../auth/permissions';

export class NumberQuery {
  @ApiProperty({ example: '19-09-107' }) @IsString() @Length(1, 60)
  number: string;

  /** Needed only when two bodies of the collectivity use the same number. */
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  bodyId?: string;
}

@ApiTags('register')
@Controller('api/collectivities/:cid')
export class RegisterController {
  constructor(private readonly service: RegisterService) {}

  @Get('items/:iid/state')
  @Permission('draft.read')
  @ApiOperation({ summary: 'Computed state of an item: counts, lists, quorum, result and its wording (what the extract prints)' })
  itemState(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string) { return this.service.itemState(cid, iid); }

  @Get('deliberations/state')
  @Permission('draft.read')
  @ApiOperation({ summary: 'Computed state of a deliberation by its number, e.g. ?number=19-09-107' })
  byNumber(@UuidParam('cid') cid: string, @Query() q: NumberQuery) { return this.service.itemStateByNumber(cid, q.number, q.bodyId); }
}

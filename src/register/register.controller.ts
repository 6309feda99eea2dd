import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
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
  @ApiProduces('application/json')
  itemState(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Res() res: Response) { return this.service.itemStateJson(cid, iid).then((s) => sendTagged(res, s)); }

  @Get('deliberations/state')
  @Permission('draft.read')
  @ApiOperation({ summary: 'Computed state of a deliberation by its number, e.g. ?number=19-09-107' })
  byNumber(@UuidParam('cid') cid: string, @Query() q: NumberQuery) { return this.service.itemStateByNumber(cid, q.number, q.bodyId); }
}

/** JSON already serialized, with its version's tag: express answers 304 itself when the client holds that tag. */
function sendTagged(res: Response, s: { json: string; etag: string }): void {
  res.setHeader('ETag', s.etag);
  res.type('application/json').send(s.json);
}

import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Permission } from '../auth/permissions';
import { UuidParam } from '../common/uuid-param';
import { ConvocationService } from './convocation.service';

@ApiTags('documents')
@Controller('api/collectivities/:cid/sessions/:sid')
export class ConvocationController {
  constructor(private readonly convocation: ConvocationService) {}

  @Get('convocation.pdf') @ApiProduces('application/pdf') @ApiOperation({ summary: 'The convocation letter and its agenda (L2121-10 to L2121-12)' })
  @Permission('draft.read')
  pdf(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.convocation.pdf(cid, sid); }
}

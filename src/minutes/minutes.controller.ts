import { Body as Payload, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { AdoptMinutesDto, PublishMinutesDto, WriteDebatesDto } from './dto/minutes.dto';
import { MinutesService } from './minutes.service';
import { Permission } from '../auth/permissions';

@ApiTags('minutes')
@Controller('api/collectivities/:cid/sessions/:sid/minutes')
export class MinutesController {
  constructor(private readonly service: MinutesService) {}

  @Get()
  @Permission('draft.read')
  @ApiOperation({ summary: 'The procès-verbal (L2121-15): status, adoption, publication, and the debates of each item, with its version' })
  get(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.service.get(cid, sid); }

  @Put('debates/:iid')
  @Permission('minutes.write')
  @ApiOperation({ summary: 'Write the substance of the debates of an item; editable after the close, until the procès-verbal is adopted' })
  debates(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @UuidParam('iid') iid: string, @Payload() dto: WriteDebatesDto) { return this.service.writeDebates(cid, sid, iid, dto); }

  @Post('adoption')
  @Permission('minutes.write')
  @ApiOperation({ summary: 'Adopt the procès-verbal of a closed session at a later open session of the same body; sealed afterwards' })
  adopt(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: AdoptMinutesDto) { return this.service.adopt(cid, sid, dto); }

  @Post('publication')
  @Permission('minutes.write')
  @ApiOperation({ summary: 'Record the publication date of the adopted procès-verbal, once, not before its adoption' })
  publish(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: PublishMinutesDto) { return this.service.publish(cid, sid, dto); }
}

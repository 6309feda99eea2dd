import { Body as Payload, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { CorrectExecutoireDto, RecordAcknowledgementDto, RecordPublicationDto, RecordTransmissionDto } from './dto/executoire.dto';
import { ExecutoireService } from './executoire.service';
import { Permission } from '../auth/permissions';

@ApiTags('deliberations')
@Controller('api/collectivities/:cid/items/:iid')
export class ExecutoireController {
  constructor(private readonly service: ExecutoireService) {}

  @Post('transmission') @ApiOperation({ summary: 'Records once the day the act was sent to the préfecture' })
  @Permission('act.facts')
  transmission(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: RecordTransmissionDto) { return this.service.recordTransmission(cid, iid, dto); }

  @Post('acknowledgement') @ApiOperation({ summary: "Records once the préfecture's date of receipt (printed) and the platform's identifier" })
  @Permission('act.facts')
  acknowledgement(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: RecordAcknowledgementDto) { return this.service.recordAcknowledgement(cid, iid, dto); }

  @Post('publication') @ApiOperation({ summary: 'Records once the day of publication' })
  @Permission('act.facts')
  publication(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: RecordPublicationDto) { return this.service.recordPublication(cid, iid, dto); }

  @Post('executoire-corrections') @ApiOperation({ summary: 'Corrects recorded exécutoire facts, with a mandatory reason kept in the audit trail' })
  @Permission('act.facts')
  correct(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: CorrectExecutoireDto) { return this.service.correct(cid, iid, dto); }
}

import { Body as Payload, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { RecordElectionDto, RecordVoteDto } from './dto/vote.dto';
import { VotesService } from './votes.service';
import { Permission } from '../auth/permissions';

@ApiTags('votes')
@Controller('api/collectivities/:cid/items/:iid')
export class VotesController {
  constructor(private readonly service: VotesService) {}

  @Post('vote')
  @Permission('session.record')
  @ApiOperation({ summary: 'Record the vote of an item (counts, or one ballot per member for a public roll call); returns the item state' })
  record(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: RecordVoteDto) { return this.service.record(cid, iid, dto); }

  @Post('election')
  @Permission('session.record')
  @ApiOperation({ summary: 'Record an election by secret ballot over up to three rounds' })
  election(@UuidParam('cid') cid: string, @UuidParam('iid') iid: string, @Payload() dto: RecordElectionDto) { return this.service.recordElection(cid, iid, dto); }
}

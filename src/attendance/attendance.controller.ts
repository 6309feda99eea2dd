import { Body as Payload, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { AttendanceService } from './attendance.service';
import { AttendanceChangeDto, SetAttendanceDto } from './dto/attendance.dto';
import { Permission } from '../auth/permissions';

@ApiTags('attendance')
@Controller('api/collectivities/:cid/sessions/:sid')
export class AttendanceController {
  constructor(private readonly service: AttendanceService) {}

  @Put('attendance')
  @Permission('session.record')
  setOpening(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: SetAttendanceDto) { return this.service.setOpening(cid, sid, dto); }

  @Get('attendance')
  @Permission('draft.read')
  get(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.service.summary(cid, sid); }

  @Post('attendance-changes')
  @Permission('session.record')
  addChange(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: AttendanceChangeDto) { return this.service.addChange(cid, sid, dto); }
}

import { Body as Payload, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Permission } from '../auth/permissions';
import { UuidParam } from '../common/uuid-param';
import { UndoGestureDto } from './dto/attendance.dto';
import { UndoGestureService } from './undo-gesture.service';

@ApiTags('attendance')
@Controller('api/collectivities/:cid/sessions/:sid/gestures')
export class GesturesController {
  constructor(private readonly undo: UndoGestureService) {}

  /** The last arrival, departure or proxy of the session (null when none). */
  @Get('last')
  @Permission('draft.read')
  last(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string) { return this.undo.last(cid, sid); }

  /** Undoes it while the items it touches are not voted (ITEM_ALREADY_VOTED otherwise). */
  @Post('undo') @HttpCode(200)
  @Permission('session.record')
  undoLast(@UuidParam('cid') cid: string, @UuidParam('sid') sid: string, @Payload() dto: UndoGestureDto) { return this.undo.undo(cid, sid, dto.gestureId); }
}

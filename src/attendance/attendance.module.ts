import { Module } from '@nestjs/common';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { GesturesController } from './gestures.controller';
import { UndoGestureService } from './undo-gesture.service';

@Module({ controllers: [AttendanceController, GesturesController], providers: [AttendanceService, UndoGestureService], exports: [AttendanceService, UndoGestureService] })
export class AttendanceModule {}

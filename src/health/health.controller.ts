import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Health, HealthService } from './health.service';
import { Public } from '../auth/permissions';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public('health for load balancers and the watchdog: up or not, no data')
  @ApiOperation({ summary: 'For load balancers and process managers: 200 when the database answers, else 503' })
  @ApiResponse({ status: 503, description: 'The database is down or did not answer within 2 s' })
  async check(@Res({ passthrough: true }) res: Response): Promise<Health> {
    return this.health.check().then((h) => (res.status(h.status === 'ok' ? 200 : 503), h));
  }
}

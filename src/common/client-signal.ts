import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';

/**
 * An AbortSignal that fires when the client goes away before the response is complete (a closed tab,
 * an aborted download): work done for that request only (rendering a ZIP) stops.
 */
export const ClientSignal = createParamDecorator((_data: unknown, ctx: ExecutionContext): AbortSignal => {
  const res = ctx.switchToHttp().getResponse<Response>();
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
});

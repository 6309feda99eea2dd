import type { MessageEvent } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';

/**
 * Writes server-sent events to the response once the stream is known to exist: the checks (unknown session → 404)
 * run before the first byte, which Nest's @Sse() does not guarantee when interceptors wrap the handler.
 */
export const sendEvents = (res: Response) => (events: Observable<MessageEvent>): void => {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Connection', 'keep-alive');
  // Reverse proxies (nginx) must not buffer the stream.
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  const subscription = events.subscribe({
    next: (e) => res.write(`event: ${e.type ?? 'message'}\ndata: ${JSON.stringify(e.data)}\n\n`),
    error: () => res.end(),
    complete: () => res.end(),
  });
  res.on('close', () => subscription.unsubscribe());
};

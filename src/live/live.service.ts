import { Injectable, MessageEvent } from '@nestjs/common';
import { concat, from, interval, map, merge, Observable } from 'rxjs';
import { SessionsService } from '../sessions/sessions.service';
import { SessionEvents } from './session-events';

/** Keeps idle connections open through proxies that close silent ones. */
const HEARTBEAT_MS = 25_000;

@Injectable()
export class LiveService {
  constructor(private readonly sessions: SessionsService, private readonly bus: SessionEvents) {}

  /** The session's version now, then at each change; a 404 before any event for an unknown session. */
  async events(cid: string, sid: string): Promise<Observable<MessageEvent>> {
    await this.sessions.get(cid, sid);
    // Listening before reading the version: a change committed in between is both read and notified, never lost.
    await this.bus.listen(sid);
    const { version } = await this.sessions.get(cid, sid);
    const watched = this.bus.watch(sid);
    return merge(
      concat(from([{ sessionId: sid, version }]), watched).pipe(map((e) => ({ type: 'version', data: { version: e.version } }))),
      interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'ping', data: {} }))),
    );
  }
}

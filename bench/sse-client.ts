// A server-sent events client for the live benchmark and the e2e tests (Node has no EventSource before 22).
import { request } from 'node:http';

export interface SseEvent {
  type: string;
  data: unknown;
  at: number;
}

/** A server-sent events client for tests and benchmarks: collects events and waits for one that matches. */
export class SseClient {
  readonly events: SseEvent[] = [];
  private waiters: { test: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  private close: () => void = () => undefined;

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SSE ${url}: ${res.statusCode}`));
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            client.receive(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        resolve(client);
      });
      req.on('error', reject);
      client.close = () => req.destroy();
      req.end();
    });
  }

  /** Resolves with the first event (already received or to come) that passes the test. */
  next(test: (e: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
    const seen = this.events.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching server-sent event within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test, resolve: (e) => { clearTimeout(timer); resolve(e); } });
    });
  }

  end(): void {
    this.close();
  }

  private receive(block: string): void {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trim());
    }
    if (!data.length) return;
    const text = data.join('\n');
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* plain text */ }
    const e = { type, data: parsed, at: performance.now() };
    this.events.push(e);
    this.waiters = this.waiters.filter((w) => (w.test(e) ? (w.resolve(e), false) : true));
  }
}

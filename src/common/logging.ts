import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Params } from 'nestjs-pino';
import pino, { Logger } from 'pino';
import { currentActor } from '../auth/actor';

/**
 * Logs are JSON lines (pino): one line per request (id, account, route, status, time) and one line per cause
 * of error, so that an operator's tools can count and alert, and a failing database gives a few lines, not a flood.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

let root: Logger | null = null;
/** Writes out the lines gathered (set with the root logger's destination). */
let flush = (): void => undefined;

/**
 * The process's logger (level from LOG_LEVEL, default info; silent inside Jest unless LOG_LEVEL is set, where the
 * tests' own apps run quiet); main, the CLI and Nest share it.
 */
export function rootLogger(level: LogLevel = (process.env.LOG_LEVEL as LogLevel) || (process.env.JEST_WORKER_ID ? 'silent' : 'info')): Logger {
  if (!root) {
    // Lines are gathered up to 4 kB and written at least every quarter of a second: one write per request cost the
    // live path as much as a query (system calls are dear on small VMs). Written out at exit; an error at once.
    const destination = pino.destination({ dest: 1, minLength: 4096, sync: false });
    setInterval(() => destination.flush(), 250).unref();
    root = pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
    flush = () => destination.flush();
  }
  return root;
}

type Req = IncomingMessage & { route?: { path?: string }; registreAccount?: string };

/** A client's own request id is kept when it looks like one (a load balancer's), else a fresh uuid. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/** Known once the request has been routed and the guards have run, hence written with the request's line. */
const who = (req: IncomingMessage) => ({ account: (req as Req).registreAccount ?? currentActor().label, route: (req as Req).route?.path });

/** nestjs-pino settings: `silent` for the tests (their app runs with the logger off). */
export function loggingParams(level?: LogLevel): Params {
  return {
    pinoHttp: {
      logger: level === 'silent' ? pino({ level: 'silent' }) : rootLogger(),
      genReqId: requestId,
      customSuccessObject: (req, _res, line) => ({ ...line, ...who(req) }),
      customErrorObject: (req, _res, _err, line) => ({ ...line, ...who(req) }),
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      customSuccessMessage: () => 'request',
      customErrorMessage: () => 'request',
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
        // The error itself is logged once per cause by the exception filter.
        err: () => undefined,
      },
    },
  };
}

const WINDOW_MS = 60_000;
const seen = new Map<string, { at: number; suppressed: number }>();

/**
 * Logs an error once per cause and per minute, with its stack the first time and the count of the
 * repeats it stood for afterwards. The cause is the error's class, code and first line of message.
 */
export function logOncePerCause(logger: Logger, error: unknown, fields: Record<string, unknown> = {}): void {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code ?? (e as { driverError?: { code?: unknown } }).driverError?.code;
  const cause = `${e.name}:${code ?? ''}:${e.message.split('\n')[0].slice(0, 200)}`;
  const now = Date.now();
  const last = seen.get(cause);
  if (last && now - last.at < WINDOW_MS) {
    last.suppressed++;
    return;
  }
  if (seen.size > 1000) seen.clear();
  seen.set(cause, { at: now, suppressed: 0 });
  logger.error({ ...fields, cause, code, repeatedSinceLastLine: last?.suppressed ?? 0, stack: last ? undefined : e.stack }, e.message.split('\n')[0]);
  flush();
}

/** Nest's boot lines (each module loaded, each route mapped: some eighty) are debug, not info. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export class AppLogger extends NestPinoLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) return super.debug(message, ...rest);
    super.log(message, ...rest);
  }
}

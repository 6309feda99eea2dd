import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { NextFunction, Request, Response, urlencoded } from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { AppModule, AppOptions } from './app.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { AppLogger } from './common/logging';
import { validationPipe } from './common/validation';
import { DEFAULT_TIMEOUTS, loadConfig } from './config/app-config';

/** Builds the HTTP app the same way for `npm start` and for the e2e tests. */
export async function createApp(options: AppOptions, logger: false | undefined = undefined): Promise<INestApplication> {
  const quiet = logger === false;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...options, logLevel: quiet ? 'silent' : options.logLevel }), {
    bodyParser: false,
    ...(quiet ? { logger: false } : { bufferLogs: true }),
  });
  if (!quiet) app.useLogger(app.get(AppLogger));
  const t = options.timeouts ?? DEFAULT_TIMEOUTS;
  const server = app.getHttpServer() as Server;
  Object.assign(server, { headersTimeout: t.headersMs, requestTimeout: t.requestMs, keepAliveTimeout: t.keepAliveMs });
  const config = loadConfig();
  const trustProxy = options.trustProxy ?? config.TRUST_PROXY;
  // Behind a reverse proxy: the client's address (sign-in throttling) and HTTPS (Secure cookie) come from X-Forwarded-*.
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  app.disable('x-powered-by');
  // Security headers; upgrade-insecure-requests only where the site is served over HTTPS, or plain-HTTP installs break.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: config.COOKIE_SECURE === 'true' ? [] : null } } }));
  // 1 MB of JSON is far above any legitimate request (a 240-member roll call is ~40 kB); more is refused with 413.
  app.useBodyParser('json', { limit: '1mb' });
  // HTML forms are the console's (sign-in, recording a session; an RNE import's confirmation carries the lines kept
  // from the file); the JSON API takes JSON only, so a cross-site form can never post to it.
  const forms = urlencoded({ limit: '2mb', extended: false });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/') ? next() : forms(req, res, next)));
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  const doc = new DocumentBuilder()
    .setTitle('Registre API')
    .setDescription("Registre des délibérations: sessions, attendance, proxies, quorum, votes and certified extracts. Errors are { statusCode, code, message, details }.")
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc));
  await app.init();
  return app;
}

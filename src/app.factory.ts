import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Server } from 'node:http';
import { AppModule, AppOptions } from './app.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { AppLogger } from './common/logging';
import { validationPipe } from './common/validation';
import { DEFAULT_TIMEOUTS } from './config/app-config';

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
  // 1 MB of JSON is far above any legitimate request (a 240-member roll call is ~40 kB); more is refused with 413.
  app.useBodyParser('json', { limit: '1mb' });
  // The console's forms; an RNE import's confirmation carries the lines kept from the file.
  app.useBodyParser('urlencoded', { extended: false, limit: '2mb' });
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

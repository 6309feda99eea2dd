import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { signInPage } from '../auth/sign-in-page';
import { DomainErrorFilter } from '../common/domain-error.filter';
import { ConsoleService } from './console.service';

/**
 * The console answers errors with French HTML pages, where the API answers JSON: same status codes,
 * computed by the API's filter so that both stay in step (unknown id 404, bad uuid 400).
 */
@Injectable()
@Catch()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');
  private readonly api = new DomainErrorFilter();

  constructor(private readonly console: ConsoleService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.api.toBody(exception);
    // Not signed in: the sign-in form itself, which brings the reader back to this page.
    if (body.statusCode === 401) {
      res.status(401).type('text/html; charset=utf-8').send(signInPage({ next: host.switchToHttp().getRequest<Request>().originalUrl }));
      return;
    }
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const field = typeof body.details.field === 'string' ? body.details.field : null;
    let html: string;
    try {
      html = this.console.errorPage(body.statusCode, field);
    } catch (e) {
      // The error page itself failed: still answer, in plain text.
      this.logger.error(e instanceof Error ? e.stack : String(e));
      res.status(body.statusCode).type('text/plain; charset=utf-8').send(`Erreur ${body.statusCode}`);
      return;
    }
    res.status(body.statusCode).type('text/html; charset=utf-8').send(html);
  }
}

import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Response } from 'express';
import { describeHttpError } from './http-error';

/** Every error becomes `{ error: { code, message } }`; unexpected ones only expose an errorId. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = describeHttpError(exception, this.logger);
    if (!res.headersSent) res.status(status).json({ error: body });
  }
}

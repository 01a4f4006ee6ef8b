import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { IncomingMessage } from 'node:http';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/** Paths that may hold personal data or secrets; pino replaces them before a line is written. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-li-signature"]',
  'req.body',
  'res.body',
  '*.text',
  '*.body',
  '*.email',
  '*.password',
  '*.phone',
  '*.name',
  '*.externalId',
  '*.senderExternalId',
  '*.token',
];

/** Query strings carry verify tokens and challenges; the logged URL is the path only. */
function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, service: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        PinoLoggerModule.forRoot({
          // Webhook deliveries arrive by the thousand per second and a logger per request is a
          // noticeable share of their cost; the webhook service logs rejections, the error filter
          // unexpected failures.
          exclude: [{ method: RequestMethod.ALL, path: 'webhooks/*path' }],
          pinoHttp: {
            level: config.logLevel,
            base: { service },
            redact: { paths: REDACT_PATHS, censor: '[redacted]' },
            autoLogging: { ignore: (req: IncomingMessage) => pathOnly(req.url) === '/health' },
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: pathOnly(req.url),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              err: (err: Error & { code?: string }) => ({
                type: err.name,
                message: err.message,
                code: err.code,
              }),
            },
          },
        }),
      ],
    };
  }
}

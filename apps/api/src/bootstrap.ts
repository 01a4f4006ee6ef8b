import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@webcare/platform';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { mountWebUi, webCspSources } from './http/web-ui';
import { apiDocumentConfig } from './openapi/openapi-document';
import { RedisIoAdapter } from './realtime/redis-io.adapter';
import { WebhookHttpEntry } from './webhooks/webhook-http.entry';
import { Server } from 'node:http';

/** Idle keep-alive connections live this long (above the common 60 s of proxies and senders). */
const KEEP_ALIVE_MS = 65_000;
/** Headers are small: they get less time than a whole request. */
const HEADERS_TIMEOUT_MS = 10_000;

export async function bootstrapApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');
  const web = webCspSources();
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...web.script],
    styleSrc: ["'self'", ...web.style],
    connectSrc: ["'self'", 'ws:', 'wss:'],
  };
  const strict = helmet({ contentSecurityPolicy: { directives } });
  // Swagger UI sets inline styles; only its own pages get 'unsafe-inline' for styles.
  const docs = helmet({
    contentSecurityPolicy: { directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] } },
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next),
  );
  app.use('/api', express.json({ limit: '100kb' }));

  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, apiDocumentConfig()));
  mountWebUi(app);

  const ioAdapter = new RedisIoAdapter(app, config);
  await ioAdapter.connectToRedis();
  app.useWebSocketAdapter(ioAdapter);

  const server = app.getHttpServer() as Server;
  app.get(WebhookHttpEntry).mount(server);
  // Senders (Meta, load balancers) keep connections open longer than Node's 5 s default; closing
  // an idle one just as the sender reuses it resets that request. Outlast them instead.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // A request's headers and body must arrive in time, or it is answered 408 and closed (a slow
  // trickle cannot hold a connection); checked every second rather than Node's default 30 s. Idle
  // keep-alive connections are not requests, so the timeouts above do not cut them.
  server.requestTimeout = config.httpRequestTimeoutMs;
  server.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, config.httpRequestTimeoutMs);
  // Read when the server starts listening; Node's typings only know it as a constructor option.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1000;
  server.maxConnections = config.httpMaxConnections;
  await app.listen(config.port, '0.0.0.0');
  return app;
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getPriority, setPriority } from 'node:os';
import { loadConfigOrExit } from '@webcare/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

const config = loadConfigOrExit();

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  lowerPriority(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

/**
 * Background work yields the CPU to the api when both share cores: a webhook or an agent waiting
 * on an answer matters more than a job finishing a few milliseconds sooner.
 */
function lowerPriority(logger: Logger): void {
  if (getPriority() >= config.workerNice) return;
  try {
    setPriority(config.workerNice);
  } catch (err) {
    logger.warn({ err: { message: (err as Error).message } }, 'could not lower the worker CPU priority');
  }
}

main().catch((err: Error) => {
  process.stderr.write(`Worker failed to start: ${err.message}\n`);
  process.exit(1);
});

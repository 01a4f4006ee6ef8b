import { Global, Module } from '@nestjs/common';
import { JobHandlerRegistry } from '@webcare/core';
import { JobRunner } from './job-runner.service';

@Global()
@Module({
  providers: [{ provide: JobHandlerRegistry, useValue: new JobHandlerRegistry() }, JobRunner],
  exports: [JobHandlerRegistry],
})
export class JobsModule {}

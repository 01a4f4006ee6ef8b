import { Global, Module } from '@nestjs/common';
import { JobHandlerRegistry } from '@webcare/core';
import { InboundRecoveryService } from './inbound-recovery.service';
import { JobRunner } from './job-runner.service';

@Global()
@Module({
  providers: [
    { provide: JobHandlerRegistry, useValue: new JobHandlerRegistry() },
    JobRunner,
    InboundRecoveryService,
  ],
  exports: [JobHandlerRegistry],
})
export class JobsModule {}

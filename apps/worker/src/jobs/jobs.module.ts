import { Global, Module } from '@nestjs/common';
import { JobHandlerRegistry } from '@webcare/platform';
import { InboundRecoveryRepository } from './inbound-recovery.repository';
import { InboundRecoveryService } from './inbound-recovery.service';
import { JobRunner } from './job-runner.service';

@Global()
@Module({
  providers: [
    { provide: JobHandlerRegistry, useValue: new JobHandlerRegistry() },
    JobRunner,
    InboundRecoveryService,
    InboundRecoveryRepository,
  ],
  exports: [JobHandlerRegistry],
})
export class JobsModule {}

import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule, LoggingModule } from '@webcare/platform';
import { InboundModule } from './inbound/inbound.module';
import { JobsModule } from './jobs/jobs.module';
import { RetentionModule } from './retention/retention.module';
import { OutboundModule } from './outbound/outbound.module';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config),
        LoggingModule.forRoot(config, 'worker'),
        JobsModule,
        InboundModule,
        RetentionModule,
        OutboundModule,
        ReportsModule,
      ],
    };
  }
}

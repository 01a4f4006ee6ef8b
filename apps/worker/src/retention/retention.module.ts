import { RetentionDomainModule } from '@webcare/domain';
import { Module } from '@nestjs/common';
import { RetentionSweepProcessor } from './retention-sweep.processor';

@Module({ imports: [RetentionDomainModule], providers: [RetentionSweepProcessor] })
export class RetentionModule {}

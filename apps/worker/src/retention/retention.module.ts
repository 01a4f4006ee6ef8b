import { Module } from '@nestjs/common';
import { RetentionSweepProcessor } from './retention-sweep.processor';

@Module({ providers: [RetentionSweepProcessor] })
export class RetentionModule {}

import { Module } from '@nestjs/common';
import { CaseFactsRecorder } from './case-facts.recorder';
import { CaseFactsRepository } from './case-facts.repository';

/** Import where cases are answered or closed. */
@Module({ providers: [CaseFactsRepository, CaseFactsRecorder], exports: [CaseFactsRecorder] })
export class ReportFactsModule {}

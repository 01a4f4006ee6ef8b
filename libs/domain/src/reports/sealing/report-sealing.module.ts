import { Module } from '@nestjs/common';
import { ReportWeeksRepository } from './report-weeks.repository';
import { SealedWeeksService } from './sealed-weeks.service';

/** Sealed week cubes: read by the reports API, sealed ahead of time by the worker's `reports.seal` job. */
@Module({ providers: [SealedWeeksService, ReportWeeksRepository], exports: [SealedWeeksService] })
export class ReportSealingModule {}

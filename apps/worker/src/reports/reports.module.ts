import { Module } from '@nestjs/common';
import { ReportSealingModule } from '@webcare/domain';
import { SealReportWeeksProcessor } from './seal-report-weeks.processor';

@Module({ imports: [ReportSealingModule], providers: [SealReportWeeksProcessor] })
export class ReportsModule {}

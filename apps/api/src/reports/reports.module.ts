import { Module } from '@nestjs/common';
import { ReportWeeksRepository } from './report-weeks.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { SealedWeeksService } from './sealed-weeks.service';

@Module({
  controllers: [ReportsController],
  providers: [ReportsService, SealedWeeksService, ReportWeeksRepository],
})
export class ReportsModule {}

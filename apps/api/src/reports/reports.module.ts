import { Module } from '@nestjs/common';
import { ReportSealingModule } from '@webcare/domain';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [ReportSealingModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}

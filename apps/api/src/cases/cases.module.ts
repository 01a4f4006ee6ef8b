import { Module } from '@nestjs/common';
import { ReportFactsModule, AuditDomainModule, PseudonymsDomainModule } from '@webcare/domain';
import { RedactionsModule } from '../redactions/redactions.module';
import { CaseAccessService } from './case-access.service';
import { CaseActionsService } from './case-actions.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [AuditDomainModule, PseudonymsDomainModule, RedactionsModule, ReportFactsModule],
  controllers: [CasesController],
  providers: [CasesService, CaseActionsService, CaseAccessService, CasesRepository],
  exports: [CaseAccessService, CasesRepository],
})
export class CasesModule {}

import { PseudonymsDomainModule, AuditDomainModule } from '@webcare/domain';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RedactionsModule } from '../redactions/redactions.module';
import { HandoverController } from './handover.controller';
import { HandoverPreviewRepository } from './handover-preview.repository';
import { HandoverPreviewService } from './handover-preview.service';
import { RedactionsService } from './redactions.service';

/** The human check before hand-over: the receiving team's view, and marking what the engine missed. */
@Module({
  imports: [PseudonymsDomainModule, AuditDomainModule, CasesModule, RedactionsModule],
  controllers: [HandoverController],
  providers: [HandoverPreviewService, HandoverPreviewRepository, RedactionsService],
})
export class HandoverModule {}

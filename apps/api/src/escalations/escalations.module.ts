import { AuditDomainModule, PseudonymsDomainModule } from '@webcare/domain';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RedactionsModule } from '../redactions/redactions.module';
import { EscalationsController } from './escalations.controller';
import { EscalationsRepository } from './escalations.repository';
import { EscalationsService } from './escalations.service';

@Module({
  imports: [AuditDomainModule, PseudonymsDomainModule, CasesModule, RedactionsModule],
  controllers: [EscalationsController],
  providers: [EscalationsService, EscalationsRepository],
})
export class EscalationsModule {}

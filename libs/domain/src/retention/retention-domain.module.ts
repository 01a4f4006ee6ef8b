import { Module } from '@nestjs/common';
import { AuditDomainModule } from '../audit/audit-domain.module';
import { CaseShredder } from './case-shredder.service';
import { DeletedCaseTraces } from './deleted-case-traces.service';
import { RetentionMaintenance } from './retention-maintenance.service';
import { RetentionPolicyService } from './retention-policy.service';
import { RetentionRepository } from './retention.repository';
import { RetentionSweeper } from './retention-sweeper.service';

/** Retention: policies, due cases, the case shredder, the paced sweep and database maintenance. */
@Module({
  imports: [AuditDomainModule],
  providers: [
    RetentionRepository,
    RetentionPolicyService,
    DeletedCaseTraces,
    CaseShredder,
    RetentionMaintenance,
    RetentionSweeper,
  ],
  exports: [RetentionPolicyService, CaseShredder, RetentionMaintenance, RetentionSweeper],
})
export class RetentionDomainModule {}

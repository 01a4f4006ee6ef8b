import { RetentionDomainModule, AuditDomainModule, ChannelAccountsDomainModule } from '@webcare/domain';
import { Module } from '@nestjs/common';
import { DeletionReceiptsRepository } from './deletion-receipts.repository';
import { DeletionsService } from './deletions.service';
import { LegalHoldsRepository } from './legal-holds.repository';
import { LegalHoldsService } from './legal-holds.service';
import { PrivacyController } from './privacy.controller';
import { RetentionPoliciesRepository } from './retention-policies.repository';
import { RetentionPoliciesService } from './retention-policies.service';
import { SubjectErasureService } from './subject-erasure.service';
import { SubjectsRepository } from './subjects.repository';
import { SubjectsService } from './subjects.service';

@Module({
  imports: [RetentionDomainModule, AuditDomainModule, ChannelAccountsDomainModule],
  controllers: [PrivacyController],
  providers: [
    RetentionPoliciesRepository,
    RetentionPoliciesService,
    DeletionReceiptsRepository,
    DeletionsService,
    LegalHoldsRepository,
    LegalHoldsService,
    SubjectsRepository,
    SubjectsService,
    SubjectErasureService,
  ],
})
export class PrivacyModule {}

import { Module } from '@nestjs/common';
import { DeletionsService } from './deletions.service';
import { LegalHoldsService } from './legal-holds.service';
import { PrivacyController } from './privacy.controller';
import { RetentionPoliciesService } from './retention-policies.service';
import { SubjectsService } from './subjects.service';

@Module({
  controllers: [PrivacyController],
  providers: [RetentionPoliciesService, DeletionsService, LegalHoldsService, SubjectsService],
})
export class PrivacyModule {}

import { AuditDomainModule } from '@webcare/domain';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RepliesModule } from '../replies/replies.module';
import { ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';
import { ConsentsRepository } from './consents.repository';

@Module({
  imports: [AuditDomainModule, CasesModule, RepliesModule],
  controllers: [ConsentsController],
  providers: [ConsentsService, ConsentsRepository],
})
export class ConsentsModule {}

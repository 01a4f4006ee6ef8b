import { AuditDomainModule } from '@webcare/domain';
import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';

@Module({ imports: [AuditDomainModule], controllers: [AuditController], providers: [AuditQueryService] })
export class AuditModule {}

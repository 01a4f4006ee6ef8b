import { Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The keyed audit trail: append, list, verify. */
@Module({ providers: [AuditRepository, AuditService], exports: [AuditService] })
export class AuditDomainModule {}

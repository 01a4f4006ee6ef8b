import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { ChannelAccountsRepository } from './channel-accounts/channel-accounts.repository';
import { ChannelAccountsService } from './channel-accounts/channel-accounts.service';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { KeyRing } from './crypto/key-ring.service';
import { KeyCacheSync } from './crypto/key-cache-sync';
import { KeyStore } from './crypto/key-store';
import { dataSourceOptions } from './database/data-source';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { PseudonymVaultStore } from './pseudonyms/pseudonym-vault.store';
import { CaseShredder } from './retention/case-shredder.service';
import { DeletedCaseTraces } from './retention/deleted-case-traces.service';
import { RetentionMaintenance } from './retention/retention-maintenance.service';
import { RetentionPolicyService } from './retention/retention-policy.service';
import { RetentionSweeper } from './retention/retention-sweeper.service';
import { RetentionRepository } from './retention/retention.repository';
import { RealtimeEmitter } from './realtime/realtime-emitter.service';
import { RedisModule } from './redis/redis.module';

@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        RedisModule,
      ],
      providers: [
        KeyStore,
        KeyCacheSync,
        KeyRing,
        RealtimeEmitter,
        ChannelAccountsRepository,
        ChannelAccountsService,
        OutboxRelay,
        AuditRepository,
        AuditService,
        PseudonymVaultStore,
        RetentionRepository,
        RetentionPolicyService,
        DeletedCaseTraces,
        CaseShredder,
        RetentionMaintenance,
        RetentionSweeper,
      ],
      exports: [
        KeyStore,
        KeyRing,
        RealtimeEmitter,
        ChannelAccountsRepository,
        ChannelAccountsService,
        OutboxRelay,
        AuditService,
        PseudonymVaultStore,
        RetentionPolicyService,
        CaseShredder,
        RetentionMaintenance,
        RetentionSweeper,
      ],
    };
  }
}

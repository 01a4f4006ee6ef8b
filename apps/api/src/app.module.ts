import { AuditDomainModule, ChannelAccountsDomainModule } from '@webcare/domain';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AppConfig, PlatformModule, LoggingModule } from '@webcare/platform';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { CannedResponsesModule } from './canned-responses/canned-responses.module';
import { CasesModule } from './cases/cases.module';
import { ChannelAccountsModule } from './channel-accounts/channel-accounts.module';
import { HealthModule } from './health/health.module';
import { HttpErrorFilter } from './http/http-error.filter';
import { PrivacyModule } from './privacy/privacy.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { validationPipe } from './http/validation.pipe';
import { ConsentsModule } from './consents/consents.module';
import { EscalationsModule } from './escalations/escalations.module';
import { HandoverModule } from './handover/handover.module';
import { RealtimeModule } from './realtime/realtime.module';
import { RepliesModule } from './replies/replies.module';
import { ReportsModule } from './reports/reports.module';
import { StartupService } from './startup.service';
import { TeamsModule } from './teams/teams.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AuditDomainModule,
        ChannelAccountsDomainModule,
        PlatformModule.forRoot(config),
        LoggingModule.forRoot(config, 'api'),
        AuthModule,
        RateLimitModule,
        AuditModule,
        UsersModule,
        TeamsModule,
        CasesModule,
        ChannelAccountsModule,
        CannedResponsesModule,
        PrivacyModule,
        HealthModule,
        WebhooksModule,
        RealtimeModule,
        RepliesModule,
        EscalationsModule,
        HandoverModule,
        ConsentsModule,
        ReportsModule,
      ],
      providers: [
        StartupService,
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        // After authentication, so an authenticated caller is limited as a user, not an address.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}

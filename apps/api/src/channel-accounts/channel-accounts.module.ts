import { AuditDomainModule, ChannelAccountsDomainModule } from '@webcare/domain';
import { Module } from '@nestjs/common';
import { ChannelAccountsAdminService } from './channel-accounts-admin.service';
import { ChannelAccountsController } from './channel-accounts.controller';

@Module({
  imports: [AuditDomainModule, ChannelAccountsDomainModule],
  controllers: [ChannelAccountsController],
  providers: [ChannelAccountsAdminService],
})
export class ChannelAccountsModule {}

import { Module } from '@nestjs/common';
import { ChannelAccountsAdminService } from './channel-accounts-admin.service';
import { ChannelAccountsController } from './channel-accounts.controller';

@Module({ controllers: [ChannelAccountsController], providers: [ChannelAccountsAdminService] })
export class ChannelAccountsModule {}

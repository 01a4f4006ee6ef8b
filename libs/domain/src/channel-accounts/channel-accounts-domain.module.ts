import { Module } from '@nestjs/common';
import { ChannelAccountsRepository } from './channel-accounts.repository';
import { ChannelAccountsService } from './channel-accounts.service';

/** Channel accounts and their sealed secrets. */
@Module({
  providers: [ChannelAccountsRepository, ChannelAccountsService],
  exports: [ChannelAccountsRepository, ChannelAccountsService],
})
export class ChannelAccountsDomainModule {}

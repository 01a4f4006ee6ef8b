import { Injectable } from '@nestjs/common';
import { verifyMetaHandshake } from '@webcare/channels';
import { Channel } from '@webcare/platform';
import { ChannelAccountsService } from '@webcare/domain';
import { webhookError, WebhookErrorCode } from './webhook.errors';

@Injectable()
export class MetaHandshakeService {
  constructor(private readonly accounts: ChannelAccountsService) {}

  /** Meta's subscription check: echo the challenge when the verify token is one of ours. */
  async answer(channel: Channel, query: Record<string, unknown>): Promise<string> {
    for (const account of await this.accounts.ofChannel(channel)) {
      const challenge = account.verifyToken ? verifyMetaHandshake(query, account.verifyToken) : null;
      if (challenge !== null) return challenge;
    }
    throw webhookError(WebhookErrorCode.HandshakeRefused, 'The verify token does not match');
  }
}

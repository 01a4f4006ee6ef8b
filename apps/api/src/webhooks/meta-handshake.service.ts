import { Injectable } from '@nestjs/common';
import { verifyMetaHandshake } from '@webcare/channels';
import { Channel, ChannelAccountsService, DomainError } from '@webcare/core';

@Injectable()
export class MetaHandshakeService {
  constructor(private readonly accounts: ChannelAccountsService) {}

  /** Meta's subscription check: echo the challenge when the verify token is one of ours. */
  async answer(channel: Channel, query: Record<string, unknown>): Promise<string> {
    for (const account of await this.accounts.ofChannel(channel)) {
      const challenge = account.verifyToken ? verifyMetaHandshake(query, account.verifyToken) : null;
      if (challenge !== null) return challenge;
    }
    throw new DomainError('HANDSHAKE_REFUSED', 'The verify token does not match', 403);
  }
}

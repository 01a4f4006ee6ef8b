import { Injectable } from '@nestjs/common';
import { linkedInChallengeResponse } from '@webcare/channels';
import { ChannelAccountsService } from '@webcare/domain';
import { webhookError, WebhookErrorCode } from './webhook.errors';

@Injectable()
export class LinkedInChallengeService {
  constructor(private readonly accounts: ChannelAccountsService) {}

  /**
   * The challenge signed with the client secret. One LinkedIn app (one secret) serves every organization it
   * is subscribed for, so the first connected organization's secret answers; the accounts come from the cache.
   */
  async answer(code: unknown): Promise<{ challengeCode: string; challengeResponse: string }> {
    if (typeof code !== 'string' || !code || code.length > 512) {
      throw webhookError(WebhookErrorCode.MissingChallenge, 'challengeCode is required');
    }
    const [account] = await this.accounts.ofChannel('linkedin');
    if (!account)
      throw webhookError(WebhookErrorCode.NoLinkedInAccount, 'No LinkedIn organization is connected');
    return { challengeCode: code, challengeResponse: linkedInChallengeResponse(code, account.appSecret) };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { ChannelSendError, SendResult, WhatsAppClient } from '@webcare/channels';
import { AppConfig, APP_CONFIG, ChannelAccountSecrets } from '@webcare/core';

/** Sends a text through the account's channel; one client per channel, base URLs from configuration. */
@Injectable()
export class ChannelSenders {
  private readonly whatsapp: WhatsAppClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.whatsapp = new WhatsAppClient({ baseUrl: config.graphApiBaseUrl });
  }

  send(
    account: ChannelAccountSecrets,
    to: string,
    text: string,
    idempotencyKey: string,
  ): Promise<SendResult> {
    switch (account.channel) {
      case 'whatsapp':
        return this.whatsapp.sendText({
          phoneNumberId: account.externalId,
          accessToken: account.accessToken,
          to,
          text,
          idempotencyKey,
        });
      default:
        return Promise.reject(
          new ChannelSendError({
            code: 'CHANNEL_NOT_SUPPORTED',
            retryable: false,
            message: `Sending on ${account.channel} is not available yet`,
            userMessage: `Replies on ${account.channel} cannot be sent from the inbox yet; answer on the platform itself.`,
          }),
        );
    }
  }
}

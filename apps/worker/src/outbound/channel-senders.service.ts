import { Injectable } from '@nestjs/common';
import {
  ChannelSendError,
  FacebookClient,
  LinkedInClient,
  ReplyRef,
  SendResult,
  WhatsAppClient,
} from '@webcare/channels';
import { AppConfig } from '@webcare/platform';
import { ChannelAccountSecrets, needsHumanAgentTag } from '@webcare/domain';

/** One reply to send, with what the platform needs to place it. */
export interface OutboundReply {
  /** The contact's platform id (phone number, PSID, person URN). */
  to: string;
  text: string;
  /** Our message id: echoed back by platforms that support it, to settle an interrupted send. */
  idempotencyKey: string;
  /** Comment replies: public (in the thread) or private (Facebook Private Reply). */
  visibility: 'public' | 'private' | null;
  /** Comment replies: the comment answered. */
  replyRef: ReplyRef | null;
  lastInboundAt: Date | null;
}

/** Sends a text through the account's channel; one client per channel, base URLs from configuration. */
@Injectable()
export class ChannelSenders {
  private readonly whatsapp: WhatsAppClient;
  private readonly facebook: FacebookClient;
  private readonly linkedin: LinkedInClient;

  constructor(config: AppConfig) {
    this.whatsapp = new WhatsAppClient({ baseUrl: config.graphApiBaseUrl });
    this.facebook = new FacebookClient({ baseUrl: config.graphApiBaseUrl });
    this.linkedin = new LinkedInClient({
      baseUrl: config.linkedinApiBaseUrl,
      version: config.linkedinApiVersion,
    });
  }

  send(account: ChannelAccountSecrets, reply: OutboundReply): Promise<SendResult> {
    switch (account.channel) {
      case 'whatsapp':
        return this.whatsapp.sendText({
          phoneNumberId: account.externalId,
          accessToken: account.accessToken,
          to: reply.to,
          text: reply.text,
          idempotencyKey: reply.idempotencyKey,
        });
      case 'facebook':
        return this.sendFacebook(account, reply);
      case 'linkedin':
        if (!reply.replyRef) return Promise.reject(noTarget());
        return this.linkedin.comment({
          accessToken: account.accessToken,
          organizationUrn: account.externalId,
          objectUrn: reply.replyRef.objectId,
          parentCommentUrn: reply.replyRef.commentId,
          text: reply.text,
        });
    }
  }

  private sendFacebook(account: ChannelAccountSecrets, reply: OutboundReply): Promise<SendResult> {
    const common = { pageId: account.externalId, accessToken: account.accessToken, text: reply.text };
    if (!reply.replyRef) {
      return this.facebook.sendMessage({
        ...common,
        psid: reply.to,
        idempotencyKey: reply.idempotencyKey,
        humanAgentTag: needsHumanAgentTag(reply.lastInboundAt, new Date()),
      });
    }
    const commentId = reply.replyRef.commentId;
    if (!commentId) return Promise.reject(noTarget());
    if (reply.visibility === 'private') return this.facebook.privateReply({ ...common, commentId });
    // Facebook threads comments one level deep: a reply to a reply goes under its top-level comment.
    return this.facebook.commentReply({ ...common, commentId: reply.replyRef.parentCommentId ?? commentId });
  }
}

function noTarget(): ChannelSendError {
  return new ChannelSendError({
    code: 'COMMENT_GONE',
    retryable: false,
    message: 'No comment to reply to',
    userMessage: 'The comment this reply answered has been removed, so the reply cannot be placed.',
  });
}

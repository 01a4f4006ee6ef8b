import { ChannelSendError, type SendResult } from '../channel.types';
import { answeredWithoutId, postJson } from '../http-send';

export interface LinkedInClientOptions {
  /** LINKEDIN_API_BASE_URL, e.g. https://api.linkedin.com (tests point it at a local stand-in). */
  baseUrl: string;
  /** LINKEDIN_API_VERSION, sent as LinkedIn-Version (YYYYMM). */
  version: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export interface LinkedInCommentArgs {
  accessToken: string;
  organizationUrn: string;
  /** The post (share or ugcPost) the conversation is under. */
  objectUrn: string;
  /** The comment answered; absent when answering the post itself (a mention). */
  parentCommentUrn?: string;
  text: string;
}

const RETRY_NOTE = 'The reply will be retried automatically.';

/** Comments as the organization through the Community Management API. Errors never carry text or URNs. */
export class LinkedInClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly opts: LinkedInClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = opts.fetchImpl ?? fetch;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  /** POST /rest/socialActions/{encoded URN}/comments: under the comment answered, or on the post. */
  async comment(args: LinkedInCommentArgs): Promise<SendResult> {
    const target = args.parentCommentUrn ?? args.objectUrn;
    const { status, payload, headers } = await postJson(
      'LinkedIn',
      this.fetchImpl,
      `${this.baseUrl}/rest/socialActions/${encodeUrn(target)}/comments`,
      {
        Authorization: `Bearer ${args.accessToken}`,
        'LinkedIn-Version': this.opts.version,
        'X-Restli-Protocol-Version': '2.0.0',
      },
      {
        actor: args.organizationUrn,
        object: args.objectUrn,
        message: { text: args.text },
        ...(args.parentCommentUrn ? { parentComment: args.parentCommentUrn } : {}),
      },
      this.timeoutMs,
    );
    if (status < 200 || status >= 300) throw linkedInSendError(status);
    const body = (payload ?? {}) as Record<string, unknown>;
    const id = [
      body.commentUrn,
      body.$URN,
      body.id,
      headers.get('x-restli-id'),
      headers.get('x-linkedin-id'),
    ].find((v): v is string => typeof v === 'string' && v !== '');
    if (!id) {
      throw answeredWithoutId(
        `LinkedIn comment answered HTTP ${status} without an id`,
        'LinkedIn gave an unexpected answer; the reply may or may not have been posted.',
      );
    }
    return { externalId: id };
  }
}

/** Rest.li 2.0 wants every reserved character of a URN in a path encoded, parentheses included. */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/** LinkedIn's answers mapped to states staff (or an admin) can act on. */
export function linkedInSendError(status: number): ChannelSendError {
  const message = `LinkedIn comment failed: HTTP ${status}`;
  const make = (code: string, retryable: boolean, userMessage: string) =>
    new ChannelSendError({ code, retryable, message, userMessage, platformCode: status });
  if (status === 426) {
    return make(
      'API_VERSION_SUNSET',
      false,
      'LinkedIn no longer accepts the API version this system sends. Ask an administrator to update LINKEDIN_API_VERSION.',
    );
  }
  if (status === 401) {
    return make(
      'AUTH',
      false,
      'LinkedIn rejected the access token of this organization. Ask an administrator to renew it.',
    );
  }
  if (status === 429)
    return make('RATE_LIMITED', true, `LinkedIn is limiting how fast comments can be posted. ${RETRY_NOTE}`);
  if (status >= 500)
    return make('PLATFORM_UNAVAILABLE', true, `LinkedIn is temporarily unavailable. ${RETRY_NOTE}`);
  return make(
    'REJECTED',
    false,
    `LinkedIn did not accept this reply (HTTP ${status}). It will not be retried.`,
  );
}

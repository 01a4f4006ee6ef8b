import { TokenVault } from '@webcare/anonymizer';
import { InboundMessageEvent } from '@webcare/channels';
import { ChannelAccountSecrets } from '@webcare/domain';
import { OpenCaseRow } from './contacts.repository';

export interface InboundMessage {
  accountId: string;
  event: InboundMessageEvent;
}

/**
 * One person writing to one channel account in this batch (on one post, for comments). Intake
 * fills in the rest stage by stage, each stage returning the next, narrower type.
 */
export interface IncomingThread {
  account: ChannelAccountSecrets;
  hash: Buffer;
  /** Keyed hash of the post for comment cases; null for direct messages. */
  threadHash: Buffer | null;
  /** The first message names the person when a contact has to be created. */
  first: InboundMessageEvent;
  lastAt: Date;
}

/** The thread's contact, locked (or just created), and its open case on the thread if there is one. */
export interface ContactedThread extends IncomingThread {
  contactId: string;
  openCase: OpenCaseRow | null;
}

/** The case the thread's messages go to, with its key and token vault. */
export interface FiledThread extends ContactedThread {
  kase: OpenCaseRow;
  key: Buffer;
  vault: TokenVault;
  created: boolean;
  reopened: boolean;
}

/** A message of the batch and the index of its thread (the same in every stage's list). */
export interface IntakeItem {
  thread: number;
  event: InboundMessageEvent;
}

export const contactKey = (accountId: string, hash: Buffer) => `${accountId}:${hash.toString('hex')}`;
export const threadKey = (accountId: string, hash: Buffer, threadHash: Buffer | null) =>
  `${contactKey(accountId, hash)}:${threadHash?.toString('hex') ?? ''}`;
export const keyOfThread = (t: IncomingThread) => threadKey(t.account.id, t.hash, t.threadHash);

export const hasOpenCase = (t: ContactedThread): t is ContactedThread & { openCase: OpenCaseRow } =>
  t.openCase !== null;

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AnonymizeResult } from '@webcare/anonymizer';
import { whatsAppSenderCountry } from '@webcare/channels';
import { aad, encrypt, KeyRing, PendingEmit } from '@webcare/platform';
import { ChannelAccountsService, inboundEventKey, PseudonymVaultStore } from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { IntakeCases } from './intake-cases.service';
import { IntakeContacts } from './intake-contacts.service';
import { intakeEmits } from './intake-emits';
import { FiledThread, InboundMessage, IncomingThread, IntakeItem, keyOfThread } from './intake-threads';
import { IntakeRepository, NewMessage, NewTokens } from './intake.repository';

/**
 * Files a batch of inbound messages in the caller's transaction: contacts, each contact's open case
 * (reopened or new), messages and new tokens. Round trips to Postgres are most of the cost of
 * ingest, so every step is one statement for the whole batch.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly keyRing: KeyRing,
    private readonly accounts: ChannelAccountsService,
    private readonly vaults: PseudonymVaultStore,
    private readonly contacts: IntakeContacts,
    private readonly cases: IntakeCases,
    private readonly repository: IntakeRepository,
  ) {}

  async intake(manager: EntityManager, messages: InboundMessage[]): Promise<PendingEmit[]> {
    const { threads, items } = await this.group(messages);
    if (!items.length) return [];
    const contacted = await this.contacts.attach(manager, threads);
    const filed = await this.cases.attach(manager, contacted);
    const texts = items.map(({ thread, event }) => {
      const { vault, account } = filed[thread];
      return this.vaults.anonymizeWith(vault, event.text, account.allowlist, {
        senderCountry:
          account.channel === 'whatsapp' ? whatsAppSenderCountry(event.senderExternalId) : undefined,
      });
    });
    // Ids are chosen here: each sealed text and reply reference is bound to its message.
    const messageIds = items.map(() => randomUUID());
    const stored = await this.repository.insertMessages(
      manager,
      items.map((item, i) => this.sealMessage(filed[item.thread], item, messageIds[i], texts[i])),
      this.sealTokens(filed, items, texts),
    );
    return intakeEmits(filed, items, messageIds, stored);
  }

  /** The batch's threads (one per person, account and post) and its messages, each naming its thread. */
  private async group(
    messages: InboundMessage[],
  ): Promise<{ threads: IncomingThread[]; items: IntakeItem[] }> {
    const threads: IncomingThread[] = [];
    const index = new Map<string, number>();
    const items: IntakeItem[] = [];
    for (const { accountId, event } of messages) {
      const account = await this.accounts.byId(accountId);
      if (!account) continue;
      const hash = this.keyRing.lookupHash(`${account.channel}:user:${event.senderExternalId}`);
      const threadHash = event.thread
        ? this.keyRing.lookupHash(`${account.channel}:thread:${event.thread}`)
        : null;
      const candidate: IncomingThread = { account, hash, threadHash, first: event, lastAt: event.timestamp };
      const key = keyOfThread(candidate);
      let n = index.get(key);
      if (n === undefined) {
        n = threads.push(candidate) - 1;
        index.set(key, n);
      }
      if (event.timestamp > threads[n].lastAt) threads[n].lastAt = event.timestamp;
      items.push({ thread: n, event });
    }
    return { threads, items };
  }

  private sealMessage(
    thread: FiledThread,
    { event }: IntakeItem,
    id: string,
    text: AnonymizeResult,
  ): NewMessage {
    return {
      id,
      caseId: thread.kase.id,
      accountId: thread.account.id,
      externalHash: this.keyRing.lookupHash(inboundEventKey(event)),
      type: event.messageType,
      textEnc: encrypt(thread.key, event.text, aad.message(id)),
      textPseudo: text.text,
      entities: text.entities,
      special: text.special,
      withheld: text.withheld,
      sentAt: event.timestamp,
      replyRefEnc: event.replyRef
        ? encrypt(thread.key, JSON.stringify(event.replyRef), aad.replyRef(id))
        : null,
    };
  }

  private sealTokens(threads: FiledThread[], items: IntakeItem[], texts: AnonymizeResult[]): NewTokens {
    const tokens: NewTokens = [[], [], [], []];
    items.forEach(({ thread: n }, i) => {
      const { kase, key } = threads[n];
      const [token, type, value] = this.vaults.sealEntries(kase.id, key, texts[i].newEntries);
      tokens[0].push(...token.map(() => kase.id));
      tokens[1].push(...token);
      tokens[2].push(...type);
      tokens[3].push(...value);
    });
    return tokens;
  }
}

import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { detect } from '@webcare/anonymizer';
import { CommentChangeEvent, NormalizedEvent } from '@webcare/channels';
import { aad, JobHandlerRegistry, JobName, KeyRing, PendingEmit, RealtimeEmitter } from '@webcare/platform';
import { DataSource } from 'typeorm';
import { CaseIntakeService } from './case-intake.service';
import { CommentChangeService } from './comment-change.service';
import { InboundEventRepository } from './inbound-event.repository';
import { InboundMessage } from './intake-threads';
import { StatusUpdateService } from './status-update.service';

/**
 * Turns a batch of stored webhook events into domain rows in one transaction that also marks the
 * events processed and drops their sealed payloads: a crash anywhere rolls back, and a re-run of
 * already processed events does nothing. Socket events go out only after the commit. If the batch
 * fails as a whole (a deadlock with another batch, one bad event), each event is retried in a
 * transaction of its own, so one event can never hold back the others.
 */
@Injectable()
export class InboundEventHandler implements OnModuleInit {
  private readonly logger = new Logger(InboundEventHandler.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly dataSource: DataSource,
    private readonly keyRing: KeyRing,
    private readonly intake: CaseIntakeService,
    private readonly statuses: StatusUpdateService,
    private readonly commentChanges: CommentChangeService,
    private readonly realtime: RealtimeEmitter,
    private readonly events: InboundEventRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.ProcessInboundEvent, ({ inboundEventIds }) =>
      this.process(inboundEventIds),
    );
    // Name lists load on first use (seconds); pay that at start-up, not on the first message.
    detect('Hoi, ik ben Sanne de Vries, bel me op 06-12345678');
  }

  async process(inboundEventIds: string[]): Promise<void> {
    if (inboundEventIds.length === 1) return this.processTogether(inboundEventIds);
    try {
      await this.processTogether(inboundEventIds);
    } catch (err) {
      this.logger.warn(
        {
          events: inboundEventIds.length,
          err: { type: (err as Error).name, message: (err as Error).message },
        },
        'inbound batch failed; filing its events one by one',
      );
      let failure: unknown = null;
      for (const id of inboundEventIds) {
        await this.processTogether([id]).catch((e: unknown) => (failure ??= e));
      }
      if (failure) throw failure;
    }
  }

  private async processTogether(ids: string[]): Promise<void> {
    const emits = await this.dataSource.transaction(async (manager) => {
      const rows = await this.events.claim(manager, ids);
      const messages: InboundMessage[] = [];
      const changes: { accountId: string; event: CommentChangeEvent }[] = [];
      const emits: PendingEmit[] = [];
      for (const row of rows) {
        const event = reviveEvent(
          JSON.parse(
            this.keyRing.openStaging(
              row.payload_enc,
              aad.stagedEvent(row.channel_account_id, row.external_hash),
            ),
          ),
        );
        if (event.kind === 'message') messages.push({ accountId: row.channel_account_id, event });
        else if (event.kind === 'comment_change') changes.push({ accountId: row.channel_account_id, event });
        else emits.push(...(await this.statuses.apply(manager, row.channel_account_id, event)));
      }
      emits.unshift(...(await this.intake.intake(manager, messages)));
      // After intake: a comment added and edited or removed within one batch is changed once it exists.
      for (const { accountId, event } of changes) {
        emits.push(...(await this.commentChanges.apply(manager, accountId, event)));
      }
      return emits;
    });
    for (const e of emits) this.realtime.emit(e.rooms, e.event, e.payload);
  }
}

function reviveEvent(raw: NormalizedEvent): NormalizedEvent {
  const event = { ...raw, timestamp: new Date(raw.timestamp) };
  if (event.kind === 'status' && event.watermark) event.watermark = new Date(event.watermark);
  return event;
}

import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { detect } from '@webcare/anonymizer';
import { CommentChangeEvent, NormalizedEvent } from '@webcare/channels';
import {
  JobHandlerRegistry,
  JobName,
  KeyRing,
  preparedQuery,
  RealtimeEmitter,
  SocketEventName,
  SocketEvents,
} from '@webcare/core';
import { DataSource } from 'typeorm';
import { CaseIntakeService, InboundMessage } from './case-intake.service';
import { CommentChangeService } from './comment-change.service';
import { StatusUpdateService } from './status-update.service';

export interface PendingEmit<E extends SocketEventName = SocketEventName> {
  rooms: string[];
  event: E;
  payload: SocketEvents[E];
}

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
      // Claims the events (lock, mark processed, drop the sealed payloads) and hands back the
      // payloads in one statement. Events another job holds are skipped: that job files them, or
      // the recovery sweep brings them back if it fails. The commit need not wait for the disk: the
      // webhook's own commit made the events durable, and a lost commit only means they re-run.
      const rows = await preparedQuery<{ id: string; channel_account_id: string; payload_enc: Buffer }>(
        manager,
        'inbound-claim',
        `WITH cfg AS (SELECT set_config('synchronous_commit', 'off', true)),
              old AS (SELECT id, payload_enc FROM inbound_events
                       WHERE id = ANY($1::bigint[]) AND processed_at IS NULL AND payload_enc IS NOT NULL
                       ORDER BY id FOR UPDATE SKIP LOCKED)
         UPDATE inbound_events e SET processed_at = now(), payload_enc = NULL
           FROM old, cfg WHERE e.id = old.id
         RETURNING e.id, e.channel_account_id, old.payload_enc`,
        [ids],
      );
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      const messages: InboundMessage[] = [];
      const changes: { accountId: string; event: CommentChangeEvent }[] = [];
      const emits: PendingEmit[] = [];
      for (const row of rows) {
        const event = reviveEvent(JSON.parse(this.keyRing.openStaging(row.payload_enc)));
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

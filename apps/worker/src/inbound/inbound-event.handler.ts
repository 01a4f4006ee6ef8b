import { Injectable, OnModuleInit } from '@nestjs/common';
import { detect } from '@webcare/anonymizer';
import { InboundMessageEvent, NormalizedEvent, StatusEvent } from '@webcare/channels';
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
import { CaseIntakeService } from './case-intake.service';
import { StatusUpdateService } from './status-update.service';

export interface PendingEmit<E extends SocketEventName = SocketEventName> {
  rooms: string[];
  event: E;
  payload: SocketEvents[E];
}

/**
 * Turns one stored webhook event into domain rows in a single transaction that also marks the
 * event processed and drops its sealed payload: a crash anywhere rolls back, and a re-run of an
 * already processed event does nothing. Socket events go out only after the commit.
 */
@Injectable()
export class InboundEventHandler implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly dataSource: DataSource,
    private readonly keyRing: KeyRing,
    private readonly intake: CaseIntakeService,
    private readonly statuses: StatusUpdateService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.ProcessInboundEvent, ({ inboundEventId }) => this.process(inboundEventId));
    // Name lists load on first use (seconds); pay that at start-up, not on the first message.
    detect('Hoi, ik ben Sanne de Vries, bel me op 06-12345678');
  }

  async process(inboundEventId: string): Promise<void> {
    const emits = await this.dataSource.transaction(async (manager) => {
      // Claims the event (lock, mark processed, drop the sealed payload) and hands back the payload
      // in one statement. The commit need not wait for the disk: the webhook's own commit made the
      // event durable, and a lost commit only means the event is unprocessed again and re-runs.
      const [row] = await preparedQuery<{ channel_account_id: string; payload_enc: Buffer }>(
        manager,
        'inbound-claim',
        `WITH cfg AS (SELECT set_config('synchronous_commit', 'off', true)),
              old AS (SELECT id, payload_enc FROM inbound_events
                       WHERE id = $1 AND processed_at IS NULL AND payload_enc IS NOT NULL FOR UPDATE)
         UPDATE inbound_events e SET processed_at = now(), payload_enc = NULL
           FROM old, cfg WHERE e.id = old.id
         RETURNING e.channel_account_id, old.payload_enc`,
        [inboundEventId],
      );
      if (!row) return [];
      const event = reviveEvent(JSON.parse(this.keyRing.openStaging(row.payload_enc)));
      return event.kind === 'message'
        ? this.intake.intake(manager, row.channel_account_id, event)
        : this.statuses.apply(manager, row.channel_account_id, event);
    });
    for (const e of emits) this.realtime.emit(e.rooms, e.event, e.payload);
  }
}

function reviveEvent(raw: NormalizedEvent): InboundMessageEvent | StatusEvent {
  return { ...raw, timestamp: new Date(raw.timestamp) };
}

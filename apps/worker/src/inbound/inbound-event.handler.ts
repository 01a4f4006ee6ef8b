import { Injectable, OnModuleInit } from '@nestjs/common';
import { detect } from '@webcare/anonymizer';
import { InboundMessageEvent, NormalizedEvent, StatusEvent } from '@webcare/channels';
import {
  JobHandlerRegistry,
  JobName,
  KeyRing,
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
      // The webhook's own commit made the event durable; if this commit were lost in a crash the
      // event would simply be unprocessed again and re-run, so it need not wait for the disk.
      await manager.query(`SET LOCAL synchronous_commit = off`);
      const [row]: { channel_account_id: string; payload_enc: Buffer | null; processed_at: Date | null }[] =
        await manager.query(
          `SELECT channel_account_id, payload_enc, processed_at FROM inbound_events WHERE id = $1 FOR UPDATE`,
          [inboundEventId],
        );
      if (!row || row.processed_at || !row.payload_enc) return [];
      const event = reviveEvent(JSON.parse(this.keyRing.openStaging(row.payload_enc)));
      const result =
        event.kind === 'message'
          ? await this.intake.intake(manager, row.channel_account_id, event)
          : await this.statuses.apply(manager, row.channel_account_id, event);
      await manager.query(
        `UPDATE inbound_events SET processed_at = now(), payload_enc = NULL WHERE id = $1`,
        [inboundEventId],
      );
      return result;
    });
    for (const e of emits) this.realtime.emit(e.rooms, e.event, e.payload);
  }
}

function reviveEvent(raw: NormalizedEvent): InboundMessageEvent | StatusEvent {
  return { ...raw, timestamp: new Date(raw.timestamp) };
}

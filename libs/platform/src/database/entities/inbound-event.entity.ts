import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Durable landing spot for a webhook event; the payload is sealed and cleared once processed. */
@Entity('inbound_events')
export class InboundEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'channel_account_id', type: 'uuid' }) channelAccountId: string;
  @Column({ name: 'external_hash', type: 'bytea' }) externalHash: Buffer;
  @Column({ type: 'text' }) kind: 'message' | 'status';
  @Column({ name: 'payload_enc', type: 'bytea', nullable: true }) payloadEnc: Buffer | null;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt: Date;
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true }) processedAt: Date | null;
}

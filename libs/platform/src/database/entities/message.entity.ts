import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MessageDirection = 'in' | 'out';
/** `sending` is claimed before the platform call; `unknown` means a crash hid the outcome (never resent blindly). */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'unknown'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

@Entity('messages')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'channel_account_id', type: 'uuid' }) channelAccountId: string;
  @Column({ type: 'text' }) direction: MessageDirection;
  /** Keyed hash of the platform message id (WhatsApp ids embed the phone number). */
  @Column({ name: 'external_hash', type: 'bytea', nullable: true }) externalHash: Buffer | null;
  @Column({ name: 'message_type', type: 'text', default: 'text' }) messageType: string;
  @Column({ name: 'text_enc', type: 'bytea' }) textEnc: Buffer;
  @Column({ name: 'text_pseudo', type: 'text' }) textPseudo: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) entities: { type: string; start: number; end: number }[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) special: string[];
  /** Anonymization ran out of its time budget: `textPseudo` is a placeholder, never a partial copy. */
  @Column({ type: 'boolean', default: false }) withheld: boolean;
  @Column({ name: 'delivery_status', type: 'text', nullable: true }) deliveryStatus: DeliveryStatus | null;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId: string | null;
  /** Safe code of the last send failure (WINDOW_CLOSED, RATE_LIMITED …), never the platform's text. */
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode: string | null;
  @Column({ name: 'send_attempts', type: 'integer', default: 0 }) sendAttempts: number;
  /** Inbound comments: where a reply must go (comment and post ids), encrypted with the case key. */
  @Column({ name: 'reply_ref_enc', type: 'bytea', nullable: true }) replyRefEnc: Buffer | null;
  /** Outbound comment replies: a public comment or a private (Messenger) reply. */
  @Column({ type: 'text', nullable: true }) visibility: 'public' | 'private' | null;
  /** Outbound comment replies: the inbound comment answered. */
  @Column({ name: 'reply_to_message_id', type: 'uuid', nullable: true }) replyToMessageId: string | null;
  /** `hidden` when the page hid the comment on the platform. */
  @Column({ name: 'platform_state', type: 'text', nullable: true }) platformState: 'hidden' | null;
  /** Platform time of the last edit / hide state applied: a change filed late never undoes a newer one. */
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true }) editedAt: Date | null;
  @Column({ name: 'platform_state_at', type: 'timestamptz', nullable: true }) platformStateAt: Date | null;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

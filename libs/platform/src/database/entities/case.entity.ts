import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Channel } from './channel-account.entity';

export const CASE_STATUSES = ['open', 'answered', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) channel: Channel;
  @Column({ name: 'channel_account_id', type: 'uuid' }) channelAccountId: string;
  @Column({ name: 'contact_id', type: 'uuid' }) contactId: string;
  @Column({ name: 'team_id', type: 'uuid' }) teamId: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ type: 'text', default: 'open' }) status: CaseStatus;
  @Column({ name: 'data_key_id', type: 'uuid' }) dataKeyId: string;
  /** Comment cases: keyed hash of the post, so each commenter has one case per post. */
  @Column({ name: 'thread_hash', type: 'bytea', nullable: true }) threadHash: Buffer | null;
  @Column({ type: 'text', nullable: true }) topic: string | null;
  @Column({ type: 'text', nullable: true }) language: string | null;
  @Column({ name: 'first_inbound_at', type: 'timestamptz' }) firstInboundAt: Date;
  @Column({ name: 'last_message_at', type: 'timestamptz' }) lastMessageAt: Date;
  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true }) firstResponseAt: Date | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'retention_period', type: 'text', nullable: true }) retentionPeriod: string | null;
  @Column({ name: 'notice_version', type: 'text', nullable: true }) noticeVersion: string | null;
  @Column({ name: 'retain_until', type: 'timestamptz', nullable: true }) retainUntil: Date | null;
  @Column({ name: 'legal_hold', type: 'boolean', default: false }) legalHold: boolean;
  /** The case's anonymous report fact: the only link, and it is deleted with the case. */
  @Column({ name: 'fact_id', type: 'uuid', nullable: true }) factId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Channel } from './channel-account.entity';

/** Default retention per channel; a channel account may override it (channel_accounts.retention_period). */
@Entity('retention_policies')
export class RetentionPolicyEntity {
  @PrimaryColumn({ type: 'text' }) channel: Channel;
  /** ISO-8601 duration after the answer. */
  @Column({ type: 'text' }) period: string;
  /** ISO-8601 duration after the first message for cases that were never answered. */
  @Column({ name: 'max_unanswered_age', type: 'text', default: 'P90D' }) maxUnansweredAge: string;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CHANNELS = ['whatsapp', 'facebook', 'linkedin'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Per-account switches an admin sets. */
export interface ChannelAccountSettings {
  /**
   * Messenger: reply up to 7 days after the person's last message with the HUMAN_AGENT tag. Off by default:
   * Meta must approve the app for it.
   */
  humanAgentTag?: boolean;
}

@Entity('channel_accounts')
export class ChannelAccountEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) channel: Channel;
  @Column({ name: 'external_id', type: 'text' }) externalId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'team_id', type: 'uuid' }) teamId: string;
  @Column({ name: 'app_secret_enc', type: 'bytea' }) appSecretEnc: Buffer;
  @Column({ name: 'verify_token_enc', type: 'bytea', nullable: true }) verifyTokenEnc: Buffer | null;
  @Column({ name: 'access_token_enc', type: 'bytea' }) accessTokenEnc: Buffer;
  @Column({ name: 'retention_period', type: 'text', nullable: true }) retentionPeriod: string | null;
  /** The institution's own mailboxes, numbers and addresses: never treated as personal data. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) allowlist: {
    emails?: string[];
    phones?: string[];
    domains?: string[];
    addresses?: string[];
  };
  @Column({ type: 'jsonb', default: () => "'{}'" }) settings: ChannelAccountSettings;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

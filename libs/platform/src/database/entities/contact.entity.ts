import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Channel } from './channel-account.entity';

@Entity('contacts')
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) channel: Channel;
  @Column({ name: 'channel_account_id', type: 'uuid' }) channelAccountId: string;
  /** Keyed hash of the platform user id: lookups without storing the id in clear. */
  @Column({ name: 'external_hash', type: 'bytea' }) externalHash: Buffer;
  @Column({ name: 'data_key_id', type: 'uuid' }) dataKeyId: string;
  @Column({ name: 'external_id_enc', type: 'bytea' }) externalIdEnc: Buffer;
  @Column({ name: 'display_name_enc', type: 'bytea', nullable: true }) displayNameEnc: Buffer | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only, hash-chained; ids and action names only, never content. */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'object_type', type: 'text' }) objectType: string;
  @Column({ name: 'object_id', type: 'text', nullable: true }) objectId: string | null;
  @Column({ name: 'prev_hash', type: 'text' }) prevHash: string;
  @Column({ type: 'text' }) hash: string;
  /** Role names and the like; never content or identifiers. */
  @Column({ type: 'text', nullable: true }) detail: string | null;
  /** 1: plain SHA-256 (installs before the keyed chain); 2: HMAC with a key derived from DATA_KEY. */
  @Column({ name: 'chain_version', type: 'smallint', default: 1 }) chainVersion: number;
}

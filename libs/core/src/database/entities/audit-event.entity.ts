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
}

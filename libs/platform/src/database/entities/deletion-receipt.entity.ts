import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Proof that a case was deleted; holds no personal data and no id that leads back to the case. */
@Entity('deletion_receipts')
export class DeletionReceiptEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Keyed hash of the case id: lets the officer confirm a known case was deleted, reveals nothing else. */
  @Column({ name: 'case_ref', type: 'text', unique: true }) caseRef: string;
  @Column({ type: 'text' }) reason: 'retention' | 'unanswered' | 'erasure';
  /** The retention period that applied, as an ISO-8601 duration, or null for erasure. */
  @Column({ type: 'text', nullable: true }) policy: string | null;
  @Column({ type: 'jsonb' }) counts: Record<string, number>;
  @Column({ name: 'sweep_id', type: 'uuid', nullable: true }) sweepId: string | null;
  @CreateDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date;
  @Column({ name: 'keep_until', type: 'timestamptz' }) keepUntil: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A span of a message that an agent marked because the anonymizer missed it. The value itself
 * lives in the case's encrypted vault (`pseudonyms`, under `token`); this row holds only where it
 * was marked, so every pseudonymized view of the case can replace every occurrence of it.
 */
@Entity('redactions')
export class RedactionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'message_id', type: 'uuid' }) messageId: string;
  @Column({ name: 'start_offset', type: 'integer' }) start: number;
  @Column({ name: 'end_offset', type: 'integer' }) end: number;
  @Column({ name: 'entity_type', type: 'text' }) entityType: string;
  @Column({ type: 'text' }) token: string;
  /** The marking added the value to the vault, so undoing it removes the vault entry again. */
  @Column({ name: 'created_entry', type: 'boolean' }) createdEntry: boolean;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('legal_holds')
export class LegalHoldEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  /** Why the case is held, from a fixed list (see the privacy feature's legal-hold reasons). */
  @Column({ name: 'reason_code', type: 'text' }) reasonCode: string;
  /** Optional words of the privacy officer, identifiers replaced by their type before storage. */
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'placed_by', type: 'uuid' }) placedBy: string;
  @CreateDateColumn({ name: 'placed_at', type: 'timestamptz' }) placedAt: Date;
  @Column({ name: 'released_by', type: 'uuid', nullable: true }) releasedBy: string | null;
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true }) releasedAt: Date | null;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('legal_holds')
export class LegalHoldEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  /** Written by the privacy officer: a reference (e.g. a file number), not personal data. */
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'placed_by', type: 'uuid' }) placedBy: string;
  @CreateDateColumn({ name: 'placed_at', type: 'timestamptz' }) placedAt: Date;
  @Column({ name: 'released_by', type: 'uuid', nullable: true }) releasedBy: string | null;
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true }) releasedAt: Date | null;
}

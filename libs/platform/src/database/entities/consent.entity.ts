import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CONSENT_STATUSES = ['requested', 'given', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** The person's consent for one purpose and one receiving team, with the message that proves it. */
@Entity('consents')
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'team_id', type: 'uuid' }) teamId: string;
  /** A code from the consent feature's fixed list (apps/api/src/consents/consent-purposes.ts). */
  @Column({ type: 'text' }) purpose: string;
  @Column({ type: 'text', default: 'requested' }) status: ConsentStatus;
  @Column({ name: 'request_message_id', type: 'uuid', nullable: true }) requestMessageId: string | null;
  @Column({ name: 'evidence_message_id', type: 'uuid', nullable: true }) evidenceMessageId: string | null;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' }) requestedAt: Date;
  @Column({ name: 'given_at', type: 'timestamptz', nullable: true }) givenAt: Date | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
}

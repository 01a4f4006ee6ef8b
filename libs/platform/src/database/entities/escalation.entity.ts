import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ESCALATION_STATUSES = ['open', 'answered', 'taken_over', 'closed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

@Entity('escalations')
export class EscalationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'from_team_id', type: 'uuid' }) fromTeamId: string;
  @Column({ name: 'to_team_id', type: 'uuid' }) toTeamId: string;
  @Column({ name: 'from_user_id', type: 'uuid' }) fromUserId: string;
  /** The agent's note, pseudonymized with the case's tokens before it is stored. */
  @Column({ name: 'note_pseudo', type: 'text' }) notePseudo: string;
  @Column({ name: 'answer_pseudo', type: 'text', nullable: true }) answerPseudo: string | null;
  @Column({ type: 'text', default: 'open' }) status: EscalationStatus;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
